"""The crisis keyword safety net (engine environment)."""

from __future__ import annotations

from rasa.shared.nlu.training_data.message import Message

from bot.engine_nlu.crisis_guard import CrisisKeywordGuard


def classify(text: str, keywords: list[str]) -> dict:
    guard = CrisisKeywordGuard(None, None, keywords)  # type: ignore[arg-type]
    message = Message(data={"text": text, "intent": {"name": "health_care", "confidence": 0.4},
                            "intent_ranking": [{"name": "health_care", "confidence": 0.4}]})
    guard.process([message])
    return message.get("intent")


def test_a_crisis_word_makes_it_an_emergency():
    assert classify("I want to KILL MYSELF tonight", ["kill myself"])["name"] == "emergency"


def test_matching_ignores_diacritics_and_spelling_variants():
    assert classify("intihar etmek istiyorum", ["intihâr"])["name"] == "emergency"
    assert classify("میخوام خودکشی کنم", ["خود\u200cکشی"])["name"] == "emergency"


def test_words_inside_other_words_do_not_match():
    assert classify("my violin lesson", ["viol"])["name"] == "health_care"


def test_without_a_crisis_word_the_classifier_decides():
    assert classify("I need a dentist", ["suicide"])["name"] == "health_care"
