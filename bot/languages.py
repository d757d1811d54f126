"""The launch languages and what Babel knows about each (own name, direction, plural rules)."""

from __future__ import annotations

from functools import cache

from babel import Locale

SOURCE_LANGUAGE = "en"
SUPPORTED_LANGUAGES: tuple[str, ...] = ("en", "nl", "ar", "fa", "ti", "tr", "so", "fr", "ku", "es")


def is_supported(code: str | None) -> bool:
    """True when `code` is one of the launch languages."""
    return code in SUPPORTED_LANGUAGES


def normalise(code: str | None) -> str | None:
    """Map a client language tag (`pt-BR`, `fa_IR`, `AR`) to a supported code, or None."""
    if not code:
        return None
    base = code.replace("_", "-").split("-")[0].lower()
    return base if base in SUPPORTED_LANGUAGES else None


@cache
def locale(code: str) -> Locale:
    """The Babel locale of a language code."""
    return Locale.parse(code)


def own_name(code: str) -> str:
    """The language's name in that language, as its speakers write it (ትግርኛ, not "ti")."""
    name = locale(code).get_display_name(code) or code
    return name[:1].upper() + name[1:]


def is_rtl(code: str) -> bool:
    """True for languages written right to left (Arabic, Persian)."""
    return locale(code).text_direction == "rtl"
