"""Every training example is filed under the language it is written in (engine environment).

Writers of one language's data sometimes add what their speakers type in Dutch or English ("wat
moet ik nu doen" in the Somali file). The intent is right, but the language identifier learns a
wrong label from it, and the benchmark counts a Dutch sentence as a Somali one. An example is
flagged when the identifier, trained on all examples, is sure it is another language and every one
of its words occurs in that language's examples. The curator moves it to that language's file
(same intent), or lists it in REVIEWED when its speakers really type it ("salam alaikum" in English).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from pathlib import Path

import pytest
import yaml

from bench.nlu_eval import read_examples
from bot.engine_nlu.language_id import LanguageIdentifier
from bot.engine_nlu.text import words
from bot.training_examples import plain

REVIEWED = Path(__file__).with_name("mixed_language_reviewed.yml")
#: How sure the identifier must be before an example counts as written in another language.
MIN_CONFIDENCE = 0.99


def written_in_another_language(examples: list[tuple[str, str, str]]) -> list[tuple[str, str, str, str]]:
    """(filed as, written in, intent, text) for the (text, language, intent) examples that read
    wholly as another language."""
    identifier = LanguageIdentifier({}, None, None)  # type: ignore[arg-type]
    identifier.learn([(text, lang) for text, lang, _ in examples])
    vocabulary: dict[str, Counter[str]] = defaultdict(Counter)
    for text, lang, _ in examples:
        vocabulary[lang].update(set(words(text.lower())))
    found = []
    for text, lang, intent in examples:
        telling = [w for w in words(text.lower()) if w not in identifier.shared]
        if len(telling) < 2:
            continue  # one word ("ok", "merci") says little about a language
        detected, confidence = identifier.detect(text)
        if (detected and detected != lang and confidence >= MIN_CONFIDENCE
                and all(vocabulary[detected][w] for w in telling)):
            found.append((lang, detected, intent, text))
    return found


@pytest.fixture(scope="module")
def flagged() -> list[tuple[str, str, str, str]]:
    examples = [(plain(line), lang, intent) for (lang, intent), lines in read_examples().items() for line in lines]
    return written_in_another_language(examples)


def test_no_example_is_filed_under_the_wrong_language(flagged: list[tuple[str, str, str, str]]) -> None:
    reviewed = yaml.safe_load(REVIEWED.read_text("utf-8")) or {}
    new = [f for f in flagged if f[3] not in (reviewed.get(f[0]) or [])]
    assert not new, (
        "These training examples are written wholly in another language. Move each to "
        "nlu_data/<written in>/nlu.yml under the same intent, or, if people who write the language "
        f"it is filed under really type it, add it to {REVIEWED.name}:\n"
        + "\n".join(f"  filed as {lang}, written in {written}, {intent}: {text!r}"
                    for lang, written, intent, text in new))


def test_the_check_finds_a_dutch_sentence_in_the_somali_data() -> None:
    dutch = ["wat moet ik nu doen", "ik wil een medewerker spreken", "waar is mijn advocaat",
             "hoe lang duurt de procedure", "wat moet ik meenemen naar het gehoor"] * 8
    somali = ["maxaan hadda sameeyaa", "waxaan rabaa inaan la hadlo shaqaale", "xaggee ayuu joogaa qareenkeyga",
              "intee buu qaadanayaa habka", "maxaan u qaataa wareysiga"] * 8
    examples = ([(t, "nl", "next_steps") for t in dutch] + [(t, "so", "next_steps") for t in somali]
                + [("wat moet ik nu doen", "so", "next_steps")])
    assert written_in_another_language(examples) == [("so", "nl", "next_steps", "wat moet ik nu doen")]
