"""What the NLG endpoint composes: language, notes, buttons, dates, right-to-left text."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from bot.content.model import load_content
from bot.i18n import workflow
from bot.i18n.bidi import LRI, PDI, isolate_ltr_runs
from bot.i18n.catalog import Catalogs
from bot.nlg.compose import ReplyComposer
from bot.nlg.renderer import Renderer, format_argument

ANSWERS = {
    "utter_deadline": {"text": "Your deadline is {deadline_date}. Call IND on 088-112 2112."},
    "utter_fallback_suggest": {"text": "Did you mean:"},
    "note_untranslated": {"text": "(Not in your language yet.)"},
    "note_unreviewed": {"text": "(Not checked yet.)"},
    "offer_switch_language": {"text": "Continue in {language}?"},
    "utter_only_english": {"text": "Only in English."},
    "utter_emergency": {"text": "Call 112."},
    "note_possible_emergency": {"text": "(In danger? Call 112.)",
                                "buttons": [{"title": "emergency", "payload": "/emergency"}]},
}


@pytest.fixture
def composer(tmp_path: Path) -> ReplyComposer:
    content, locales = tmp_path / "content", tmp_path / "locales"
    (content / "answers").mkdir(parents=True)
    (content / "answers" / "a.yml").write_text(yaml.safe_dump(ANSWERS), "utf-8")
    (content / "topics.yml").write_text("phase_appeal: Appeal\nphase_return: Leaving\n", "utf-8")
    workflow.extract(content, locales)
    workflow.update(locales, ["ar", "nl"])
    strings = {
        "ar": {"utter_deadline": "موعدك النهائي {deadline_date}. اتصل بـ IND على 088-112 2112.",
               "note_unreviewed": "(لم تتم مراجعتها بعد.)", "topic:phase_appeal": "الاستئناف"},
        "nl": {"utter_deadline": "Je termijn is {deadline_date}.", "note_untranslated": "(Nog niet in het Nederlands.)",
               "offer_switch_language": "Verder in het {language}?", "note_unreviewed": "(Nog niet nagekeken.)",
               "utter_fallback_suggest": "Bedoel je:", "note_possible_emergency": "(In gevaar? Bel 112.)"},
    }
    for lang, values in strings.items():
        path = workflow.po_path(locales, lang)
        catalog = workflow.read_catalog(path, lang)
        for message in catalog:
            if message.context in values:
                message.string = values[message.context]
                if lang == "ar":
                    message.user_comments = [workflow.UNREVIEWED_MARK]
        workflow.write_catalog(catalog, path)
    workflow.compile_catalogs(locales)
    return ReplyComposer(Renderer(load_content(content), Catalogs(locales, ("en", "ar", "nl"))))


def tracker(language: dict | None = None, metadata: dict | None = None, bot_texts: tuple[str, ...] = (),
            slots: dict | None = None, ranking: dict[str, float] | None = None,
            replies_this_turn: tuple[str, ...] = ()) -> dict:
    events = [{"event": "bot", "text": t} for t in bot_texts]
    parse_data: dict = {"language": language or {}}
    if ranking:
        parse_data["intent_ranking"] = [{"name": n, "confidence": c} for n, c in ranking.items()]
        parse_data["intent"] = parse_data["intent_ranking"][0]
    events.append({"event": "user", "parse_data": parse_data, "metadata": metadata or {}})
    events.extend({"event": "bot", "text": t} for t in replies_this_turn)
    return {"events": events, "slots": slots or {}}


def test_dates_follow_the_language_and_rtl_runs_are_isolated(composer):
    state = tracker({"code": "ar", "source": "detected"})
    message = composer.compose("utter_deadline", {"deadline_date": "2026-12-12"}, state)
    assert message.language == "ar"
    assert "ديسمبر" in message.text
    assert f"{LRI}088-112 2112{PDI}" in message.text and f"{LRI}IND{PDI}" in message.text


def test_unreviewed_note_is_said_once_per_conversation(composer):
    first = composer.compose("utter_deadline", {"deadline_date": "2026-12-12"},
                             tracker({"code": "ar", "source": "metadata"}))
    assert "لم تتم مراجعتها" in first.text
    again = composer.compose("utter_deadline", {"deadline_date": "2026-12-12"},
                             tracker({"code": "ar", "source": "metadata"}, bot_texts=(first.text,)))
    assert "لم تتم مراجعتها" not in again.text


def test_missing_translation_falls_back_to_english_with_a_note_in_the_persons_language(composer):
    message = composer.compose("utter_only_english", {}, tracker({"code": "nl", "source": "metadata"}))
    assert message.text == "Only in English.\n\n(Nog niet in het Nederlands.)"


def test_writing_in_another_language_offers_to_switch(composer):
    state = tracker({"code": "nl", "source": "detected", "chosen": "ar"})
    message = composer.compose("utter_deadline", {"deadline_date": "2026-12-12"}, state)
    assert message.language == "nl" and "Verder in het Nederlands?" in message.text
    assert {"title": "Nederlands", "payload": '/change_language{"language": "nl"}'} in message.buttons


def test_short_message_keeps_the_language_chosen_earlier(composer):
    state = tracker({"code": "en", "source": "undetermined"}, slots={"language": "nl"})
    assert composer.compose("utter_fallback_suggest", {}, state).text == "Bedoel je:"


def test_button_payloads_without_parse_use_the_metadata_language(composer):
    state = tracker(None, metadata={"language": "nl"})
    assert composer.compose("utter_fallback_suggest", {}, state).language == "nl"


def test_topic_buttons_are_labelled_in_the_reply_language(composer):
    message = composer.compose("utter_fallback_suggest", {"topic_buttons": ["phase_appeal", "phase_return"]},
                               tracker({"code": "ar", "source": "metadata"}))
    assert message.buttons[0] == {"title": "الاستئناف", "payload": "/phase_appeal"}
    assert message.buttons[1]["payload"] == "/phase_return"


EN = {"code": "en", "source": "metadata"}
NEAR_EMERGENCY = {"housing": 0.6, "emergency": 0.25, "reception_transfer": 0.15}


def test_an_answer_to_a_message_that_might_be_an_emergency_carries_the_numbers(composer):
    message = composer.compose("utter_fallback_suggest", {}, tracker(EN, ranking=NEAR_EMERGENCY))
    assert message.text == "Did you mean:\n\n(In danger? Call 112.)"
    assert {"title": "emergency", "payload": "/emergency"} in message.buttons


def test_the_emergency_note_adds_no_second_emergency_button(composer):
    message = composer.compose("utter_fallback_suggest", {"topic_buttons": ["emergency", "housing"]},
                               tracker(EN, ranking=NEAR_EMERGENCY))
    assert [b["payload"] for b in message.buttons] == ["/emergency", "/housing"]


def test_the_emergency_note_is_in_the_persons_language_and_only_once_per_turn(composer):
    state = tracker({"code": "nl", "source": "metadata"}, ranking=NEAR_EMERGENCY)
    assert composer.compose("utter_fallback_suggest", {}, state).text == "Bedoel je:\n\n(In gevaar? Bel 112.)"
    later = tracker(EN, ranking=NEAR_EMERGENCY, replies_this_turn=("Did you mean:",))
    assert "112" not in composer.compose("utter_fallback_suggest", {}, later).text


@pytest.mark.parametrize("ranking", [{"housing": 0.95, "emergency": 0.05}, {"emergency": 1.0, "housing": 0.0}, None])
def test_no_emergency_note_when_emergency_is_unlikely_or_already_the_answer(composer, ranking):
    message = composer.compose("utter_fallback_suggest", {}, tracker(EN, ranking=ranking))
    assert message.text == "Did you mean:" and not message.buttons


def test_the_emergency_answer_itself_gets_no_note(composer):
    message = composer.compose("utter_emergency", {}, tracker(EN, ranking=NEAR_EMERGENCY))
    assert message.text == "Call 112."


def test_arguments_are_formatted_by_babel():
    assert format_argument("deadline_date", "2026-12-12", "nl") == "12 december 2026"
    assert format_argument("deadline_date", dt.date(2026, 12, 12), "fa") == "12 دسامبر 2026"
    assert format_argument("days", 1234, "nl") == "1.234"
    assert format_argument("language", "ti", "en") == "ትግርኛ"


def test_isolating_twice_changes_nothing():
    once = isolate_ltr_runs("اتصل بـ 112")
    assert isolate_ltr_runs(once) == once


@pytest.mark.parametrize("run", ["14.47", "8:30", "1,800", "088-112 2112", "Ter Apel", "€14"])
def test_ltr_runs_stay_whole_in_rtl_text(run):
    assert f"{LRI}{run}{PDI}" in isolate_ltr_runs(f"اكتب {run} الآن")


def test_a_full_stop_after_a_latin_name_stays_in_the_sentence():
    assert isolate_ltr_runs("اتصل بـ IND.") == f"اتصل بـ {LRI}IND{PDI}."


def test_bot_commands_stay_tappable_in_rtl_text():
    assert isolate_ltr_runs("اكتب /human الآن") == "اكتب /human الآن"
