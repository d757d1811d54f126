"""DIET trained with the fused Adam kernel (engine environment): real tokens, features and training."""

from __future__ import annotations

from pathlib import Path

import pytest
import tensorflow as tf
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.nlu.classifiers.diet_classifier import DIETClassifier
from rasa.nlu.featurizers.sparse_featurizer.count_vectors_featurizer import CountVectorsFeaturizer
from rasa.nlu.tokenizers.whitespace_tokenizer import WhitespaceTokenizer
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.engine_nlu.fused_adam_diet import FusedAdamDIETClassifier
from tests.engine_nlu.test_linear_intent_vote import EXAMPLES

CONFIG = {"epochs": 40, "random_seed": 7, "entity_recognition": False, "learning_rate": 0.003}
QUESTIONS = ["thanks so much", "hello there", "where is the house"]


class Trained:
    """Tokenizer, featurizer and a DIET of `kind`, trained on the examples in a real model storage."""

    def __init__(self, root: Path, kind: type[DIETClassifier]) -> None:
        root.mkdir(parents=True, exist_ok=True)
        storage = LocalModelStorage(root)
        self.context = ExecutionContext(GraphSchema({}), "test")
        self.storage = storage
        self.tokenizer = WhitespaceTokenizer(WhitespaceTokenizer.get_default_config())
        self.featurizer = CountVectorsFeaturizer.create(
            CountVectorsFeaturizer.get_default_config(), storage, Resource("words"), self.context)
        self.diet = kind.create({**kind.get_default_config(), **CONFIG}, storage, Resource("diet"), self.context)
        data = TrainingData([Message(data={"text": text, "intent": intent})
                             for intent, texts in EXAMPLES.items() for text in texts])
        self.tokenizer.process_training_data(data)
        self.featurizer.train(data)
        self.featurizer.process_training_data(data)
        self.diet.train(data)

    def ranking(self, text: str, diet: DIETClassifier | None = None) -> dict[str, float]:
        message = Message(data={"text": text})
        self.tokenizer.process([message])
        self.featurizer.process([message])
        (diet or self.diet).process([message])
        return {r["name"]: r["confidence"] for r in message.get("intent_ranking")}


def test_diet_trains_with_the_fused_adam_at_the_configured_learning_rate(tmp_path: Path) -> None:
    trained = Trained(tmp_path, FusedAdamDIETClassifier)
    optimizer = trained.diet.model.optimizer
    assert isinstance(optimizer, tf.keras.optimizers.legacy.Adam)
    assert float(optimizer.learning_rate) == pytest.approx(CONFIG["learning_rate"])
    assert [max(ranking := trained.ranking(q), key=ranking.get) for q in QUESTIONS] == ["thanks", "greet", "housing"]


def test_the_fused_adam_learns_what_rasas_own_adam_learns(tmp_path: Path) -> None:
    fused = Trained(tmp_path / "fused", FusedAdamDIETClassifier)
    rasa = Trained(tmp_path / "rasa", DIETClassifier)
    assert not isinstance(rasa.diet.model.optimizer, tf.keras.optimizers.legacy.Adam)
    for question in QUESTIONS:
        expected = rasa.ranking(question)
        assert fused.ranking(question) == pytest.approx(expected, abs=0.02), question


def test_a_stored_fused_diet_answers_the_same_after_loading(tmp_path: Path) -> None:
    trained = Trained(tmp_path, FusedAdamDIETClassifier)
    loaded = FusedAdamDIETClassifier.load({**FusedAdamDIETClassifier.get_default_config(), **CONFIG},
                                          trained.storage, Resource("diet"), trained.context)
    for question in QUESTIONS:
        assert trained.ranking(question, loaded) == pytest.approx(trained.ranking(question), abs=1e-5)
