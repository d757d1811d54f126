"""Callback data stays under 64 bytes; payloads behind it are kept in a bounded store."""

from __future__ import annotations

from pathlib import Path

from bot.content.model import load_content
from bot.languages import SUPPORTED_LANGUAGES
from bot.telegram.callbacks import (
    CallbackStore,
    LanguageButton,
    OpenLanguagePicker,
    PayloadButton,
    known_payloads,
)

LONG = '/who_can_help{"phase": "extended_procedure", "organisation": "legal_aid", "x": "' + "y" * 80 + '"}'


def test_long_payloads_get_short_callback_data() -> None:
    store = CallbackStore(capacity=10)
    data = store.put(LONG)
    assert len(LONG.encode()) > 64 and len(data.encode()) <= 64
    assert store.get(PayloadButton.unpack(data).id) == LONG
    assert store.put(LONG) == data  # the same payload, the same id: no duplicates


def test_the_store_is_bounded_and_forgets_the_least_recently_used() -> None:
    store = CallbackStore(capacity=3)
    ids = [PayloadButton.unpack(store.put(f"/intent_{i}")).id for i in range(5)]
    assert len(store) == 3
    assert store.get(ids[0]) is None and store.get(ids[1]) is None
    assert store.get(ids[4]) == "/intent_4"


def test_pinned_payloads_survive_any_amount_of_traffic() -> None:
    store = CallbackStore(capacity=2, pinned=["/phase_general_procedure"])
    pinned = PayloadButton.unpack(store.put("/phase_general_procedure")).id
    for i in range(50):
        store.put(f"/other_{i}")
    assert store.get(pinned) == "/phase_general_procedure"
    # ...and after a restart (a new store), the same button still works.
    assert CallbackStore(capacity=2, pinned=["/phase_general_procedure"]).get(pinned) == "/phase_general_procedure"


def test_every_content_button_and_topic_is_pinned(project_root: Path) -> None:
    content = load_content(project_root / "bot" / "content")
    payloads = known_payloads(content.entries.values(), content.topics, SUPPORTED_LANGUAGES)
    assert "/request_human" in payloads and '/change_language{"language": "ar"}' in payloads
    for entry in content.entries.values():
        assert {b.payload for b in entry.buttons} <= payloads


def test_front_end_callback_data_is_small() -> None:
    for data in (LanguageButton(code="ti", start=True).pack(), OpenLanguagePicker().pack()):
        assert len(data.encode()) <= 64
    assert LanguageButton.unpack(LanguageButton(code="ar", start=True).pack()) == LanguageButton(code="ar", start=True)
