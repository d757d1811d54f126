"""Tokenization per language (runs in the engine environment: make test does that)."""

from __future__ import annotations

import pytest
from rasa.shared.nlu.training_data.message import Message

from bot.engine_nlu.tokenizer import LanguageAwareSpacyTokenizer


def tokens(text: str, lang: str) -> list[tuple[str, str]]:
    tokenizer = LanguageAwareSpacyTokenizer(LanguageAwareSpacyTokenizer.get_default_config())
    message = Message(data={"text": text, "language": {"code": lang}})
    found = tokenizer.tokenize(message, "text")
    for token in found:
        assert text[token.start : token.end] == token.text, "offsets point into the original text"
    return [(t.text, t.lemma) for t in found]


def texts(text: str, lang: str) -> list[str]:
    return [t for t, _ in tokens(text, lang)]


def test_arabic_words_and_question_mark():
    assert texts("متى المقابلة مع IND؟", "ar") == ["متى", "المقابلة", "مع", "IND", "؟"]


def test_arabic_spelling_variants_share_a_lemma():
    assert tokens("المقابلة", "ar")[0][1] == tokens("المقابله", "ar")[0][1]
    assert tokens("أريد", "ar")[0][1] == tokens("اريد", "ar")[0][1]


def test_persian_zero_width_non_joiner_stays_inside_the_word_and_folds_away():
    with_zwnj, without = tokens("می\u200cخواهم", "fa"), tokens("میخواهم", "fa")
    assert [t for t, _ in with_zwnj] == ["می\u200cخواهم"]
    assert with_zwnj[0][1] == without[0][1] == "میخواهم"


def test_persian_arabic_yeh_and_kaf_fold_to_persian_letters():
    assert tokens("كمك ميخواهم", "fa")[0][1] == tokens("کمک میخواهم", "fa")[0][1]


def test_tigrinya_ethiopic_punctuation_is_split_off():
    assert texts("ሰላም፣ ከመይ ኣለኹም፧ እዚ IND እዩ።", "ti") == ["ሰላም", "፣", "ከመይ", "ኣለኹም", "፧", "እዚ", "IND", "እዩ", "።"]


@pytest.mark.parametrize(("word", "stem", "suffix"), [("IND'ye", "IND", "'ye"), ("COA'dan", "COA", "'dan"),
                                                       ("Apel'de", "Apel", "'de")])
def test_turkish_suffix_after_apostrophe_is_its_own_token(word, stem, suffix):
    assert texts(f"yarın {word} gidiyorum", "tr") == ["yarın", stem, suffix, "gidiyorum"]


def test_turkish_and_kurmanji_diacritics_fold():
    assert tokens("şikayet", "tr")[0][1] == "sikayet"
    assert tokens("ılık", "tr")[0][1] == "ilik"
    assert tokens("parêzer", "ku")[0][1] == "parezer"


def test_french_elision_splits_the_article():
    assert texts("j'ai l'entretien à l'IND", "fr")[:4] == ["j'", "ai", "l'", "entretien"]
    assert "IND" in texts("j'ai l'entretien à l'IND", "fr")


def test_languages_without_spacy_rules_use_the_multilanguage_rules():
    assert texts("Waan ka xumahay, IND maxay tahay?", "so") == ["Waan", "ka", "xumahay", ",", "IND", "maxay",
                                                                 "tahay", "?"]
