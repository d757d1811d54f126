"""The queue of messages waiting for a down engine: retried, delivered in order, or given up clearly."""

from __future__ import annotations

import asyncio

from bot.engine.client import EngineUnavailable
from bot.telegram.pending import PendingMessage, PendingQueue
from bot.telegram.person import Person

PERSON = Person(chat_id=1, sender="te-1")


class Engine:
    """Down until `up` is set; records what it answered."""

    def __init__(self) -> None:
        self.up = False
        self.answered: list[str] = []
        self.given_up: list[tuple[int, int]] = []

    async def attempt(self, message: PendingMessage) -> None:
        if not self.up:
            raise EngineUnavailable("down")
        self.answered.append(message.text)

    async def give_up(self, person: Person, count: int) -> None:
        self.given_up.append((person.chat_id, count))

    async def probe(self) -> bool:
        return True


def queue(engine: Engine, **kwargs: float) -> PendingQueue:
    options = {"per_chat": 3, "retry_for_s": 5.0, "first_delay_s": 0.05, "max_delay_s": 0.2, **kwargs}
    return PendingQueue(engine.attempt, engine.give_up, engine.probe, **options)  # type: ignore[arg-type]


async def wait_until(condition, timeout: float = 5.0) -> None:  # noqa: ANN001
    async def loop() -> None:
        while not condition():
            await asyncio.sleep(0.01)
    await asyncio.wait_for(loop(), timeout)


async def test_messages_are_answered_in_order_when_the_engine_is_back() -> None:
    engine = Engine()
    pending = queue(engine)
    for text in ("one", "two", "three"):
        assert pending.add(PERSON, text)
    assert pending.has_pending(1)
    await asyncio.sleep(0.2)
    assert engine.answered == []
    engine.up = True
    await wait_until(lambda: not pending.has_pending(1))
    assert engine.answered == ["one", "two", "three"]
    assert engine.given_up == []


async def test_a_full_queue_refuses_more() -> None:
    pending = queue(Engine())
    assert all(pending.add(PERSON, str(i)) for i in range(3))
    assert not pending.add(PERSON, "four")
    await pending.close()


async def test_after_the_retry_window_the_person_is_told_how_many_were_not_answered() -> None:
    engine = Engine()
    pending = queue(engine, retry_for_s=0.3)
    pending.add(PERSON, "a")
    pending.add(PERSON, "b")
    await wait_until(lambda: engine.given_up)
    assert engine.given_up == [(1, 2)]
    await wait_until(lambda: not pending.has_pending(1))


async def test_the_probe_saves_real_attempts_while_the_engine_is_down() -> None:
    engine = Engine()
    probes = 0

    async def probe() -> bool:
        nonlocal probes
        probes += 1
        return False

    pending = PendingQueue(engine.attempt, engine.give_up, probe, per_chat=3, retry_for_s=0.4,
                           first_delay_s=0.05, max_delay_s=0.1)
    pending.add(PERSON, "a")
    await wait_until(lambda: engine.given_up)
    assert probes >= 2 and engine.answered == []


async def test_closing_tells_everyone_still_waiting() -> None:
    engine = Engine()
    pending = queue(engine)
    pending.add(PERSON, "a")
    pending.add(Person(chat_id=2, sender="te-2"), "b")
    await pending.close()
    assert sorted(engine.given_up) == [(1, 1), (2, 1)]
    assert not pending.has_pending(1) and not pending.has_pending(2)


async def test_drop_forgets_a_chat_without_telling() -> None:
    engine = Engine()
    pending = queue(engine)
    pending.add(PERSON, "a")
    assert pending.drop(1) == 1
    engine.up = True
    await asyncio.sleep(0.2)
    assert engine.answered == [] and engine.given_up == []


async def test_a_broken_message_does_not_block_the_queue() -> None:
    engine = Engine()
    engine.up = True

    async def attempt(message: PendingMessage) -> None:
        if message.text == "bad":
            raise ValueError("a bug")
        engine.answered.append(message.text)

    pending = PendingQueue(attempt, engine.give_up, engine.probe, per_chat=3, retry_for_s=5,
                           first_delay_s=0.01)
    pending.add(PERSON, "bad")
    pending.add(PERSON, "good")
    await wait_until(lambda: not pending.has_pending(1))
    assert engine.answered == ["good"] and engine.given_up == [(1, 1)]
