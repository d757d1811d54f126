"""The preference store interface, its thread adapter, and the /start link codes."""

from __future__ import annotations

import threading

from bot.identity import sender_id
from bot.telegram.deep_link import link_code
from bot.telegram.payloads import change_language, link_account
from bot.telegram.person import make_person
from bot.telegram.store import MemoryPreferenceStore, PreferenceStore, ThreadedPreferenceStore


class SyncStore:
    """A synchronous store like the database's, recording which thread each call ran on."""

    def __init__(self) -> None:
        self.languages: dict[str, str] = {}
        self.inactive: dict[str, bool] = {}
        self.threads: set[int] = set()

    def get_language(self, sender: str) -> str | None:
        self.threads.add(threading.get_ident())
        return self.languages.get(sender)

    def set_language(self, sender: str, language: str) -> None:
        self.threads.add(threading.get_ident())
        self.languages[sender] = language

    def mark_inactive(self, sender: str, inactive: bool = True) -> None:
        self.threads.add(threading.get_ident())
        self.inactive[sender] = inactive


async def test_memory_store() -> None:
    store = MemoryPreferenceStore(capacity=2)
    assert isinstance(store, PreferenceStore)
    await store.set_language("a", "ar")
    await store.set_language("b", "fa")
    assert await store.get_language("a") == "ar"
    await store.set_language("c", "ti")  # "b" is now the least recently used
    assert await store.get_language("b") is None
    await store.mark_inactive("a")
    assert "a" in store.inactive
    await store.mark_inactive("a", False)
    assert "a" not in store.inactive
    store.forget("a")
    assert await store.get_language("a") is None


async def test_a_synchronous_store_runs_off_the_event_loop() -> None:
    inner = SyncStore()
    store = ThreadedPreferenceStore(inner)
    assert isinstance(store, PreferenceStore)
    await store.set_language("s", "so")
    assert await store.get_language("s") == "so"
    await store.mark_inactive("s", True)
    assert inner.inactive == {"s": True}
    assert threading.get_ident() not in inner.threads


def test_person_language_resolution() -> None:
    chosen = make_person(1, "k", "fa", "ar-EG", "en")
    assert (chosen.language, chosen.engine_language) == ("fa", "fa")
    client = make_person(1, "k", None, "ar-EG", "en")
    assert (client.language, client.engine_language) == ("ar", "ar")
    unknown = make_person(1, "k", None, "ps", "en")
    assert (unknown.language, unknown.engine_language) == ("en", None)
    assert chosen.sender == client.sender != make_person(2, "k", None, None, "en").sender
    assert chosen.sender == sender_id("telegram", 1, "k")
    assert "987654321" not in make_person(987654321, "k", None, None, "en").sender  # never in clear


def test_link_codes() -> None:
    assert link_code("abcde-23456") == "ABCDE-23456"
    assert link_code("ABCDE23456") == "ABCDE-23456"
    for bad in ("", None, "ABCDE-2345", "ABCDE-2345O", 'x"}/forget_me', "ABCDE-234561"):
        assert link_code(bad) is None
    assert link_account("ABCDE-23456") == '/link_account{"link_code": "ABCDE-23456"}'
    # The same form as the engine's own buttons (actions/conversation.py), so pinned ids match.
    assert change_language("ar") == '/change_language{"language": "ar"}'
