"""The person actions, called as the actions server calls them (Tracker in, dispatcher messages out)."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml
from rasa_sdk.events import AllSlotsReset, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.person import (
    FORGET_SIGNAL,
    LINKED_SIGNAL,
    ActionForgetMe,
    ActionLinkAccount,
    ActionMyPhase,
    ActionNextSteps,
    ActionReportPhase,
)
from bot.cases import service
from bot.cases.linking import issue_code
from bot.cases.phases import PHASES
from bot.db.database import Database
from bot.db.models import AuditEntry, ChatLink, LinkAttempt, Person
from bot.db.repositories import ChatLinkRepository, InboxRepository, PersonRepository
from bot.nlg.renderer import Renderer
from bot.settings import PROJECT_ROOT, Settings
from tests.actions.conftest import NOW
from tests.actions.helpers import bot_turn, entity, rendered, responses, tracker

ANNA = "te-anna0000000000000000000000000000"
BILAL = "te-bilal000000000000000000000000000"


@pytest.fixture
def make(database: Database, app_settings: Settings, renderer: Renderer):
    def build(cls, now: dt.datetime = NOW):
        return cls(database=database, clock=lambda: now, settings=app_settings, renderer=renderer)
    return build


async def run(action, tracker_) -> tuple[CollectingDispatcher, list]:
    dispatcher = CollectingDispatcher()
    events = await action.run(dispatcher, tracker_, {})
    return dispatcher, events


def new_case(database: Database, app_settings: Settings, reference: str = "WW-ANNA1", phase: str = "decision",
             **dates: dt.date) -> str:
    """A case and a fresh code for it, as `wegwijs case create` and `wegwijs case code` make them."""
    with database.session() as session:
        case = service.create_case(session, phase=phase, since=dt.date(2026, 11, 30), actor="cli:t", now=NOW,
                                   reference=reference, **dates)
        return issue_code(session, case, key=app_settings.pseudonym_key.get_secret_value(), now=NOW,
                          valid_for=dt.timedelta(days=7), created_by="cli:t").code


async def link(make, sender: str, code: str) -> CollectingDispatcher:
    dispatcher, _ = await run(make(ActionLinkAccount), tracker(sender, f"my code is {code}", "link_account"))
    return dispatcher


# --- link_account ------------------------------------------------------------------------------

@pytest.mark.parametrize("message", ["my code is {code}", "{lower}", '/link_account{{"link_code": "{code}"}}'])
async def test_linking_with_a_code_in_any_form(make, database: Database, app_settings: Settings,
                                               message: str) -> None:
    code = new_case(database, app_settings)
    text = message.format(code=code, lower=code.lower().replace("-", ""))
    dispatcher, events = await run(make(ActionLinkAccount), tracker(ANNA, text, "link_account"))
    assert responses(dispatcher) == ["utter_link_done", None]
    assert dispatcher.messages[1]["custom"] == LINKED_SIGNAL
    assert events == [SlotSet("link_code", None)]
    with database.session() as session:
        assert ChatLinkRepository(session).get(ANNA).case.reference == "WW-ANNA1"


async def test_the_entity_is_used_first(make, database: Database, app_settings: Settings) -> None:
    code = new_case(database, app_settings)
    message = tracker(ANNA, "code from my coach", "link_account", [entity("link_code", code)])
    dispatcher, _ = await run(make(ActionLinkAccount), message)
    assert responses(dispatcher)[0] == "utter_link_done"


async def test_linking_remembers_the_language_for_proactive_messages(make, database: Database,
                                                                     app_settings: Settings) -> None:
    code = new_case(database, app_settings)
    await run(make(ActionLinkAccount), tracker(ANNA, code, "link_account", language="ar"))
    with database.session() as session:
        assert PersonRepository(session).get(ANNA).language == "ar"


async def test_wrong_used_and_expired_codes_get_the_same_answer(make, database: Database,
                                                                app_settings: Settings) -> None:
    code = new_case(database, app_settings)
    await link(make, ANNA, code)
    expired = new_case(database, app_settings, "WW-OLD01")
    later = NOW + dt.timedelta(days=8)
    answers = []
    for text, now in ((code, NOW), (expired, later), ("K7P2M-9QX4T", NOW)):
        dispatcher, _ = await run(make(ActionLinkAccount, now), tracker(BILAL, text, "link_account"))
        answers.append(responses(dispatcher))
    assert answers == [["utter_link_failed"]] * 3
    with database.session() as session:
        assert ChatLinkRepository(session).get(BILAL) is None


async def test_guessing_gets_the_wait_answer(make, database: Database, app_settings: Settings) -> None:
    for _ in range(app_settings.link_attempts_per_chat_hour):
        await run(make(ActionLinkAccount), tracker(BILAL, "K7P2M-9QX4T", "link_account"))
    dispatcher, _ = await run(make(ActionLinkAccount), tracker(BILAL, "K7P2M-9QX4U", "link_account"))
    assert responses(dispatcher) == ["utter_link_wait"]


async def test_without_a_code_it_asks_for_one(make) -> None:
    dispatcher, _ = await run(make(ActionLinkAccount), tracker(ANNA, "i have a code from my caseworker",
                                                               "link_account"))
    assert responses(dispatcher) == ["utter_link_ask_code"]


# --- my_phase ----------------------------------------------------------------------------------

async def test_my_phase_linked_says_phase_since_when_what_and_what_next(make, database: Database,
                                                                         app_settings: Settings,
                                                                         renderer: Renderer) -> None:
    await link(make, ANNA, new_case(database, app_settings, phase="appeal"))
    dispatcher, events = await run(make(ActionMyPhase), tracker(ANNA, "where am i?", "my_phase"))
    assert responses(dispatcher) == ["utter_phase_from_case", "utter_my_phase_appeal"]
    assert dispatcher.messages[0]["since_date"] == "2026-11-30"
    texts = rendered(dispatcher, renderer)
    assert "this has been your phase since November 30, 2026" in texts[0]
    assert texts[1].startswith("You are in the appeal phase.") and "Next:" in texts[1]
    assert events == [SlotSet("phase", "appeal")]


async def test_a_person_sees_only_their_own_case(make, database: Database, app_settings: Settings) -> None:
    await link(make, ANNA, new_case(database, app_settings, "WW-ANNA1", "appeal"))
    await link(make, BILAL, new_case(database, app_settings, "WW-BILAL", "permit"))
    anna, _ = await run(make(ActionMyPhase), tracker(ANNA, "where am i", "my_phase"))
    bilal, _ = await run(make(ActionMyPhase), tracker(BILAL, "where am i", "my_phase"))
    stranger, _ = await run(make(ActionMyPhase), tracker("te-stranger", "where am i", "my_phase"))
    assert responses(anna)[1] == "utter_my_phase_appeal"
    assert responses(bilal)[1] == "utter_my_phase_permit"
    assert responses(stranger) == ["utter_ask_phase"]


async def test_not_linked_it_asks_with_a_button_per_phase(make) -> None:
    dispatcher, events = await run(make(ActionMyPhase), tracker(ANNA, "which phase am i in", "my_phase"))
    assert responses(dispatcher) == ["utter_ask_phase"] and events == []
    buttons = dispatcher.messages[0]["buttons"]
    assert [b["payload"] for b in buttons] == [f'/report_phase{{"phase": "{p}"}}' for p in PHASES]
    assert buttons[1]["title"] == "Rest period" and buttons[-1]["title"] == "Dublin procedure"


async def test_the_answer_is_remembered_as_self_reported(make, database: Database, renderer: Renderer) -> None:
    payload = tracker(ANNA, '/report_phase{"phase": "rest_period"}', "report_phase",
                      [entity("phase", "rest_period")], history=[bot_turn("utter_ask_phase")])
    dispatcher, events = await run(make(ActionReportPhase), payload)
    assert responses(dispatcher) == ["utter_phase_reported", "utter_my_phase_rest_period"]
    assert "You told me yourself" in rendered(dispatcher, renderer)[0]
    assert events == [SlotSet("phase", "rest_period")]
    dispatcher, _ = await run(make(ActionMyPhase), tracker(ANNA, "where am i", "my_phase"))
    assert responses(dispatcher) == ["utter_phase_from_self", "utter_my_phase_rest_period"]
    assert "This does not come from your file" in rendered(dispatcher, renderer)[0]
    with database.session() as session:
        assert session.query(AuditEntry).filter_by(action="person.phase_reported", sender_id=ANNA).count() == 1


# --- report_phase ------------------------------------------------------------------------------

async def test_report_phase_confirms_and_remembers(make, database: Database) -> None:
    message = tracker(ANNA, "i got a negative decision", "report_phase", [entity("phase", "return")])
    dispatcher, _ = await run(make(ActionReportPhase), message)
    assert responses(dispatcher) == ["utter_phase_reported", "utter_my_phase_return"]
    assert dispatcher.messages[0]["reported_date"] == "2026-12-03"
    with database.session() as session:
        person = PersonRepository(session).get(ANNA)
        assert (person.reported_phase, person.reported_at) == ("return", NOW)


async def test_report_phase_without_a_phase_asks(make) -> None:
    dispatcher, _ = await run(make(ActionReportPhase), tracker(ANNA, "i have news", "report_phase"))
    assert responses(dispatcher) == ["utter_ask_phase"] and len(dispatcher.messages[0]["buttons"]) == 9


async def test_a_linked_case_is_not_overwritten_by_a_report(make, database: Database,
                                                            app_settings: Settings) -> None:
    await link(make, ANNA, new_case(database, app_settings, phase="decision"))
    other, _ = await run(make(ActionReportPhase), tracker(ANNA, "we are in appeal", "report_phase",
                                                          [entity("phase", "appeal")]))
    same, _ = await run(make(ActionReportPhase), tracker(ANNA, "i got voornemen", "report_phase",
                                                         [entity("phase", "decision")]))
    assert responses(other) == ["utter_report_phase_linked_differs"]
    assert responses(same) == ["utter_report_phase_linked_same"]
    with database.session() as session:
        assert ChatLinkRepository(session).get(ANNA).case.phase == "decision"
        assert PersonRepository(session).get(ANNA).reported_phase is None


# --- next_steps --------------------------------------------------------------------------------

async def test_next_steps_mention_the_appeal_deadline_in_days(make, database: Database, app_settings: Settings,
                                                              renderer: Renderer) -> None:
    await link(make, ANNA, new_case(database, app_settings, phase="decision",
                                    appeal_deadline_on=dt.date(2026, 12, 12)))
    dispatcher, _ = await run(make(ActionNextSteps), tracker(ANNA, "what now?", "next_steps"))
    assert responses(dispatcher) == ["utter_key_date_appeal_deadline", "utter_next_steps_decision"]
    assert dispatcher.messages[0]["deadline_date"] == "2026-12-12" and dispatcher.messages[0]["days"] == 9
    texts = rendered(dispatcher, renderer)
    assert texts[0].startswith("Your appeal deadline is December 12, 2026 (in 9 days).")
    assert texts[1].startswith("What you can do now:")


async def test_dates_in_the_persons_language_and_plural(make, database: Database, app_settings: Settings,
                                                        renderer: Renderer) -> None:
    await link(make, ANNA, new_case(database, app_settings, appeal_deadline_on=dt.date(2026, 12, 12)))
    nine, _ = await run(make(ActionNextSteps), tracker(ANNA, "wat nu", "next_steps", language="nl"))
    one, _ = await run(make(ActionNextSteps, NOW + dt.timedelta(days=8)),
                       tracker(ANNA, "wat nu", "next_steps", language="nl"))
    assert rendered(nine, renderer, "nl")[0] == "Je beroepstermijn eindigt op 12 december 2026 (over 9 dagen)."
    assert rendered(one, renderer, "nl")[0] == "Je beroepstermijn eindigt op 12 december 2026 (over 1 dag)."


async def test_next_steps_self_reported_say_so(make) -> None:
    await run(make(ActionReportPhase), tracker(ANNA, "i have my permit", "report_phase", [entity("phase", "permit")]))
    dispatcher, _ = await run(make(ActionNextSteps), tracker(ANNA, "what now", "next_steps"))
    assert responses(dispatcher) == ["utter_next_steps_self_reported", "utter_next_steps_permit"]


async def test_next_steps_unknown_phase_asks(make) -> None:
    dispatcher, _ = await run(make(ActionNextSteps), tracker(ANNA, "what now", "next_steps"))
    assert responses(dispatcher) == ["utter_ask_phase_for_next_steps"]
    assert len(dispatcher.messages[0]["buttons"]) == len(PHASES)


# --- forget_me ---------------------------------------------------------------------------------

async def test_forget_me_asks_first(make, database: Database) -> None:
    await run(make(ActionReportPhase), tracker(ANNA, "i am in dublin", "report_phase", [entity("phase", "dublin")]))
    dispatcher, events = await run(make(ActionForgetMe), tracker(ANNA, "delete my data", "forget_me"))
    assert responses(dispatcher) == ["utter_forget_confirm"] and events == []
    with database.session() as session:
        assert PersonRepository(session).get(ANNA) is not None


async def test_forget_me_confirmed_deletes_and_tells_the_front_end(make, database: Database,
                                                                   app_settings: Settings) -> None:
    await link(make, ANNA, new_case(database, app_settings))
    with database.session() as session:
        InboxRepository(session).add_handoff(ANNA, "en")
    await run(make(ActionLinkAccount), tracker(ANNA, "K7P2M-9QX4T", "link_account"))  # one failed try
    yes = tracker(ANNA, "/affirm", "affirm", history=[bot_turn("utter_forget_confirm")])
    dispatcher, events = await run(make(ActionForgetMe), yes)
    assert responses(dispatcher) == ["utter_forget_done", None]
    assert dispatcher.messages[1]["custom"] == FORGET_SIGNAL
    assert events == [AllSlotsReset()]
    with database.session() as session:
        assert session.query(ChatLink).count() == 0 and session.query(Person).count() == 0
        assert InboxRepository(session).handoffs(ANNA) == []
        assert session.query(LinkAttempt).filter_by(sender_id=ANNA).count() == 0
        assert session.query(AuditEntry).filter_by(sender_id=ANNA).count() == 0


async def test_forget_me_denied_deletes_nothing(make, database: Database) -> None:
    await run(make(ActionReportPhase), tracker(ANNA, "i am in dublin", "report_phase", [entity("phase", "dublin")]))
    no = tracker(ANNA, "/deny", "deny", history=[bot_turn("utter_forget_confirm")])
    dispatcher, _ = await run(make(ActionForgetMe), no)
    assert responses(dispatcher) == ["utter_forget_cancelled"]
    with database.session() as session:
        assert PersonRepository(session).get(ANNA).reported_phase == "dublin"


async def test_a_yes_or_no_after_the_question_was_answered_does_nothing(make, database: Database) -> None:
    await run(make(ActionReportPhase), tracker(ANNA, "i am in dublin", "report_phase", [entity("phase", "dublin")]))
    for text, intent, before in (("yes", "affirm", "utter_forget_cancelled"), ("no", "deny", "utter_forget_done")):
        dispatcher, _ = await run(make(ActionForgetMe), tracker(ANNA, text, intent, history=[bot_turn(before)]))
        assert responses(dispatcher) == ["utter_anything_else"]
    with database.session() as session:
        assert PersonRepository(session).get(ANNA) is not None


def test_every_uttered_response_has_content(renderer: Renderer) -> None:
    keys = {"utter_phase_from_case", "utter_phase_from_self", "utter_ask_phase", "utter_ask_phase_for_next_steps",
            "utter_phase_reported", "utter_report_phase_linked_same", "utter_report_phase_linked_differs",
            "utter_next_steps_self_reported", "utter_phase_update", "utter_link_ask_code", "utter_link_done",
            "utter_link_failed", "utter_link_wait", "utter_forget_confirm", "utter_forget_done",
            "utter_forget_cancelled"}
    keys |= {f"utter_my_phase_{p}" for p in PHASES} | {f"utter_next_steps_{p}" for p in PHASES}
    for kind in ("appeal_deadline", "interview", "decision"):
        keys |= {f"utter_key_date_{kind}", f"utter_key_date_{kind}_today"}
    keys |= {"utter_key_date_appeal_deadline_passed", "utter_key_date_decision_passed"}
    missing = sorted(k for k in keys | {"utter_anything_else"} if renderer.content.entry(k) is None)
    assert missing == []
    known_sources = yaml.safe_load((PROJECT_ROOT / "bot" / "data" / "sources.yml").read_text("utf-8"))
    for key in keys:
        entry = renderer.content.entry(key)
        if key.startswith(("utter_my_phase_", "utter_next_steps_", "utter_key_date_")) and key != \
                "utter_next_steps_self_reported":
            assert entry.sources and entry.checked, key
        assert set(entry.sources) <= set(known_sources), key


def test_a_partial_code_tagged_by_the_classifier_does_not_hide_the_whole_code():
    from actions.person import code_in_message
    from tests.actions.helpers import entity, tracker

    partial = tracker("s", "my code is LJXA9-YT7A4", "link_account",
                      [entity("link_code", "LJXA9"), entity("link_code", "LJXA9-YT7A4")])
    assert code_in_message(partial) == "LJXA9-YT7A4"
    only_partial = tracker("s", "my code is LJXA9-YT7A4", "link_account", [entity("link_code", "LJXA9")])
    assert code_in_message(only_partial) == "LJXA9YT7A4"
