"""Tokenize each message with spaCy's rules for its own language (`spacy.blank(code)`).

spaCy has no rules for Somali and Kurmanji: those use the multi-language `xx` rules. Each token's
lemma is its folded spelling (see `text.fold`), so that the featurizers, which read lemmas, treat
"می‌خواهم" and "میخواهم", or "şikayet" and "sikayet", as the same word.
"""

from __future__ import annotations

import re
from typing import Any

import spacy
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.tokenizers.tokenizer import Token, Tokenizer
from rasa.shared.nlu.training_data.message import Message

from bot.engine_nlu.text import fold

SPACY_LANGUAGES = {"en", "nl", "ar", "fa", "ti", "tr", "fr", "es"}
# Ethiopic word space, full stop, comma, semicolons, colon, question mark, paragraph separator.
ETHIOPIC_PUNCTUATION = re.compile("([\u1361-\u1368])")
# Turkish attaches case suffixes to names with an apostrophe: IND'ye, COA'dan, Ter Apel'de.
TURKISH_SUFFIX = re.compile(r"^(?P<stem>\w+)(?P<suffix>['’]\w+)$")


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.MESSAGE_TOKENIZER], is_trainable=False)
class LanguageAwareSpacyTokenizer(Tokenizer):
    """spaCy's tokenizer rules for the message's language, with a few additions spaCy lacks."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        """Same options as Rasa's own tokenizers."""
        return {"intent_tokenization_flag": False, "intent_split_symbol": "_", "token_pattern": None,
                "prefix_separator_symbol": None}

    def __init__(self, config: dict[str, Any]) -> None:
        super().__init__(config)
        self._pipelines: dict[str, Any] = {}

    def _nlp(self, code: str) -> Any:
        key = code if code in SPACY_LANGUAGES else "xx"
        if key not in self._pipelines:
            self._pipelines[key] = spacy.blank(key)
        return self._pipelines[key]

    def tokenize(self, message: Message, attribute: str) -> list[Token]:
        """Split the attribute's text into tokens with start/end offsets into the original."""
        text = message.get(attribute) or ""
        language = (message.get("language") or {}).get("code") or "xx"
        # Spaces around Ethiopic punctuation keep offsets right (same length) while splitting it.
        spaced = ETHIOPIC_PUNCTUATION.sub(" ", text) if language == "ti" else text
        tokens = []
        for word in self._nlp(language)(spaced):
            if not word.text.strip():
                continue
            tokens.extend(self._split(word.text, word.idx, language))
        if language == "ti":
            tokens.extend(self._ethiopic_marks(text))
            tokens.sort(key=lambda t: t.start)
        return self._apply_token_pattern(tokens)

    @staticmethod
    def _split(text: str, start: int, language: str) -> list[Token]:
        if language == "tr" and (match := TURKISH_SUFFIX.match(text)):
            stem, suffix = match.group("stem"), match.group("suffix")
            return [Token(stem, start, lemma=fold(stem)),
                    Token(suffix, start + len(stem), lemma=fold(suffix.replace("’", "'")))]
        return [Token(text, start, lemma=fold(text))]

    @staticmethod
    def _ethiopic_marks(text: str) -> list[Token]:
        return [Token(m.group(0), m.start(), lemma=m.group(0)) for m in ETHIOPIC_PUNCTUATION.finditer(text)
                if m.group(0) != "\u1361"]
