"""Keep left-to-right runs (phone numbers, URLs, Latin names) in place inside right-to-left text."""

from __future__ import annotations

import re

LRI = "\u2066"  # left-to-right isolate
PDI = "\u2069"  # pop directional isolate

_LTR_RUN = re.compile(
    r"https?://\S+"  # URLs
    r"|[+€]?\d(?:[\d\s\-/.,:]*\d)?"  # phone numbers, times, dates, amounts: 088-112 2112, 8:30, 14.47
    # Latin names (IND, Ter Apel); not bot commands: an isolate before "/human" would stop Telegram
    # from making it a tappable command.
    # A sentence's full stop after a name stays outside, in the sentence's own direction.
    r"|(?<![/\w])[A-Za-z](?:[\w&'.\-]*\w)?(?:[ \-][A-Za-z0-9](?:[\w&'.\-]*\w)?)*"
)


def isolate_ltr_runs(text: str) -> str:
    """Wrap every left-to-right run in a Unicode isolate so Telegram shows it unbroken in RTL text.

    Already isolated text is left alone, so the function can be applied twice.
    """
    if LRI in text:
        return text
    return _LTR_RUN.sub(lambda m: f"{LRI}{m.group(0)}{PDI}", text)
