"""Messages over the engine's REST channel get the right intent and a reply in the right language."""

from __future__ import annotations

import uuid

import aiohttp
import pytest

from bot.actions_server import build_renderer
from bot.engine.client import EngineClient
from bot.safety import might_be_emergency

pytestmark = pytest.mark.engine


@pytest.fixture
async def engine(assistant):
    async with aiohttp.ClientSession() as http:
        yield EngineClient(assistant.engine_url, http)


@pytest.fixture(scope="module")
def renderer(settings):
    return build_renderer(settings)


def body(renderer, key: str, lang: str) -> str:
    """The answer text as the NLG renders it, without the notes that may follow it."""
    return renderer.render(key, lang).text


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("hello", "greet"),
        ("how does the asylum procedure work?", "procedure_overview"),
        ("I just arrived, where do I go to ask for asylum?", "phase_registration"),
        ("hoi", "greet"),
        ("hoe werkt de asielprocedure?", "procedure_overview"),
        ("ik ben net aangekomen, waar moet ik asiel aanvragen?", "phase_registration"),
    ],
)
async def test_parse_returns_contract_intent(engine, text, intent):
    result = await engine.parse(text)
    assert result["intent"]["name"] == intent


@pytest.mark.parametrize(("text", "lang"), [("hello", "en"), ("hoi", "nl"), ("goedemorgen", "nl")])
async def test_greeting_is_answered_in_its_language(engine, renderer, text, lang):
    replies = await engine.send(f"t-{uuid.uuid4().hex}", text)
    assert replies[0].text.startswith(body(renderer, "utter_greet", lang))


@pytest.mark.parametrize(
    ("text", "lang", "key"),
    [
        ("what is the rest period for", "en", "utter_phase_rest_period"),
        ("wat gebeurt er in de rust- en voorbereidingstermijn?", "nl", "utter_phase_rest_period"),
    ],
)
async def test_question_is_answered_in_its_language(engine, renderer, text, lang, key):
    replies = await engine.send(f"t-{uuid.uuid4().hex}", text)
    assert replies[0].text.startswith(body(renderer, key, lang))
    assert replies[0].buttons, "a phase answer offers buttons that lead on"


async def test_chosen_language_wins_for_a_short_message(engine, renderer):
    replies = await engine.send(f"t-{uuid.uuid4().hex}", "hello", language="nl")
    assert replies[0].text.startswith(body(renderer, "utter_greet", "nl"))


async def test_emergency_words_beat_the_classifier(engine):
    result = await engine.parse("i want to kill myself")
    assert result["intent"]["name"] == "emergency"
    replies = await engine.send(f"t-{uuid.uuid4().hex}", "i want to kill myself")
    assert "112" in replies[0].text and "113" in replies[0].text


# With the model of this change the first two give `emergency` about 0.19 and another intent wins, so
# they get the note; the third gets none. Whatever a retrained model says, note and parse must agree.
@pytest.mark.parametrize("text", ["i feel very bad and alone in the azc", "i have a lot of pain since yesterday",
                                  "my child has a high fever, which doctor"])
async def test_a_reply_carries_the_emergency_numbers_when_the_message_might_be_an_emergency(
        engine, renderer, text):
    sender = f"t-{uuid.uuid4().hex}"
    replies = await engine.send(sender, text)
    async with engine.session.get(f"{engine.base_url}/conversations/{sender}/tracker") as resp:
        events = (await resp.json())["events"]
    parse = [e for e in events if e["event"] == "user"][-1]["parse_data"]
    assert parse["intent_ranking"], "the NLG decides on the ranking the engine recorded"
    if not replies[0].text.startswith(body(renderer, "utter_emergency", "en")):
        note = body(renderer, "note_possible_emergency", "en")
        assert (note in replies[0].text) == might_be_emergency(parse)
