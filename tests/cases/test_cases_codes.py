"""Link codes: readable, at least 40 bits, forgiving to type, stored only as a keyed hash."""

from __future__ import annotations

import math

import pytest

from bot.cases import codes


def test_codes_are_ten_readable_characters_and_50_bits() -> None:
    assert codes.BITS == codes.LENGTH * math.log2(len(codes.ALPHABET)) == 50
    assert not set("01OI") & set(codes.ALPHABET)
    generated = {codes.generate() for _ in range(2000)}
    assert len(generated) == 2000
    assert all(len(c) == 10 and set(c) <= set(codes.ALPHABET) for c in generated)
    assert set("".join(generated)) == set(codes.ALPHABET)  # every symbol is used


def test_display_groups_five_and_five() -> None:
    assert codes.display("K7P2M9QX4T") == "K7P2M-9QX4T"


@pytest.mark.parametrize("typed", ["K7P2M-9QX4T", "k7p2m-9qx4t", "K7P2M9QX4T", " k7p2m 9qx4t ", "K7P2M–9QX4T"])
def test_lowercase_spaces_and_missing_dash_are_accepted(typed: str) -> None:
    assert codes.normalise(typed) == "K7P2M9QX4T"


@pytest.mark.parametrize("typed", ["", "K7P2M-9QX4", "K7P2M-9QX4TT", "O7P2M-9QX4T", "17P2M-9QX4T", "hello world"])
def test_anything_else_is_not_a_code(typed: str) -> None:
    assert codes.normalise(typed) is None


@pytest.mark.parametrize(("text", "found"), [
    ("my code is k7p2m-9qx4t", "K7P2M9QX4T"),
    ("K7P2M9QX4T", "K7P2M9QX4T"),
    ('/link_account{"link_code": "K7P2M-9QX4T"}', "K7P2M9QX4T"),
    ("the lady gave me K7P2M 9QX4T yesterday", "K7P2M9QX4T"),
    ("where am i in the procedure", None),
    ("my v-number is 1234567890", None),
])
def test_codes_are_found_in_messages(text: str, found: str | None) -> None:
    assert codes.find_in_text(text) == found


def test_the_hash_is_keyed() -> None:
    one = codes.code_hash("K7P2M9QX4T", "key-1")
    assert one == codes.code_hash("K7P2M9QX4T", "key-1")
    assert one != codes.code_hash("K7P2M9QX4T", "key-2")
    assert "K7P2M9QX4T" not in one and len(one) == 64


def test_deep_link_carries_the_code() -> None:
    assert codes.deep_link("K7P2M-9QX4T", "@wegwijs_bot") == "https://t.me/wegwijs_bot?start=K7P2M9QX4T"
    assert codes.deep_link("K7P2M-9QX4T", None) is None
