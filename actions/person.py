"""Actions about the person: their phase, what to do now, linking their case, forgetting them.

Every lookup uses the chat's own sender id (tracker.sender_id), so a person only ever sees the
case linked to their own chat. Texts come from bot/content/answers/person.yml.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import AllSlotsReset, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.inbox import app_database
from actions.support import language, last_utterance
from bot.cases import codes, phases
from bot.cases.keydates import local_today
from bot.cases.linking import Outcome, redeem_code
from bot.cases.person import KnownPhase, Source, known_phase
from bot.cases.ratelimit import Limits
from bot.db.database import Database
from bot.db.repositories import AuditLog, ChatLinkRepository, PersonRepository
from bot.db.types import utcnow
from bot.i18n.bidi import isolate_ltr_runs
from bot.languages import is_rtl
from bot.nlg.renderer import Renderer
from bot.privacy.forget import forget_person
from bot.settings import Settings

log = logging.getLogger(__name__)

DomainDict = dict[str, Any]
Clock = Callable[[], dt.datetime]

FORGET_CONFIRM = "utter_forget_confirm"
#: The front end reads this and deletes the conversation from the tracker store (bot.privacy).
FORGET_SIGNAL = {"wegwijs": {"forget": True}}
#: The front end reads this and may record the chat's address for proactive messages.
LINKED_SIGNAL = {"wegwijs": {"linked": True}}


@cache
def _renderer_for(content_dir: Path, locales_dir: Path) -> Renderer:
    from bot.content.model import load_content
    from bot.i18n.catalog import Catalogs

    return Renderer(load_content(content_dir), Catalogs(locales_dir))


class PersonContext:
    """What the person actions share: database, clock, settings, renderer (all injectable)."""

    def __init__(self, database: Database | None = None, clock: Clock | None = None,
                 settings: Settings | None = None, renderer: Renderer | None = None) -> None:
        self._settings = settings
        self._database = database
        self._renderer = renderer
        self.clock: Clock = clock or utcnow

    @property
    def settings(self) -> Settings:
        """The settings (read from the environment once, unless given)."""
        if self._settings is None:
            self._settings = Settings()
        return self._settings

    @property
    def database(self) -> Database:
        """The app database (the process's shared one, unless given)."""
        if self._database is None:
            self._database = app_database(self.settings)
        return self._database

    @property
    def renderer(self) -> Renderer:
        """Used only to label buttons that the action builds itself."""
        if self._renderer is None:
            self._renderer = _renderer_for(self.settings.content_dir, self.settings.locales_dir)
        return self._renderer

    def phase_buttons(self, tracker: Tracker) -> list[dict[str, str]]:
        """One button per phase, labelled in the reply language, reporting that phase."""
        lang = language(tracker)
        buttons = []
        for phase in phases.PHASES:
            title = self.renderer.button_title(phases.topic_intent(phase), lang)
            buttons.append({"title": isolate_ltr_runs(title) if is_rtl(lang) else title,
                            "payload": f'/report_phase{{"phase": "{phase}"}}'})
        return buttons

    def known(self, sender_id: str) -> KnownPhase | None:
        """The person's phase (their linked case's, else the one they reported)."""
        with self.database.session() as session:
            return known_phase(session, sender_id, self.clock(), self.settings.timezone)


def explain(dispatcher: CollectingDispatcher, known: KnownPhase) -> None:
    """Say where the phase comes from (and since when), then what it means and what comes next."""
    if known.source is Source.CASE:
        dispatcher.utter_message(response="utter_phase_from_case", since_date=known.since.isoformat())
    else:
        dispatcher.utter_message(response="utter_phase_from_self", reported_date=known.since.isoformat())
    dispatcher.utter_message(response=phases.explanation_key(known.phase))


class ActionMyPhase(PersonContext, Action):
    """"Where am I?": the linked case's phase, else the reported one, else ask (and remember)."""

    def name(self) -> str:
        return "action_my_phase"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list:
        known = self.known(tracker.sender_id)
        if known is None:
            dispatcher.utter_message(response="utter_ask_phase", buttons=self.phase_buttons(tracker))
            return []
        explain(dispatcher, known)
        return [SlotSet("phase", known.phase)]


class ActionNextSteps(PersonContext, Action):
    """"What now?": the key dates that matter today, then what to do in the person's phase."""

    def name(self) -> str:
        return "action_next_steps"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list:
        known = self.known(tracker.sender_id)
        if known is None:
            buttons = self.phase_buttons(tracker)
            dispatcher.utter_message(response="utter_ask_phase_for_next_steps", buttons=buttons)
            return []
        if known.source is Source.SELF:
            dispatcher.utter_message(response="utter_next_steps_self_reported")
        for line in known.key_dates:
            dispatcher.utter_message(response=line.response, **line.args)
        dispatcher.utter_message(response=phases.next_steps_key(known.phase))
        return [SlotSet("phase", known.phase)]


class ActionReportPhase(PersonContext, Action):
    """"I got a negative decision": remember the phase as self-reported and say so.

    A linked chat keeps its case's phase: only the caseworker changes that.
    """

    def name(self) -> str:
        return "action_report_phase"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list:
        phase = next(tracker.get_latest_entity_values("phase"), None)
        if not phases.is_phase(phase):
            dispatcher.utter_message(response="utter_ask_phase", buttons=self.phase_buttons(tracker))
            return []
        sender = tracker.sender_id
        now = self.clock()
        with self.database.session() as session:
            link = ChatLinkRepository(session).get(sender)
            if link is not None:
                same = link.case.phase == phase
            else:
                PersonRepository(session).report_phase(sender, phase, now)
                AuditLog(session).record("person", "person.phase_reported", sender_id=sender, at=now,
                                         phase=phase)
        if link is not None:
            dispatcher.utter_message(response="utter_report_phase_linked_same" if same
                                     else "utter_report_phase_linked_differs")
            return []
        dispatcher.utter_message(response="utter_phase_reported",
                                 reported_date=local_today(now, self.settings.timezone).isoformat())
        dispatcher.utter_message(response=phases.explanation_key(phase))
        return [SlotSet("phase", phase)]


def code_in_message(tracker: Tracker) -> str | None:
    """The code the person sent: a `link_code` entity that is a whole code, else one in the text.

    DIET may also tag part of a code as `link_code`; only a value that is a complete code counts.
    """
    for value in tracker.get_latest_entity_values("link_code"):
        if codes.normalise(value):
            return value
    return codes.find_in_text(tracker.latest_message.get("text"))


class ActionLinkAccount(PersonContext, Action):
    """Links the chat to a case with a caseworker's one-time code (`/start CODE`, pasted or said)."""

    def name(self) -> str:
        return "action_link_account"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list:
        # The code is spent or useless after this action: never keep it in the conversation.
        events: list = [SlotSet("link_code", None)]
        text = code_in_message(tracker)
        if not text:
            dispatcher.utter_message(response="utter_link_ask_code")
            return events
        settings = self.settings
        sender = tracker.sender_id
        with self.database.session() as session:
            result = redeem_code(session, sender, text, key=settings.pseudonym_key.get_secret_value(),
                                 limits=Limits.from_settings(settings), now=self.clock())
            if result.outcome is Outcome.LINKED:
                # Proactive messages about this case go out in the language the person uses now.
                PersonRepository(session).set_language(sender, language(tracker))
        if result.outcome is Outcome.LIMITED:
            dispatcher.utter_message(response="utter_link_wait")
        elif result.outcome is Outcome.REJECTED:
            dispatcher.utter_message(response="utter_link_failed")
        else:
            dispatcher.utter_message(response="utter_link_done")
            dispatcher.utter_message(json_message=LINKED_SIGNAL)
        return events


class ActionForgetMe(PersonContext, Action):
    """Asks first; on "yes" deletes everything about the person and tells the front end to finish.

    Rules run it on `forget_me` (it asks) and on `affirm`/`deny` right after it ran: after its own
    question `affirm` deletes and `deny` cancels; any other yes or no finds nothing open.
    """

    def name(self) -> str:
        return "action_forget_me"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list:
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        asked = last_utterance(tracker) == FORGET_CONFIRM
        if intent in ("affirm", "deny") and not asked:
            # A yes or no after the question was answered already: nothing is open any more.
            dispatcher.utter_message(response="utter_anything_else")
            return []
        if intent == "deny":
            dispatcher.utter_message(response="utter_forget_cancelled")
            return []
        if intent != "affirm":
            dispatcher.utter_message(response=FORGET_CONFIRM)
            return []
        with self.database.session() as session:
            report = forget_person(session, tracker.sender_id, self.clock())
        log.info("forget-me (app database): %s", report.deleted)
        dispatcher.utter_message(response="utter_forget_done")
        dispatcher.utter_message(json_message=FORGET_SIGNAL)
        return [AllSlotsReset()]

