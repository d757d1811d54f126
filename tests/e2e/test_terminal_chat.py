"""The terminal chat (`make chat`) against the running assistant, as a person would use it."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from bot.actions_server import build_renderer
from bot.settings import PROJECT_ROOT

pytestmark = pytest.mark.engine


def chat(assistant, lines: list[str], *args: str) -> str:
    run = subprocess.run([sys.executable, "-m", "bot.cli", "chat", *args], env={**os.environ, **assistant.app_env},
                         input="\n".join(lines) + "\n", capture_output=True, text=True, cwd=PROJECT_ROOT, timeout=120)
    assert run.returncode == 0, run.stderr[-2000:]
    return run.stdout


def test_hello_and_hoi_are_answered_in_their_language(assistant, settings):
    renderer = build_renderer(settings)
    out = chat(assistant, ["hello"])
    assert renderer.render("utter_greet", "en").text in out
    out = chat(assistant, ["hoi"])
    assert renderer.render("utter_greet", "nl").text.splitlines()[0] in out


def test_a_button_is_chosen_by_its_number(assistant, settings):
    renderer = build_renderer(settings)
    buttons = [b.payload for b in renderer.content.entries["utter_phase_rest_period"].buttons]
    number = buttons.index("/phase_general_procedure") + 1   # "What comes next?"
    out = chat(assistant, ["what is the rest period", str(number)])
    assert f"[{number}] {renderer.button_title('next_phase', 'en')}" in out
    assert renderer.render("utter_phase_general_procedure", "en").text in out


def test_a_very_long_message_gets_a_clear_answer_and_nothing_is_sent(assistant, settings):
    renderer = build_renderer(settings)
    out = chat(assistant, ["x" * 5000])
    assert renderer.render("ui_message_too_long", "en").text in out
