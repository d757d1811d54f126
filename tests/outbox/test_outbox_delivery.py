"""A phase change reaches the person exactly once: across restarts, crashes, failures and rivals."""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

import pytest

from bot.cases import service
from bot.content.model import load_content
from bot.db.database import Database
from bot.db.models import OutboxMessage
from bot.db.repositories import ChatLinkRepository, OutboxRepository, PersonRepository
from bot.i18n.catalog import Catalogs
from bot.nlg.renderer import Rendered, Renderer
from bot.outbox.delivery import Deliverer, Recipient, delivery_loop, record_address
from bot.settings import PROJECT_ROOT

NOW = dt.datetime(2026, 12, 3, 9, 0, tzinfo=dt.UTC)
ANNA = "te-anna"


class Clock:
    def __init__(self) -> None:
        self.now = NOW

    def __call__(self) -> dt.datetime:
        return self.now


class Phone:
    """What the person's chat received."""

    def __init__(self, fail: int = 0) -> None:
        self.received: list[tuple[Recipient, Rendered]] = []
        self.fail = fail

    async def __call__(self, recipient: Recipient, message: Rendered) -> bool:
        if self.fail:
            self.fail -= 1
            raise ConnectionError("network down")
        self.received.append((recipient, message))
        return True


@pytest.fixture(scope="module")
def renderer(tmp_path_factory: pytest.TempPathFactory) -> Renderer:
    return Renderer(load_content(PROJECT_ROOT / "bot" / "content"), Catalogs(Path(tmp_path_factory.mktemp("locales"))))


def linked_case(database: Database, sender: str = ANNA, reference: str = "WW-ANNA1") -> None:
    with database.session() as session:
        case = service.create_case(session, phase="rest_period", since=dt.date(2026, 11, 20), actor="cli:t",
                                   now=NOW, reference=reference)
        ChatLinkRepository(session).link(sender, case, NOW)
    assert record_address(database, sender, "telegram", 12345)


def change_phase(database: Database, phase: str = "general_procedure", reference: str = "WW-ANNA1") -> None:
    with database.session() as session:
        case = service.get_case(session, reference)
        service.change_phase(session, case, phase, changed_on=dt.date(2026, 12, 3), actor="cli:t", now=NOW,
                             default_language="en")


def statuses(database: Database) -> list[str]:
    with database.session() as session:
        return [m.status for m in session.query(OutboxMessage).order_by(OutboxMessage.id)]


async def test_the_person_gets_one_message_explaining_the_new_phase(database: Database,
                                                                    renderer: Renderer) -> None:
    linked_case(database)
    change_phase(database)
    phone = Phone()
    deliverer = Deliverer(database, renderer, clock=Clock())
    assert await deliverer.deliver(phone, channel="telegram") == 1
    assert await deliverer.deliver(phone, channel="telegram") == 0
    ((recipient, message),) = phone.received
    assert (recipient.sender_id, recipient.channel, recipient.chat_id) == (ANNA, "telegram", "12345")
    assert message.text.startswith("News about your case: your caseworker recorded a new phase on December 3, 2026.")
    assert "You are in the general procedure (AA)." in message.text
    assert {b["payload"] for b in message.buttons} >= {"/next_steps"}
    assert statuses(database) == ["sent"]


async def test_exactly_once_across_a_restart(db_url: str, renderer: Renderer) -> None:
    first = Database(db_url)
    linked_case(first)
    change_phase(first)
    phone = Phone()
    assert await Deliverer(first, renderer).deliver(phone, channel="telegram") == 1
    first.dispose()  # the bot stops ...
    restarted = Database(db_url)  # ... and starts again
    assert await Deliverer(restarted, renderer).deliver(phone, channel="telegram") == 0
    assert len(phone.received) == 1
    restarted.dispose()


async def test_queued_before_a_restart_is_delivered_after_it(db_url: str, renderer: Renderer) -> None:
    before = Database(db_url)
    linked_case(before)
    change_phase(before)
    before.dispose()
    after = Database(db_url)
    phone = Phone()
    assert await Deliverer(after, renderer).deliver(phone, channel="telegram") == 1
    assert await Deliverer(after, renderer).deliver(phone, channel="telegram") == 0
    assert len(phone.received) == 1
    after.dispose()


async def test_a_crash_while_sending_delays_the_message_but_does_not_lose_it(db_url: str,
                                                                             renderer: Renderer) -> None:
    database = Database(db_url)
    linked_case(database)
    change_phase(database)
    clock = Clock()
    crashed = Deliverer(database, renderer, clock=clock)
    ((claimed, _),) = crashed.claim(channel="telegram")  # claimed and committed, then the process died
    database.dispose()

    restarted_db = Database(db_url)
    phone = Phone()
    restarted = Deliverer(restarted_db, renderer, clock=clock)
    assert await restarted.deliver(phone, channel="telegram") == 0  # the claim still holds
    clock.now += dt.timedelta(minutes=6)  # past the lease
    assert await restarted.deliver(phone, channel="telegram") == 1
    assert await restarted.deliver(phone, channel="telegram") == 0
    with restarted_db.session() as session:  # the dead deliverer's claim is void
        assert not OutboxRepository(session).mark_sent(claimed.id, claimed.claim_token, clock.now)
    assert len(phone.received) == 1 and statuses(restarted_db) == ["sent"]
    restarted_db.dispose()


async def test_a_failed_send_is_tried_again(database: Database, renderer: Renderer) -> None:
    linked_case(database)
    change_phase(database)
    phone = Phone(fail=1)
    deliverer = Deliverer(database, renderer)
    assert await deliverer.deliver(phone, channel="telegram") == 0
    assert statuses(database) == ["pending"]
    assert await deliverer.deliver(phone, channel="telegram") == 1
    assert len(phone.received) == 1


async def test_it_gives_up_after_the_last_attempt(database: Database, renderer: Renderer) -> None:
    linked_case(database)
    change_phase(database)
    phone = Phone(fail=10)
    deliverer = Deliverer(database, renderer, max_attempts=3)
    for _ in range(5):
        await deliverer.deliver(phone, channel="telegram")
    assert statuses(database) == ["failed"] and phone.received == []


async def test_rival_deliverers_never_send_the_same_message(db_url: str, renderer: Renderer) -> None:
    database = Database(db_url)
    for n in range(12):
        linked_case(database, f"te-{n}", f"WW-{n:04}")
        change_phase(database, reference=f"WW-{n:04}")
    results: list[list[int]] = []

    def claim() -> None:
        rival = Database(db_url)
        results.append([m.id for m, _ in Deliverer(rival, renderer).claim(channel="telegram", limit=12)])
        rival.dispose()

    threads = [threading.Thread(target=claim) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    claimed = [message_id for result in results for message_id in result]
    assert len(claimed) == len(set(claimed)) == 12
    database.dispose()


async def test_unlinked_or_blocked_chats_get_nothing(database: Database, renderer: Renderer) -> None:
    linked_case(database, "te-unlinked", "WW-A")
    linked_case(database, "te-blocked", "WW-B")
    change_phase(database, reference="WW-A")
    change_phase(database, reference="WW-B")
    with database.session() as session:
        ChatLinkRepository(session).unlink("te-unlinked")
        PersonRepository(session).set_inactive("te-blocked", True)
    phone = Phone()
    assert await Deliverer(database, renderer).deliver(phone) == 0
    assert phone.received == [] and statuses(database) == ["dropped", "dropped"]


async def test_each_front_end_gets_its_own_messages(database: Database, renderer: Renderer) -> None:
    linked_case(database, "te-telegram", "WW-A")
    linked_case(database, "te-terminal", "WW-B")
    with database.session() as session:
        ChatLinkRepository(session).set_address("te-terminal", "terminal", "local")
    change_phase(database, reference="WW-A")
    change_phase(database, reference="WW-B")
    telegram, terminal = Phone(), Phone()
    deliverer = Deliverer(database, renderer)
    assert await deliverer.deliver(telegram, channel="telegram") == 1
    assert await deliverer.deliver(terminal, sender_id="te-terminal") == 1
    assert [r.sender_id for r, _ in telegram.received] == ["te-telegram"]
    assert [r.sender_id for r, _ in terminal.received] == ["te-terminal"]


async def test_the_language_chosen_at_delivery_time_is_used(database: Database, renderer: Renderer) -> None:
    linked_case(database)
    change_phase(database)
    with database.session() as session:
        PersonRepository(session).set_language(ANNA, "nl")
    phone = Phone()
    await Deliverer(database, renderer).deliver(phone, channel="telegram")
    assert phone.received[0][0].language == "nl"


def test_an_address_is_kept_only_for_linked_chats(database: Database) -> None:
    assert not record_address(database, "te-unlinked", "telegram", 1)
    with database.session() as session:
        assert session.query(OutboxMessage).count() == 0


async def test_the_delivery_loop_delivers_and_stops(database: Database, renderer: Renderer) -> None:
    import asyncio

    linked_case(database)
    change_phase(database)
    phone = Phone()
    stop = asyncio.Event()

    async def send(recipient: Recipient, message: Rendered) -> bool:
        await phone(recipient, message)
        stop.set()
        return True

    await asyncio.wait_for(delivery_loop(Deliverer(database, renderer), send, channel="telegram",
                                         interval=dt.timedelta(milliseconds=10), stop=stop), timeout=10)
    assert len(phone.received) == 1
