"""The multi-turn test stories pass with the trained model (`rasa test`, in the engine environment)."""

from __future__ import annotations

import subprocess

import pytest
import yaml

from bot.engine.model import RASA, engine_env
from bot.settings import PROJECT_ROOT

pytestmark = pytest.mark.engine


def test_every_test_story_passes(model, tmp_path):
    run = subprocess.run(
        [str(RASA), "test", "core", "--model", str(model), "--stories", "tests/stories", "--out", str(tmp_path),
         "--no-plot"],
        cwd=PROJECT_ROOT, env=engine_env(), capture_output=True, text=True, timeout=900)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    failed = yaml.safe_load((tmp_path / "failed_test_stories.yml").read_text("utf-8")) or {}
    assert not failed.get("stories"), yaml.safe_dump(failed, allow_unicode=True)[:4000]
