"""Second and third opinions on the intent: linear models vote with DIET.

DIET and a linear support-vector machine on the same word and character n-grams are about equally
accurate on the held-out split, but they are wrong on different messages. Averaging DIET's
confidences with the linear model's softmaxed scores is right more often than either alone
(measured with `make bench-nlu`: 0.866 -> 0.89 intent accuracy over the ten languages), and the
blended confidence separates right from wrong better, so the fallback asks back more often when the
answer would have been wrong. A third voter reads character 1-5-grams of the folded text across
word boundaries ("ik wil naar" -> "k w", " wil "), which DIET's features do not see. It weighs them
the way text classifiers usually do (logarithmic counts times inverse document frequency, rows of
unit length): alone it is then as accurate as the three voters were together (0.888 -> 0.912), and
with half of the say it lifts the three from 0.912 to 0.920 (`make bench-nlu`; every language
gains). The third voter also reads word 1-2-grams and whether the message asks (question marks and
words, `question_markers`). Alone on the bench split it then scores 0.924 instead of 0.917 (words
+0.005, the question flags +0.002 and +0.006 in Arabic); with it the three score 0.928 instead of
0.925, nine languages of ten gain, and news of one's case is told from the phase's question more
often (`report_phase` found 0.723 -> 0.754). In CI on all the data (~114,000 examples, 2 cores) the
word voter trained in 223 seconds and the character voter in 164 (63 before it read words), DIET in
18 minutes. DIET's entities are left untouched.
"""

from __future__ import annotations

from abc import abstractmethod
from typing import Any

import numpy as np
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import INTENT, INTENT_NAME_KEY, PREDICTED_CONFIDENCE_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from scipy import sparse
from sklearn.feature_extraction.text import HashingVectorizer, TfidfTransformer
from sklearn.svm import LinearSVC

from bot.engine_nlu.question_markers import FLAGS, QUESTION_MARKS, QuestionMarkers
from bot.engine_nlu.text import fold_spaced

INTENT_RANKING = "intent_ranking"
WEIGHTS_FILE = "linear_intent_vote.npz"
RANKING_LENGTH = 10
MIN_CHARACTERS = 3
#: The word vote's tokens: runs of letters and digits, and each question mark on its own.
WORD_OR_QUESTION_MARK = rf"[^\W_]+|[{QUESTION_MARKS}]"


def sentence_features(message: Message) -> sparse.csr_matrix | None:
    """The message's bag of sparse features (all featurizers), one row; None when it has none."""
    _, sentence = message.get_sparse_features(TEXT)
    return None if sentence is None else sparse.csr_matrix(sentence.features)


def softmax(scores: np.ndarray, temperature: float) -> np.ndarray:
    """Probabilities from scores; a lower temperature makes them sharper."""
    scaled = scores / temperature
    exp = np.exp(scaled - scaled.max())
    return exp / exp.sum()


def blend(diet_ranking: list[dict[str, Any]], labels: list[str], probabilities: np.ndarray,
          weight: float) -> list[dict[str, Any]]:
    """The ranking of `weight` × linear + (1 − weight) × DIET confidence, best first.

    Intents outside DIET's ranking count as DIET confidence 0; DIET-only intents keep their share.
    """
    scores = {r[INTENT_NAME_KEY]: (1 - weight) * float(r[PREDICTED_CONFIDENCE_KEY]) for r in diet_ranking}
    for label, probability in zip(labels, probabilities, strict=True):
        scores[label] = scores.get(label, 0.0) + weight * float(probability)
    ranked = sorted(scores.items(), key=lambda item: item[1], reverse=True)[:RANKING_LENGTH]
    return [{INTENT_NAME_KEY: name, PREDICTED_CONFIDENCE_KEY: score} for name, score in ranked]


class LinearVote(GraphComponent):
    """Re-ranks the intents found so far with a linear SVM on the features `features` gives."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        """C of the SVM, temperature of its softmax, and the linear model's share of the vote."""
        return {"C": 0.3, "temperature": 0.3, "weight": 0.5}

    def __init__(self, config: dict[str, Any], model_storage: ModelStorage, resource: Resource,
                 labels: list[str] | None = None, coef: np.ndarray | None = None,
                 intercept: np.ndarray | None = None, idf: np.ndarray | None = None) -> None:
        self.config = {**self.get_default_config(), **config}
        self._model_storage = model_storage
        self._resource = resource
        self.labels = labels or []
        self.coef = coef
        self.intercept = intercept
        self.idf = idf

    @abstractmethod
    def features(self, message: Message) -> sparse.csr_matrix | None:
        """The message's features as one sparse row; None when it has none."""

    @classmethod
    def create(cls, config: dict[str, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> LinearVote:
        """An untrained component (it votes only after training)."""
        return cls(config, model_storage, resource)

    @classmethod
    def load(cls, config: dict[str, Any], model_storage: ModelStorage, resource: Resource,
             execution_context: ExecutionContext, **kwargs: Any) -> LinearVote:
        """The component with the weights it was trained with (untrained when there were none)."""
        try:
            with model_storage.read_from(resource) as directory, np.load(
                    directory / WEIGHTS_FILE, allow_pickle=False) as archive:
                stored = {name: archive[name] for name in archive.files}
        except (ValueError, FileNotFoundError):
            return cls(config, model_storage, resource)
        return cls(config, model_storage, resource, [str(label) for label in stored["labels"]],
                   stored["coef"].astype(np.float32), stored["intercept"].astype(np.float32), stored.get("idf"))

    def fit_weighting(self, counts: sparse.csr_matrix) -> None:
        """Learn from the training rows how `weigh` scales rows (here nothing: raw counts)."""

    def weigh(self, rows: sparse.csr_matrix) -> sparse.csr_matrix:
        """The rows as the SVM reads them (here the raw counts)."""
        return rows

    def train(self, training_data: TrainingData) -> Resource:
        """Fit the SVM on every intent example that has features; store the weights as float16."""
        rows, labels = [], []
        for example in training_data.intent_examples:
            features = self.features(example)
            if features is not None and example.get(INTENT):
                rows.append(features)
                labels.append(str(example.get(INTENT)))
        if len(set(labels)) >= 2:
            counts = sparse.vstack(rows).tocsr()
            self.fit_weighting(counts)
            svm = LinearSVC(C=self.config["C"], max_iter=5000).fit(self.weigh(counts), labels)
            self.labels = [str(label) for label in svm.classes_]
            # float16 halves the archive; the scores it changes are far below the softmax temperature.
            self.coef = svm.coef_.astype(np.float16).astype(np.float32)
            self.intercept = svm.intercept_.astype(np.float32)
            if len(self.labels) == 2:  # binary SVMs keep one row of weights: score the second label
                self.coef = np.vstack([-self.coef, self.coef])
                self.intercept = np.concatenate([-self.intercept, self.intercept])
            idf = {} if self.idf is None else {"idf": self.idf.astype(np.float32)}
            with self._model_storage.write_to(self._resource) as directory:
                np.savez_compressed(directory / WEIGHTS_FILE, labels=np.array(self.labels),
                                    coef=self.coef.astype(np.float16), intercept=self.intercept, **idf)
        return self._resource

    def process(self, messages: list[Message]) -> list[Message]:
        """Replace the intent and ranking found so far by the blended ones."""
        if self.coef is None:
            return messages
        for message in messages:
            features = self.features(message)
            if features is None or features.shape[1] != self.coef.shape[1]:
                continue
            scores = np.asarray(self.weigh(features) @ self.coef.T).ravel() + self.intercept
            probabilities = softmax(scores, self.config["temperature"])
            ranking = blend(message.get(INTENT_RANKING) or [], self.labels, probabilities, self.config["weight"])
            message.set(INTENT, ranking[0], add_to_output=True)
            message.set(INTENT_RANKING, ranking, add_to_output=True)
        return messages


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True)
class LinearIntentVote(LinearVote):
    """Votes with DIET through a linear SVM on the same sparse features (all featurizers)."""

    def features(self, message: Message) -> sparse.csr_matrix | None:
        """The sentence features the featurizers computed for DIET."""
        return sentence_features(message)


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True)
class CharNgramIntentVote(LinearVote):
    """Votes through a linear SVM on the folded text: its character 1-5-grams, its word 1-2-grams and
    whether it asks (`QuestionMarkers`).

    Both kinds of n-gram are hashed and weighed the way text classifiers usually do (logarithmic
    counts times inverse document frequency, each kind's part of a row of unit length); the words'
    part and the question flags count for `word_weight` and `question_weight` of the characters'.
    Hashing keeps no vocabulary, so nothing but the weights and the idf is stored; 2**18 buckets
    cost 0.0005 accuracy against an exact vocabulary on the bench split (2**17: 0.002).
    """

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        """As `LinearVote`, with half of the vote, the hash buckets per kind of n-gram, the weights
        of the words and of the question flags, and the question words by language."""
        return {"C": 4.0, "temperature": 0.2, "weight": 0.5, "buckets": 2**18, "word_weight": 0.5,
                "question_weight": 0.3, "question_words": {}}

    def __init__(self, config: dict[str, Any], *args: Any, **kwargs: Any) -> None:
        super().__init__(config, *args, **kwargs)
        buckets = self.config["buckets"]
        self._hashers = (
            HashingVectorizer(analyzer="char", ngram_range=(1, 5), n_features=buckets, alternate_sign=False, norm=None),
            HashingVectorizer(analyzer="word", ngram_range=(1, 2), token_pattern=WORD_OR_QUESTION_MARK,
                              n_features=buckets, alternate_sign=False, norm=None))
        self._questions = QuestionMarkers(self.config["question_words"])
        self._weightings = [] if self.idf is None else [idf_weighting(part) for part in np.split(self.idf, 2)]

    def features(self, message: Message) -> sparse.csr_matrix | None:
        """Counts of the folded text's character and word n-grams, then its question flags; None
        below three characters ("ok", "", "  ").

        Two letters say too little about the intent for half of the say: the conversation's
        context (DIET and the rules) decides what "ok" means.
        """
        text = message.get(TEXT)
        folded = fold_spaced(text) if isinstance(text, str) else ""
        if len(folded) < MIN_CHARACTERS:
            return None
        counts = [hasher.transform([folded]) for hasher in self._hashers]
        return sparse.hstack([*counts, self._questions.flags(folded)]).tocsr()

    def fit_weighting(self, counts: sparse.csr_matrix) -> None:
        """Learn the idf of the character and of the word n-grams from the training rows."""
        self._weightings = [TfidfTransformer(sublinear_tf=True).fit(part) for part in self.parts(counts)[:2]]
        self.idf = np.concatenate([weighting.idf_ for weighting in self._weightings])

    def weigh(self, rows: sparse.csr_matrix) -> sparse.csr_matrix:
        """Each kind of n-gram idf-weighted to unit length, times its weight; the flags times theirs."""
        chars, words, questions = self.parts(rows)
        char_weighting, word_weighting = self._weightings
        return sparse.hstack([char_weighting.transform(chars),
                              self.config["word_weight"] * word_weighting.transform(words),
                              self.config["question_weight"] * questions]).tocsr()

    def parts(self, rows: sparse.csr_matrix) -> tuple[sparse.csr_matrix, sparse.csr_matrix, sparse.csr_matrix]:
        """The character n-grams', the word n-grams' and the question flags' columns of the rows."""
        buckets = self.config["buckets"]
        return rows[:, :buckets], rows[:, buckets:2 * buckets], rows[:, -FLAGS:]


def idf_weighting(idf: np.ndarray) -> TfidfTransformer:
    """The logarithmic-count, idf-weighting, unit-length transform with an idf learnt before."""
    transformer = TfidfTransformer(sublinear_tf=True)
    transformer.idf_ = idf
    return transformer
