"""Key dates: which to mention today, with the number of days counted from an injected today."""

from __future__ import annotations

import datetime as dt

from bot.cases.keydates import Line, key_date_lines, local_today
from bot.db.models import Case

TODAY = dt.date(2026, 12, 3)


def _case(**dates: dt.date) -> Case:
    return Case(reference="WW-1", phase="decision", phase_since=TODAY, organisation="vwn", **dates)


def test_appeal_deadline_in_nine_days() -> None:
    lines = key_date_lines(_case(appeal_deadline_on=dt.date(2026, 12, 12)), TODAY)
    assert lines == [Line("utter_key_date_appeal_deadline", {"deadline_date": "2026-12-12", "days": 9})]


def test_today_and_passed_dates() -> None:
    lines = key_date_lines(_case(appeal_deadline_on=TODAY, next_interview_on=TODAY,
                                 decision_expected_on=dt.date(2026, 11, 20)), TODAY)
    assert [line.response for line in lines] == [
        "utter_key_date_appeal_deadline_today", "utter_key_date_interview_today", "utter_key_date_decision_passed"]


def test_old_and_past_interview_dates_are_not_mentioned() -> None:
    case = _case(appeal_deadline_on=dt.date(2026, 10, 1), next_interview_on=dt.date(2026, 12, 1))
    assert key_date_lines(case, TODAY) == []


def test_most_urgent_first() -> None:
    case = _case(next_interview_on=dt.date(2026, 12, 4), appeal_deadline_on=dt.date(2026, 12, 20),
                 decision_expected_on=dt.date(2027, 3, 1))
    assert [line.response for line in key_date_lines(case, TODAY)] == [
        "utter_key_date_appeal_deadline", "utter_key_date_interview", "utter_key_date_decision"]
    assert key_date_lines(case, TODAY)[1].args["days"] == 1


def test_today_is_the_date_in_the_netherlands() -> None:
    late_evening_utc = dt.datetime(2026, 12, 2, 23, 30, tzinfo=dt.UTC)
    assert local_today(late_evening_utc, "Europe/Amsterdam") == TODAY
    assert local_today(late_evening_utc, "UTC") == dt.date(2026, 12, 2)
