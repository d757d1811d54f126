"""One-time link codes: 10 characters from a readable alphabet (50 bits), shown as XXXXX-XXXXX.

The alphabet leaves out 0/O and 1/I, so a code read aloud or copied from paper survives. Only an
HMAC-SHA256 of the canonical code, keyed with Settings.pseudonym_key, is ever stored.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from urllib.parse import quote

ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
LENGTH = 10
GROUP = 5
BITS = LENGTH * 5  # 32 symbols = 5 bits each

_CHAR = f"[{ALPHABET}{ALPHABET.lower()}]"
#: A code inside a message: two groups of five, with a dash, a space or nothing between them.
CODE_IN_TEXT = re.compile(rf"(?<![0-9A-Za-z]){_CHAR}{{{GROUP}}}[-\s]?{_CHAR}{{{GROUP}}}(?![0-9A-Za-z])")


def generate() -> str:
    """A new random code in canonical form (10 characters, no dash)."""
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def display(code: str) -> str:
    """The code as people see it: XXXXX-XXXXX."""
    canonical = normalise(code) or code
    return f"{canonical[:GROUP]}-{canonical[GROUP:]}"


def normalise(text: str | None) -> str | None:
    """The canonical code (upper case, no dash or spaces), or None when `text` is not a code."""
    if not text:
        return None
    candidate = re.sub(r"[\s\-–—]", "", text).upper()
    if len(candidate) != LENGTH or any(c not in ALPHABET for c in candidate):
        return None
    return candidate


def find_in_text(text: str | None) -> str | None:
    """The first code in a message ("my code is abcde-23456"), in canonical form."""
    if not text:
        return None
    match = CODE_IN_TEXT.search(text)
    return normalise(match.group(0)) if match else None


def code_hash(code: str, key: str) -> str:
    """The stored form of a canonical code: HMAC-SHA256 keyed by the pseudonym key, hex."""
    return hmac.new(key.encode(), f"link-code:{code}".encode(), hashlib.sha256).hexdigest()


def deep_link(code: str, bot_username: str | None) -> str | None:
    """A t.me link that opens the bot and sends `/start <code>`; None without a bot username."""
    if not bot_username:
        return None
    return f"https://t.me/{quote(bot_username.lstrip('@'))}?start={normalise(code) or code}"
