"""A caseworker creates a case and a code; the person links in the terminal chat and asks about it."""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import sys

import pytest

from bot.actions_server import build_renderer
from bot.cases.keydates import local_today
from bot.settings import PROJECT_ROOT

pytestmark = pytest.mark.engine


def wegwijs(assistant, *args: str, stdin: str | None = None) -> str:
    run = subprocess.run([sys.executable, "-m", "bot.cli", *args], env={**os.environ, **assistant.app_env},
                         input=stdin, capture_output=True, text=True, cwd=PROJECT_ROOT, timeout=180)
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    return run.stdout


@pytest.fixture(scope="module")
def renderer(settings):
    return build_renderer(settings)


def first_line(renderer, key: str) -> str:
    return renderer.render(key, "en").text.splitlines()[0]


def test_caseworker_links_a_person_who_then_gets_answers_about_their_case(assistant, renderer, settings):
    # "In 9 days" counts from today where the person lives, not on this machine's clock (they differ
    # for an hour or two around midnight UTC).
    today = local_today(dt.datetime.now(dt.UTC), settings.timezone)
    deadline = (today + dt.timedelta(days=9)).isoformat()
    created = wegwijs(assistant, "case", "create", "--phase", "appeal", "--appeal-deadline", deadline)
    ref = re.search(r"case (WW-\w+) created", created).group(1)
    code = re.search(r"code for case \S+: (\S+)", wegwijs(assistant, "case", "code", ref)).group(1)

    out = wegwijs(assistant, "chat", stdin=f"my code is {code}\nwhere am I in my procedure?\nwhat should I do now?\n")

    assert first_line(renderer, "utter_link_done") in out
    assert first_line(renderer, "utter_my_phase_appeal") in out
    assert "(in 9 days)" in out, out[-1500:]


def test_a_wrong_code_gets_the_neutral_answer(assistant, renderer):
    out = wegwijs(assistant, "chat", stdin="my code is ABCDE-FGHJK\n")
    assert first_line(renderer, "utter_link_failed") in out
    assert first_line(renderer, "utter_link_done") not in out
