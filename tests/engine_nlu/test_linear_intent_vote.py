"""The linear votes on the intent (engine environment): trained on real sparse features and real text."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.nlu.featurizers.sparse_featurizer.count_vectors_featurizer import CountVectorsFeaturizer
from rasa.nlu.tokenizers.whitespace_tokenizer import WhitespaceTokenizer
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from sklearn.feature_extraction.text import HashingVectorizer

from bot.engine_nlu.linear_intent_vote import CharNgramIntentVote, LinearIntentVote, LinearVote, blend
from bot.engine_nlu.question_markers import FLAGS, QuestionMarkers

EXAMPLES = {
    "thanks": ["thank you", "thanks a lot", "many thanks", "thank you so much", "thanks for the help"],
    "greet": ["hello", "hi there", "good morning", "hello bot", "hi"],
    "housing": ["where will i live", "when do i get a house", "house from the municipality",
                "can i choose my house", "where is my house"],
}


class Pipeline:
    """Tokenizer, word featurizer and the vote, trained on `examples` in a real model storage."""

    def __init__(self, storage: LocalModelStorage, examples: dict[str, list[str]] = EXAMPLES,
                 kind: type[LinearVote] = LinearIntentVote) -> None:
        context = ExecutionContext(GraphSchema({}), "test")
        self.storage = storage
        self.tokenizer = WhitespaceTokenizer(WhitespaceTokenizer.get_default_config())
        self.featurizer = CountVectorsFeaturizer.create(
            CountVectorsFeaturizer.get_default_config(), storage, Resource("words"), context)
        self.vote = kind.create({}, storage, Resource("vote"), context)
        data = TrainingData([Message(data={"text": text, "intent": intent})
                             for intent, texts in examples.items() for text in texts])
        self.tokenizer.process_training_data(data)
        self.featurizer.train(data)
        self.featurizer.process_training_data(data)
        self.vote.train(data)

    def parse(self, text: str, diet: list[tuple[str, float]], vote: LinearVote | None = None) -> Message:
        ranking = [{"name": name, "confidence": confidence} for name, confidence in diet]
        message = Message(data={"text": text, "intent": ranking[0] if ranking else None, "intent_ranking": ranking})
        self.tokenizer.process([message])
        self.featurizer.process([message])
        (vote or self.vote).process([message])
        return message


@pytest.fixture
def pipeline(tmp_path: Path) -> Pipeline:
    return Pipeline(LocalModelStorage(tmp_path))


def test_the_vote_overrules_an_unsure_diet(pipeline: Pipeline) -> None:
    message = pipeline.parse("thank you so much", [("greet", 0.55), ("thanks", 0.45)])
    assert message.get("intent")["name"] == "thanks"
    assert message.get("intent_ranking")[0] == message.get("intent")


def test_a_confident_diet_that_agrees_keeps_its_intent(pipeline: Pipeline) -> None:
    message = pipeline.parse("where will i live", [("housing", 0.97), ("greet", 0.03)])
    assert message.get("intent")["name"] == "housing"
    assert message.get("intent")["confidence"] > 0.6


@pytest.mark.parametrize("kind", [LinearIntentVote, CharNgramIntentVote])
def test_the_stored_weights_vote_the_same_after_loading(tmp_path: Path, kind: type[LinearVote]) -> None:
    pipeline = Pipeline(LocalModelStorage(tmp_path), kind=kind)
    context = ExecutionContext(GraphSchema({}), "test")
    loaded = kind.load({}, pipeline.storage, Resource("vote"), context)
    diet = [("greet", 0.5), ("thanks", 0.3), ("housing", 0.2)]
    fresh = pipeline.parse("thanks for the house", diet).get("intent_ranking")
    again = pipeline.parse("thanks for the house", diet, loaded).get("intent_ranking")
    assert [r["name"] for r in again] == [r["name"] for r in fresh]
    assert [r["confidence"] for r in again] == pytest.approx([r["confidence"] for r in fresh], abs=1e-3)


def test_with_two_intents_the_vote_scores_both(tmp_path: Path) -> None:
    two = Pipeline(LocalModelStorage(tmp_path), {k: EXAMPLES[k] for k in ("thanks", "housing")})
    ranking = two.parse("where is my house", [("thanks", 0.6), ("housing", 0.4)]).get("intent_ranking")
    assert [r["name"] for r in ranking] == ["housing", "thanks"]
    assert two.parse("thanks a lot", [("housing", 0.6), ("thanks", 0.4)]).get("intent")["name"] == "thanks"


def test_an_untrained_vote_leaves_diet_alone(tmp_path: Path) -> None:
    context = ExecutionContext(GraphSchema({}), "test")
    untrained = LinearIntentVote.load({}, LocalModelStorage(tmp_path), Resource("never-trained"), context)
    message = Message(data={"text": "hi", "intent": {"name": "greet", "confidence": 0.9},
                            "intent_ranking": [{"name": "greet", "confidence": 0.9}]})
    untrained.process([message])
    assert message.get("intent") == {"name": "greet", "confidence": 0.9}


def test_blend_weighs_both_and_keeps_intents_only_diet_knows() -> None:
    ranking = blend([{"name": "start", "confidence": 0.6}, {"name": "greet", "confidence": 0.4}],
                    ["greet", "thanks"], np.array([0.9, 0.1]), weight=0.5)
    assert [(r["name"], round(r["confidence"], 2)) for r in ranking] == [("greet", 0.65), ("start", 0.3),
                                                                          ("thanks", 0.05)]


@pytest.fixture
def char_pipeline(tmp_path: Path) -> Pipeline:
    return Pipeline(LocalModelStorage(tmp_path), kind=CharNgramIntentVote)


def test_the_character_vote_overrules_an_unsure_ranking(char_pipeline: Pipeline) -> None:
    message = char_pipeline.parse("thanks so much", [("greet", 0.5), ("thanks", 0.4), ("housing", 0.1)])
    assert message.get("intent")["name"] == "thanks"


def test_the_character_vote_reads_spelling_variants_alike(char_pipeline: Pipeline) -> None:
    ranking = [("greet", 0.4), ("thanks", 0.3), ("housing", 0.3)]
    plain = char_pipeline.parse("where is my house", ranking).get("intent_ranking")
    accented = char_pipeline.parse("Whére ïs my HOUSE", ranking).get("intent_ranking")
    assert plain[0]["name"] == "housing"
    assert accented == plain


@pytest.mark.parametrize("text", ["   ", "ok"])
def test_the_character_vote_leaves_a_message_too_short_for_it_alone(char_pipeline: Pipeline, text: str) -> None:
    message = Message(data={"text": text, "intent": {"name": "greet", "confidence": 0.9},
                            "intent_ranking": [{"name": "greet", "confidence": 0.9}]})
    char_pipeline.vote.process([message])
    assert message.get("intent") == {"name": "greet", "confidence": 0.9}


def test_the_character_vote_weighs_rare_ngrams_above_ones_many_examples_have(char_pipeline: Pipeline) -> None:
    vote = char_pipeline.vote
    weights = vote.weigh(vote.features(Message(data={"text": "hmm where"}))).toarray().ravel()

    def bucket(gram: str) -> int:  # the one bucket of the whole n-gram, hashed as the vote hashes it
        hasher = HashingVectorizer(analyzer="char", ngram_range=(len(gram), len(gram)),
                                   n_features=vote.config["buckets"], alternate_sign=False)
        return int(hasher.transform([gram]).indices[0])

    assert weights[bucket("hmm")] > weights[bucket("where")] > 0  # "hmm" is in no example, "where" in two
    assert np.linalg.norm(weights[:vote.config["buckets"]]) == pytest.approx(1.0)


@pytest.mark.parametrize(("text", "flags"), [
    ("where is my house", [0, 1, 0]),  # a question word
    ("وين بيتي", [0, 1, 0]),
    ("WHERE is my house", [0, 1, 0]),  # folded like the rest of the text
    ("my house?", [1, 0, 0]),  # a question mark
    ("بيتي؟", [1, 0, 0]),
    ("i got my house", [0, 0, 1]),  # neither: a statement
])
def test_the_character_vote_sees_whether_a_message_asks(tmp_path: Path, text: str, flags: list[int]) -> None:
    config = {"question_words": {"en": ["where"], "ar": ["وين"]}}
    vote = CharNgramIntentVote.create(config, LocalModelStorage(tmp_path), Resource("vote"),
                                      ExecutionContext(GraphSchema({}), "test"))
    assert list(vote.features(Message(data={"text": text})).toarray().ravel()[-FLAGS:]) == flags


def test_a_question_word_yaml_read_as_a_boolean_is_refused_by_name() -> None:
    with pytest.raises(ValueError, match=r"question_words\.en: True .*quote it"):
        QuestionMarkers({"en": ["what", True]})
