"""A character n-gram naive Bayes language model, small enough to train inside `rasa train`.

No packaged identifier covers all launch languages: langid.py lacks Somali and Tigrinya, lingua
lacks Tigrinya and Kurmanji, and fastText's model would have to be downloaded from a hub. So the
engine learns the languages from its own training data, which is also the kind of text (short,
informal, full of IND/COA loanwords) the identifier has to handle.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping


def char_ngrams(text: str, low: int = 1, high: int = 4) -> Counter[str]:
    """Character n-grams of each word padded with spaces, so word starts and ends count."""
    grams: Counter[str] = Counter()
    for word in text.lower().split():
        padded = f" {word} "
        for n in range(low, high + 1):
            grams.update(padded[i : i + n] for i in range(len(padded) - n + 1))
    return grams


class CharNgramModel:
    """Multinomial naive Bayes over character n-grams, one class per language."""

    def __init__(self, counts: Mapping[str, Mapping[str, int]] | None = None, alpha: float = 0.5) -> None:
        self.counts = {lang: dict(c) for lang, c in (counts or {}).items()}
        self.alpha = alpha
        self._totals = {lang: sum(c.values()) for lang, c in self.counts.items()}
        vocabulary = set()
        for c in self.counts.values():
            vocabulary.update(c)
        self._vocabulary_size = max(len(vocabulary), 1)

    @classmethod
    def fit(cls, samples: Iterable[tuple[str, str]], alpha: float = 0.5) -> CharNgramModel:
        """Learn from (text, language) pairs."""
        counts: dict[str, Counter[str]] = {}
        for text, lang in samples:
            counts.setdefault(lang, Counter()).update(char_ngrams(text))
        return cls(counts, alpha)

    @property
    def languages(self) -> list[str]:
        """The languages the model knows."""
        return sorted(self.counts)

    def probabilities(self, text: str, candidates: Iterable[str] | None = None) -> dict[str, float]:
        """Posterior probability of each candidate language for `text` (uniform priors)."""
        langs = [lang for lang in (candidates or self.counts) if lang in self.counts]
        grams = char_ngrams(text)
        if not langs or not grams:
            return {}
        scores = {}
        for lang in langs:
            counts, denominator = self.counts[lang], self._totals[lang] + self.alpha * self._vocabulary_size
            scores[lang] = sum(n * math.log((counts.get(g, 0) + self.alpha) / denominator) for g, n in grams.items())
        best = max(scores.values())
        exp = {lang: math.exp(score - best) for lang, score in scores.items()}
        total = sum(exp.values())
        return {lang: value / total for lang, value in exp.items()}

    def to_dict(self) -> dict:
        """A JSON-serialisable form of the model."""
        return {"alpha": self.alpha, "counts": self.counts}

    @classmethod
    def from_dict(cls, data: Mapping) -> CharNgramModel:
        """The model back from `to_dict`."""
        return cls(data["counts"], data.get("alpha", 0.5))
