"""Whether a message asks: question marks and question words, as three features for a vote.

News of one's own case ("I received the intended rejection", `report_phase`) and the phase's own
question ("I received the intended rejection, what now?") share every topic word; only the question
marks and words differ. Character n-grams weigh those little among many, and a bag of n-grams cannot
say that a message has none at all. Three flags can: a question mark, a question word, or neither.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from scipy import sparse

from bot.engine_nlu.text import fold, words

#: Latin, Arabic, Spanish opening and Ethiopic question marks.
QUESTION_MARKS = "?؟¿፧"
#: How many features `QuestionMarkers.flags` gives: question mark, question word, neither.
FLAGS = 3


class QuestionMarkers:
    """Flags a folded text for question marks and for the question words of any language."""

    def __init__(self, words_by_language: Mapping[str, Iterable[str]]) -> None:
        folded = set()
        for language, listed in words_by_language.items():
            for word in listed:
                if not isinstance(word, str):  # YAML reads an unquoted yes, no or on as a boolean
                    raise ValueError(f"question_words.{language}: {word!r} is not a word; quote it in config.yml")
                folded.add(fold(word))
        self.words = frozenset(folded)

    def flags(self, folded: str) -> sparse.csr_matrix:
        """One row: [has a question mark, has a question word, has neither], as 0 or 1.

        Words of every language count, whatever language the message is in: the vote learns
        which of them matter for which intents.
        """
        has_mark = any(mark in folded for mark in QUESTION_MARKS)
        has_word = not self.words.isdisjoint(words(folded))
        return sparse.csr_matrix([[float(has_mark), float(has_word), float(not (has_mark or has_word))]])
