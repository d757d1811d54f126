"""`/start <code>`: a caseworker's link (https://t.me/<bot>?start=<CODE>) that links a chat to a case."""

from __future__ import annotations

from bot.cases import codes


def link_code(argument: str | None) -> str | None:
    """The link code in a /start argument, as people see it (XXXXX-XXXXX), or None when it is not one."""
    canonical = codes.normalise(argument)
    return codes.display(canonical) if canonical else None
