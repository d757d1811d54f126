"""The dialogue-side fallback (engine environment)."""

from __future__ import annotations

from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.engine_nlu.uncertain_intent_policy import UncertainIntentPolicy

DOMAIN = Domain.from_yaml("""
version: "3.1"
intents: [greet, phase_appeal]
actions: [action_fallback]
responses:
  utter_greet:
  - text: hi
""")


def policy(tmp_path) -> UncertainIntentPolicy:
    storage = LocalModelStorage(tmp_path)
    context = ExecutionContext(GraphSchema({}), "test")
    return UncertainIntentPolicy.create(UncertainIntentPolicy.get_default_config(), storage, Resource("p"), context)


def predicted(tmp_path, events) -> str | None:
    tracker = DialogueStateTracker.from_events("s", events)
    prediction = policy(tmp_path).predict_action_probabilities(tracker, DOMAIN)
    if prediction.max_confidence == 0:
        return None
    return DOMAIN.action_names_or_texts[prediction.max_confidence_index]


def said(intent: str, confidence: float) -> list:
    return [ActionExecuted("action_listen"), UserUttered("...", {"name": intent, "confidence": confidence})]


def test_an_uncertain_intent_gets_the_fallback(tmp_path):
    assert predicted(tmp_path, said("phase_appeal", 0.3)) == "action_fallback"


def test_a_confident_intent_is_left_to_the_rules(tmp_path):
    assert predicted(tmp_path, said("phase_appeal", 0.9)) is None


def test_after_the_fallback_the_assistant_listens(tmp_path):
    events = [*said("phase_appeal", 0.3), ActionExecuted("action_fallback")]
    assert predicted(tmp_path, events) == "action_listen"


def test_it_outranks_the_rule_policy():
    assert UncertainIntentPolicy.get_default_config()["priority"] > 6
