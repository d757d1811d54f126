"""The benchmark compares a run with the previous one on the messages both held out."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.nlu_eval import compare, read_predictions, write_predictions


def row(lang: str, intent: str, text: str, predicted: str) -> dict:
    return {"lang": lang, "intent": intent, "text": text, "predicted": predicted, "confidence": 0.9, "language": lang}


def test_only_messages_held_out_both_times_with_the_same_intent_are_compared() -> None:
    previous = [row("ar", "affirm", "اي كمل", "tell_me_more"),     # wrong then, right now under its new intent
                row("ar", "greet", "مرحبا", "greet"),
                row("ar", "thanks", "شكرا", "greet"),
                row("ku", "greet", "silav", "greet")]
    current = [row("ar", "tell_me_more", "اي كمل", "tell_me_more"),  # moved to another intent: not paired
               row("ar", "greet", "مرحبا", "greet"),
               row("ar", "thanks", "شكرا", "thanks"),
               row("ar", "goodbye", "مع السلامة", "greet"),        # new in the split: not paired
               row("ku", "greet", "silav", "goodbye")]
    assert compare(previous, current) == {"ar": {"n": 2, "before": 0.5, "now": 1.0},
                                          "ku": {"n": 1, "before": 1.0, "now": 0.0}}


def test_the_first_run_has_nothing_to_compare_with(tmp_path: Path) -> None:
    assert read_predictions(tmp_path / "predictions.jsonl") == []
    assert compare([], [row("ar", "greet", "مرحبا", "greet")]) == {}


def test_predictions_read_back_as_written(tmp_path: Path) -> None:
    rows = [row("ar", "greet", "مرحبا", "greet"), row("ti", "thanks", "የቐንየለይ", "thanks")]
    write_predictions(rows, tmp_path / "predictions.jsonl")
    assert read_predictions(tmp_path / "predictions.jsonl") == rows
    assert compare(rows, rows)["ti"] == pytest.approx({"n": 1, "before": 1.0, "now": 1.0})
