"""Keep left-to-right runs (phone numbers, URLs, Latin names) in place inside right-to-left text."""

from __future__ import annotations

import re

LRI = "\u2066"  # left-to-right isolate
PDI = "\u2069"  # pop directional isolate

_LTR_RUN = re.compile(
    r"https?://\S+"  # URLs
    r"|\+?\d[\d\s\-/]*\d"  # phone numbers, dates, amounts
    r"|[A-Za-z][\w&'.\-]*(?:[ \-][A-Za-z0-9][\w&'.\-]*)*"  # Latin names: IND, Ter Apel, 088-112
)


def isolate_ltr_runs(text: str) -> str:
    """Wrap every left-to-right run in a Unicode isolate so Telegram shows it unbroken in RTL text.

    Already isolated text is left alone, so the function can be applied twice.
    """
    if LRI in text:
        return text
    return _LTR_RUN.sub(lambda m: f"{LRI}{m.group(0)}{PDI}", text)
