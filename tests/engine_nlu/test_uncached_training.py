"""Training without Rasa's cache hashes no step's output (engine environment)."""

from __future__ import annotations

from pathlib import Path

import pytest
from rasa.engine.caching import CACHE_LOCATION_ENV, CACHE_SIZE_ENV, LocalTrainingCache
from rasa.engine.graph import ExecutionContext, GraphSchema, SchemaNode
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.training import graph_trainer
from rasa.nlu.tokenizers.whitespace_tokenizer import WhitespaceTokenizer

from bot.engine.uncached_training import UncachedTrainingHook, use_uncached_hook

SCHEMA = GraphSchema({"tokenize": SchemaNode(needs={}, uses=WhitespaceTokenizer, constructor_name="create",
                                             fn="process_training_data", config={})})


class Output:
    """A step's output that counts how often it is hashed."""

    def __init__(self) -> None:
        self.hashed = 0

    def fingerprint(self) -> str:
        self.hashed += 1
        return "output"


def run_step(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cache_size: str) -> tuple[Output, dict]:
    """Run the hook around one training step, with Rasa's cache at `cache_size` MB; the output and
    what the hook noted before the step."""
    monkeypatch.setenv(CACHE_SIZE_ENV, cache_size)
    monkeypatch.setenv(CACHE_LOCATION_ENV, str(tmp_path / "cache"))
    hook = UncachedTrainingHook(LocalTrainingCache(), LocalModelStorage(tmp_path / "storage"), SCHEMA)
    context = ExecutionContext(SCHEMA, "test")
    before = hook.on_before_node("tokenize", context, {}, {})
    output = Output()
    hook.on_after_node("tokenize", context, {}, output, before)
    return output, before


def test_with_the_cache_off_no_output_is_hashed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    output, _ = run_step(tmp_path, monkeypatch, "0")
    assert output.hashed == 0
    assert not (tmp_path / "cache").exists()


def test_with_the_cache_on_outputs_are_hashed_and_cached_as_rasa_does(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    output, before = run_step(tmp_path, monkeypatch, "100")
    assert output.hashed == 1
    assert LocalTrainingCache().get_cached_output_fingerprint(before["fingerprint_key"]) == "output"


def test_rasas_graph_trainer_builds_the_uncached_hook(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(graph_trainer, "TrainingHook", graph_trainer.TrainingHook)
    use_uncached_hook()
    assert graph_trainer.TrainingHook is UncachedTrainingHook
