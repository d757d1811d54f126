"""The safety net: crisis words in any language make the intent `emergency`, whatever DIET thinks.

It runs after the classifier and before the fallback, so a person in danger gets the emergency
numbers at once even when the classifier is unsure. The words are lookup tables named
`crisis_<lang>` in nlu_data/<lang>/crisis.yml: data the curators can read and extend, and part of
the training data, so a change retrains the model.
"""

from __future__ import annotations

import json
import re
from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import INTENT, INTENT_NAME_KEY, PREDICTED_CONFIDENCE_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.engine_nlu.text import fold
from bot.safety import EMERGENCY

LOOKUP_PREFIX = "crisis_"
KEYWORDS_FILE = "crisis_keywords.json"
#: A letter typed three times or more: people in panic stretch words ("helppp", "ayudaaa", "ساعدوووني").
_STRETCHED = re.compile(r"(\w)\1{2,}")


def compile_keywords(keywords: list[str]) -> re.Pattern[str] | None:
    """One pattern for all keywords, matched on folded text at word boundaries."""
    folded = sorted({fold(k).strip() for k in keywords if fold(k).strip()}, key=len, reverse=True)
    if not folded:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(k) for k in folded) + r")(?!\w)")


def spellings(text: str) -> set[str]:
    """The folded text, and the same with every stretched letter typed once and twice.

    Both, because the word under the stretch may have one letter there or two: "ayudaaa" is
    "ayuda", "zelfmoooord" is "zelfmoord".
    """
    folded = fold(text)
    if not _STRETCHED.search(folded):
        return {folded}  # nearly every message: the two re.sub calls would only copy it
    return {folded, _STRETCHED.sub(r"\1", folded), _STRETCHED.sub(r"\1\1", folded)}


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True)
class CrisisKeywordGuard(GraphComponent):
    """Overrides the intent with `emergency` when a crisis word appears."""

    def __init__(self, model_storage: ModelStorage, resource: Resource, keywords: list[str] | None = None) -> None:
        self._model_storage = model_storage
        self._resource = resource
        self.keywords = keywords or []
        self.pattern = compile_keywords(self.keywords)

    @classmethod
    def create(cls, config: dict[str, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> CrisisKeywordGuard:
        """A new component without keywords (they come from training)."""
        return cls(model_storage, resource)

    @classmethod
    def load(cls, config: dict[str, Any], model_storage: ModelStorage, resource: Resource,
             execution_context: ExecutionContext, **kwargs: Any) -> CrisisKeywordGuard:
        """The component with the keywords it was trained with."""
        with model_storage.read_from(resource) as directory:
            keywords = json.loads((directory / KEYWORDS_FILE).read_text("utf-8"))
        return cls(model_storage, resource, keywords)

    def train(self, training_data: TrainingData) -> Resource:
        """Collect every `crisis_<lang>` lookup table."""
        self.keywords = [str(element) for table in training_data.lookup_tables
                         if str(table.get("name", "")).startswith(LOOKUP_PREFIX)
                         for element in table.get("elements") or []]
        self.pattern = compile_keywords(self.keywords)
        with self._model_storage.write_to(self._resource) as directory:
            (directory / KEYWORDS_FILE).write_text(json.dumps(self.keywords, ensure_ascii=False), "utf-8")
        return self._resource

    def process(self, messages: list[Message]) -> list[Message]:
        """Set the intent to `emergency` (confidence 1) for messages with a crisis word."""
        for message in messages:
            text = message.get(TEXT)
            if self.pattern and isinstance(text, str) and any(map(self.pattern.search, spellings(text))):
                intent = {INTENT_NAME_KEY: EMERGENCY, PREDICTED_CONFIDENCE_KEY: 1.0}
                ranking = [r for r in message.get("intent_ranking") or [] if r.get(INTENT_NAME_KEY) != EMERGENCY]
                message.set(INTENT, intent, add_to_output=True)
                message.set("intent_ranking", [intent, *ranking], add_to_output=True)
                message.set("safety_net", True, add_to_output=True)
        return messages
