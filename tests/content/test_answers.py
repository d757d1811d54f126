"""Every answer exists, is sourced, fits a phone, and the emergency numbers hold in every language."""

from __future__ import annotations

import re

import pytest
import yaml

from bot.actions_server import build_renderer
from bot.content.model import load_content
from bot.i18n.workflow import catalog_languages
from bot.intent_contract import load_intent_contract
from bot.languages import SOURCE_LANGUAGE, SUPPORTED_LANGUAGES
from bot.settings import PROJECT_ROOT, Settings

CONTENT = load_content(Settings().content_dir)
SOURCES = yaml.safe_load((PROJECT_ROOT / "bot" / "data" / "sources.yml").read_text("utf-8"))
DOMAIN = yaml.safe_load((PROJECT_ROOT / "domain.yml").read_text("utf-8"))
INTENTS = load_intent_contract().all_intents
# Intents answered by a custom action, which names its own responses.
ACTION_INTENTS = {"my_phase", "next_steps", "report_phase", "link_account", "forget_me", "change_language",
                  "help", "tell_me_more", "who_can_help", "request_human"}
FACTUAL_GROUPS = ("procedure.yml", "organisations.yml", "practical.yml")
MAX_CHARS = 700


def test_every_intent_has_an_answer():
    missing = [i for i in INTENTS if i not in ACTION_INTENTS and i not in ("affirm", "deny")
               and f"utter_{i}" not in CONTENT.entries]
    assert not missing


def test_every_response_the_domain_names_has_content():
    assert set(DOMAIN["responses"]) <= set(CONTENT.entries)


@pytest.mark.parametrize("entry", [e for e in CONTENT.entries.values() if e.origin in FACTUAL_GROUPS],
                         ids=lambda e: e.key)
def test_factual_answers_cite_known_sources_with_a_check_date(entry):
    assert entry.sources, "a factual answer needs source ids"
    assert set(entry.sources) <= set(SOURCES), set(entry.sources) - set(SOURCES)
    assert entry.checked and re.fullmatch(r"\d{4}-\d{2}-\d{2}", entry.checked)


@pytest.mark.parametrize("entry", list(CONTENT.entries.values()), ids=lambda e: e.key)
def test_answers_fit_a_phone_and_their_buttons_have_labels(entry):
    assert len(entry.text) <= MAX_CHARS
    assert all(b.title in CONTENT.buttons for b in entry.buttons)
    assert all(b.payload.startswith("/") for b in entry.buttons)


def test_every_launch_language_has_a_catalog():
    assert set(catalog_languages(PROJECT_ROOT / "locales")) == set(SUPPORTED_LANGUAGES)


def test_every_intent_has_a_topic_title():
    assert set(INTENTS) <= set(CONTENT.topics)


@pytest.fixture(scope="module")
def renderer():
    return build_renderer(Settings())


@pytest.mark.parametrize("key", ["utter_emergency", "note_possible_emergency"])
@pytest.mark.parametrize("lang", SUPPORTED_LANGUAGES)
def test_emergency_answer_and_note_hold_112_and_113_in_every_language(renderer, lang, key):
    text = renderer.render(key, lang).text
    assert "112" in text and "113" in text


@pytest.mark.parametrize("lang", SUPPORTED_LANGUAGES)
def test_a_rejected_person_reads_of_the_appeal_deadline_before_the_departure_period(renderer, lang):
    """"I was rejected" is understood as the return phase, but the person may still have days left
    to appeal (1 or 4 weeks, S32): the answer says so before it speaks of leaving in 28 days."""
    phase = renderer.render("utter_my_phase_return", lang).text
    assert "1" in phase and "4" in phase and phase.index("4") < phase.index("28")
    next_steps = renderer.render("utter_next_steps_return", lang).text.splitlines()
    assert "1" in next_steps[1] and "4" in next_steps[1]


@pytest.mark.parametrize("lang", sorted(set(catalog_languages(PROJECT_ROOT / "locales")) - {SOURCE_LANGUAGE}))
def test_every_answer_is_translated_in_every_shipped_catalog(renderer, lang):
    untranslated = [k for k, entry in CONTENT.entries.items() if renderer.translate(entry, lang).is_fallback]
    assert not untranslated, f"{lang}: {untranslated}"
