"""Script detection and spelling folding shared by the engine components (standard library only)."""

from __future__ import annotations

import re
import unicodedata

ZWNJ = "\u200c"
_ARABIC_MARKS = re.compile("[\u064b-\u065f\u0670\u0640]")  # harakat, dagger alif, tatweel
_ARABIC_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ى": "ي", "ي": "ی",
                              "ك": "ک", "ۀ": "ه", "ؤ": "و", "ئ": "ی"})
_LATIN_FOLD = str.maketrans({"ı": "i", "ø": "o", "ß": "ss", "æ": "ae", "œ": "oe", "đ": "d", "ł": "l"})


def script_of(char: str) -> str | None:
    """The writing system of one letter: `latin`, `arabic`, `ethiopic`, or None for the rest."""
    if not char.isalpha():
        return None
    code = ord(char)
    if 0x0600 <= code <= 0x06FF or 0x0750 <= code <= 0x077F or 0xFB50 <= code <= 0xFEFF:
        return "arabic"
    if 0x1200 <= code <= 0x139F or 0x2D80 <= code <= 0x2DDF or 0xAB00 <= code <= 0xAB2F:
        return "ethiopic"
    if code < 0x0250 or 0x1E00 <= code <= 0x1EFF:
        return "latin"
    return None


#: Scripts that say more about the language than Latin does: a message that mixes them with Dutch
#: loanwords ("voornemen እንታይ እዩ") is written by someone who reads that script.
TELLING_SCRIPTS = ("ethiopic", "arabic")


def dominant_script(text: str) -> str | None:
    """The script that tells most about the writer's language (None when there are no letters).

    Two letters of Ethiopic or Arabic script outweigh any number of Latin ones, since people mix
    Latin-script loanwords (IND, voornemen, Ter Apel) into their own script and rarely the reverse.
    """
    counts: dict[str, int] = {}
    for char in text:
        script = script_of(char)
        if script:
            counts[script] = counts.get(script, 0) + 1
    telling = [s for s in TELLING_SCRIPTS if counts.get(s, 0) >= 2]
    if telling:
        return max(telling, key=counts.__getitem__)
    return max(counts, key=counts.__getitem__) if counts else None


def fold(text: str) -> str:
    """Fold spelling variants people type interchangeably on a phone.

    Lowercase; Latin diacritics dropped (ş→s, ê→e, é→e, ı→i); Arabic-script vowel marks, tatweel
    and zero-width non-joiners dropped and letter variants unified (أ→ا, ة→ه, ي/ى→ی, ك→ک).
    Used for features and keyword matching, never for what is shown to a person.
    """
    text = unicodedata.normalize("NFKC", text).casefold().replace(ZWNJ, "")
    text = _ARABIC_MARKS.sub("", text).translate(_ARABIC_FOLD).translate(_LATIN_FOLD)
    decomposed = unicodedata.normalize("NFD", text)
    kept = "".join(c for c in decomposed if not (unicodedata.combining(c) and script_of_base(c)))
    return unicodedata.normalize("NFC", kept)


def fold_spaced(text: str) -> str:
    """`fold`ed, with each run of white space made one space: the text the character n-gram vote
    reads, and the benchmark's review of the examples with it."""
    return " ".join(fold(text).split())


def script_of_base(mark: str) -> bool:
    """True for combining marks that decorate Latin letters (the ones safe to drop)."""
    return 0x0300 <= ord(mark) <= 0x036F


def words(text: str) -> list[str]:
    """The words of a text (letters and digits), for counting and keyword matching."""
    return re.findall(r"[^\W_]+", text)
