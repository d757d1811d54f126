"""A question in each launch language, sent WITHOUT metadata.language, is answered in that language.

The question is a phrasing from the training data: this test is about the way through the engine
(language identification, tokenizer, NLG in the detected language); how well unseen phrasings are
understood is measured by `make bench-nlu`.
"""

from __future__ import annotations

import uuid

import aiohttp
import pytest
import yaml

from bot.actions_server import build_renderer
from bot.engine.client import EngineClient
from bot.languages import SUPPORTED_LANGUAGES
from bot.settings import PROJECT_ROOT

pytestmark = pytest.mark.engine
INTENT = "phase_rest_period"


def a_question(lang: str) -> str:
    blocks = yaml.safe_load((PROJECT_ROOT / "nlu_data" / lang / "nlu.yml").read_text("utf-8"))["nlu"]
    block = next(b for b in blocks if b.get("intent") == INTENT)
    lines = [line[2:].strip() for line in block["examples"].splitlines() if line.strip().startswith("- ")]
    return next(line for line in lines if len(line.split()) >= 4 and "[" not in line)


@pytest.fixture(scope="module")
def renderer(settings):
    return build_renderer(settings)


@pytest.mark.parametrize("lang", SUPPORTED_LANGUAGES)
async def test_question_without_metadata_is_answered_in_its_language(assistant, renderer, lang):
    question = a_question(lang)
    async with aiohttp.ClientSession() as http:
        engine = EngineClient(assistant.engine_url, http)
        parsed = await engine.parse(question)
        replies = await engine.send(f"t-{uuid.uuid4().hex}", question)
    assert parsed["language"]["code"] == lang
    assert parsed["intent"]["name"] == INTENT
    expected = renderer.render(f"utter_{INTENT}", lang)
    assert expected.language == lang, f"{lang} catalog lacks utter_{INTENT}"
    assert replies[0].text.startswith(expected.text)
