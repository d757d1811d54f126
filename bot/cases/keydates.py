"""The key dates of a case worth mentioning today, as content keys with their arguments.

`today` is always passed in (from an injected clock), so "in N days" is testable. Dates go to
the NLG as ISO strings in `*_date` arguments, which it formats with Babel in the person's
language; the number of days chooses the plural form (`count: days` in the content).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

from bot.db.models import Case

#: A deadline that passed less than this long ago is still mentioned (with what to do now).
PASSED_WINDOW = dt.timedelta(days=30)


@dataclass(frozen=True)
class Line:
    """One message: a response key and its arguments."""

    response: str
    args: dict[str, Any] = field(default_factory=dict)


def local_today(now: dt.datetime, timezone: str) -> dt.date:
    """The date it is now where the person lives (Settings.timezone)."""
    return now.astimezone(ZoneInfo(timezone)).date()


def _line(kind: str, arg: str, day: dt.date, today: dt.date, mention_passed: bool) -> Line | None:
    days = (day - today).days
    args: dict[str, Any] = {arg: day.isoformat()}
    if days > 0:
        return Line(f"utter_key_date_{kind}", {**args, "days": days})
    if days == 0:
        return Line(f"utter_key_date_{kind}_today", args)
    if mention_passed and today - day <= PASSED_WINDOW:
        return Line(f"utter_key_date_{kind}_passed", args)
    return None


def key_date_lines(case: Case, today: dt.date) -> list[Line]:
    """What to say about the case's key dates today, most urgent first."""
    lines = []
    if case.appeal_deadline_on:
        lines.append(_line("appeal_deadline", "deadline_date", case.appeal_deadline_on, today, True))
    if case.next_interview_on:
        lines.append(_line("interview", "interview_date", case.next_interview_on, today, False))
    if case.decision_expected_on:
        lines.append(_line("decision", "decision_date", case.decision_expected_on, today, True))
    return [line for line in lines if line is not None]
