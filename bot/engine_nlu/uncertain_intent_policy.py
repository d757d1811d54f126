"""Unsure what the person means? Then the fallback, decided in the dialogue, not in NLU.

Rasa's FallbackClassifier would rename the intent to `nlu_fallback`, so `POST /model/parse` would
no longer return the contract's intent names. This policy leaves the NLU result as it is and
predicts the fallback action when the top intent's confidence is below the threshold; its
priority is above the RulePolicy's, so it wins over the rule for the (uncertain) intent.
"""

from __future__ import annotations

from typing import Any

from rasa.core.policies.policy import Policy, PolicyPrediction
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.domain import Domain
from rasa.shared.core.generator import TrackerWithCachedStates
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.constants import INTENT_NAME_KEY, PREDICTED_CONFIDENCE_KEY


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.POLICY_WITHOUT_END_TO_END_SUPPORT], is_trainable=True)
class UncertainIntentPolicy(Policy):
    """Predicts `fallback_action_name` for an uncertain intent, then listens."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        """Threshold and fallback action; priority 7 is one above the RulePolicy's."""
        return {"threshold": 0.45, "fallback_action_name": "action_fallback", "priority": 7}

    def train(self, training_trackers: list[TrackerWithCachedStates], domain: Domain, **kwargs: Any) -> Resource:
        """Nothing to learn: the policy only reads the latest message's confidence."""
        return self._resource

    def predict_action_probabilities(self, tracker: DialogueStateTracker, domain: Domain,
                                     rule_only_data: dict[str, Any] | None = None,
                                     **kwargs: Any) -> PolicyPrediction:
        """The fallback after an uncertain message, `action_listen` right after the fallback."""
        config = {**self.get_default_config(), **self.config}
        fallback = config["fallback_action_name"]
        probabilities = self._default_predictions(domain)
        if tracker.latest_action_name == fallback:
            probabilities[domain.index_for_action(ACTION_LISTEN_NAME)] = 1.0
        elif tracker.latest_action_name == ACTION_LISTEN_NAME and self.is_uncertain(tracker, config["threshold"]):
            probabilities[domain.index_for_action(fallback)] = 1.0
        return self._prediction(probabilities)

    @staticmethod
    def is_uncertain(tracker: DialogueStateTracker, threshold: float) -> bool:
        """True when the latest message's intent was recognised with low confidence."""
        intent = tracker.latest_message.intent if tracker.latest_message else {}
        if not intent or not intent.get(INTENT_NAME_KEY):
            return False
        return float(intent.get(PREDICTED_CONFIDENCE_KEY) or 0.0) < threshold
