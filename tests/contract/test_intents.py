"""The intent contract holds: the domain, the training data and the rules all speak its names."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
import yaml

from bot.intent_contract import load_intent_contract
from bot.languages import SUPPORTED_LANGUAGES
from bot.settings import PROJECT_ROOT

MIN_EXAMPLES = 15


def load(path: Path):
    return yaml.safe_load(path.read_text("utf-8"))


CONTRACT = load_intent_contract()
CONTRACT_INTENTS = CONTRACT.contract_intents
ALL_INTENTS = CONTRACT.all_intents


def nlu_blocks(lang: str) -> list[dict]:
    blocks = []
    for path in sorted((PROJECT_ROOT / "nlu_data" / lang).glob("*.yml")):
        blocks += [b for b in load(path).get("nlu") or [] if "intent" in b]
    return blocks


def test_contract_has_the_46_intents_and_additions_do_not_shadow_them():
    assert len(CONTRACT_INTENTS) == len(set(CONTRACT_INTENTS)) == 46
    assert not set(CONTRACT.added) & set(CONTRACT_INTENTS)


def test_domain_declares_exactly_the_contract_and_the_additions():
    domain = load(PROJECT_ROOT / "domain.yml")
    assert sorted(domain["intents"]) == sorted(ALL_INTENTS)
    assert set(CONTRACT.entities) <= set(domain["entities"])


@pytest.mark.parametrize("lang", SUPPORTED_LANGUAGES)
def test_every_intent_has_enough_examples_in_every_language(lang):
    counts = Counter()
    for block in nlu_blocks(lang):
        assert (block.get("metadata") or {}).get("language") == lang, f"{block['intent']}: metadata.language"
        counts[block["intent"]] += len([line for line in block["examples"].splitlines() if line.strip()])
    short = {i: counts[i] for i in ALL_INTENTS if counts[i] < MIN_EXAMPLES}
    assert not short, f"{lang}: intents with fewer than {MIN_EXAMPLES} examples: {short}"
    assert set(counts) <= set(ALL_INTENTS), f"{lang}: unknown intents {set(counts) - set(ALL_INTENTS)}"


@pytest.mark.parametrize("lang", SUPPORTED_LANGUAGES)
def test_every_language_has_a_crisis_word_list(lang):
    lookups = [b for b in load(PROJECT_ROOT / "nlu_data" / lang / "crisis.yml")["nlu"] if "lookup" in b]
    assert lookups and lookups[0]["lookup"] == f"crisis_{lang}"
    assert len(lookups[0]["examples"].splitlines()) >= 15


def test_every_intent_is_handled_by_a_rule():
    rules = load(PROJECT_ROOT / "nlu_data" / "rules.yml")["rules"]
    handled = {step["intent"] for rule in rules for step in rule["steps"][:1] if "intent" in step}
    assert set(ALL_INTENTS) - handled <= {"affirm", "deny"}, set(ALL_INTENTS) - handled


def test_the_intents_page_explains_every_intent_and_no_other():
    page = (PROJECT_ROOT / "docs" / "intents.md").read_text("utf-8")
    explained = {name for row in page.splitlines() if row.startswith("| `")
                 for name in re.findall(r"`([a-z_]+)`", row.split("|")[1])}
    assert explained == set(ALL_INTENTS)
