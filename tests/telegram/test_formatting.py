"""Escaping for HTML parse mode and splitting long texts at paragraph boundaries."""

from __future__ import annotations

from bot.telegram.formatting import MESSAGE_LIMIT, escape, split_message, utf16_len
from tests.telegram.standin import parse_html


def test_everything_is_escaped_and_reads_back_the_same() -> None:
    text = "<b>IND</b> & COA: 5 < 6 > 4 \"quoted\" &amp; <script>"
    assert parse_html(escape(text)) == text


def test_a_short_text_is_one_part() -> None:
    assert split_message("  Hello\n\nthere  ") == ["Hello\n\nthere"]


def test_long_text_splits_at_paragraphs() -> None:
    paragraphs = [f"Paragraph {i}. " + " ".join(["word"] * 150) for i in range(12)]
    parts = split_message("\n\n".join(paragraphs))
    assert len(parts) > 1
    assert all(utf16_len(p) <= MESSAGE_LIMIT for p in parts)
    # No paragraph is cut in two: every part is a run of whole paragraphs, in order.
    assert [chunk for part in parts for chunk in part.split("\n\n")] == paragraphs


def test_one_huge_paragraph_splits_at_lines_then_words() -> None:
    lines = "\n".join("line " * 50 for _ in range(60))
    parts = split_message(lines)
    assert all(utf16_len(p) <= MESSAGE_LIMIT for p in parts)
    assert all(not p.startswith(" ") and not p.endswith(" ") for p in parts)
    words = "word " * 3000
    parts = split_message(words)
    assert all(utf16_len(p) <= MESSAGE_LIMIT for p in parts)
    assert sum(p.count("word") for p in parts) == 3000


def test_limit_counts_utf16_units_so_emoji_count_double() -> None:
    text = "😀" * 3000  # 6000 UTF-16 units, no spaces to split at
    parts = split_message(text)
    assert [utf16_len(p) for p in parts] == [4096, 6000 - 4096]
    assert "".join(parts) == text


def test_right_to_left_text_splits_too() -> None:
    arabic = "\n\n".join(["فترة الراحة والاستعداد " * 40] * 8)
    parts = split_message(arabic)
    assert len(parts) >= 2 and all(utf16_len(p) <= MESSAGE_LIMIT for p in parts)
