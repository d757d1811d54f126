"""The crisis keyword safety net (engine environment)."""

from __future__ import annotations

from nlu_training_data import training_data
from rasa.shared.nlu.constants import INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.engine_nlu.crisis_guard import EMERGENCY, LOOKUP_PREFIX, CrisisKeywordGuard, compile_keywords, spellings


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


def test_stretched_letters_match_the_word_typed_once_or_twice():
    assert classify("ayudaaa", ["ayuda"])["name"] == "emergency"
    assert classify("zelfmoooord gedachten", ["zelfmoord"])["name"] == "emergency"
    assert classify("ساعدوووني", ["ساعدوني"])["name"] == "emergency"
    assert classify("ayudante", ["ayuda"])["name"] == "health_care"


def test_words_inside_other_words_do_not_match():
    assert classify("my violin lesson", ["viol"])["name"] == "health_care"


def test_without_a_crisis_word_the_classifier_decides():
    assert classify("I need a dentist", ["suicide"])["name"] == "health_care"


def test_no_crisis_word_appears_in_an_example_of_another_intent():
    """A crisis word overrides the classifier, so one that also occurs in ordinary questions would
    answer them with the emergency numbers: the training data shows that none does."""
    data = training_data()
    keywords = [str(word) for table in data.lookup_tables if str(table["name"]).startswith(LOOKUP_PREFIX)
                for word in table["elements"]]
    pattern = compile_keywords(keywords)
    assert pattern is not None and len(keywords) > 1000
    # A set: an example that misfires in two of its spellings is listed once.
    misfires = sorted({(example.get(INTENT), example.get(TEXT), match.group(0)) for example in data.intent_examples
                       if example.get(INTENT) != EMERGENCY
                       for match in filter(None, map(pattern.search, spellings(example.get(TEXT))))})
    assert not misfires
