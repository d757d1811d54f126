"""The compiled catalogs as the running assistant reads them."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from babel.support import NullTranslations, Translations

from bot.languages import SOURCE_LANGUAGE, SUPPORTED_LANGUAGES

DOMAIN = "messages"
UNREVIEWED_FILE = "messages.unreviewed.json"


@dataclass(frozen=True)
class Translated:
    """A text in the language it will be shown in, and how far it can be trusted."""

    text: str
    language: str
    reviewed: bool = True

    @property
    def is_fallback(self) -> bool:
        """True when the English source stands in for a missing translation."""
        return self.language == SOURCE_LANGUAGE


class Catalogs:
    """Compiled catalogs of every supported language, loaded once per process."""

    def __init__(self, locales_dir: Path, languages: tuple[str, ...] = SUPPORTED_LANGUAGES) -> None:
        self._translations: dict[str, NullTranslations] = {}
        self._unreviewed: dict[str, frozenset[str]] = {}
        for lang in languages:
            self._translations[lang] = Translations.load(str(locales_dir), [lang], DOMAIN)
            sidecar = locales_dir / lang / "LC_MESSAGES" / UNREVIEWED_FILE
            keys = json.loads(sidecar.read_text("utf-8")) if sidecar.exists() else []
            self._unreviewed[lang] = frozenset(keys)

    def translate(
        self, lang: str, context: str, source: str, plural: str | None = None, count: int | None = None
    ) -> Translated:
        """Translate one message; fall back to the English source when it has no translation."""
        if lang == SOURCE_LANGUAGE or lang not in self._translations:
            return self._english(source, plural, count)
        catalog = self._translations[lang]
        if plural is None:
            text = catalog.pgettext(context, source)
            translated = text != source
        else:
            text = catalog.npgettext(context, source, plural, count if count is not None else 1)
            translated = text not in (source, plural)
        if not translated:
            return self._english(source, plural, count)
        return Translated(text, lang, reviewed=context not in self._unreviewed[lang])

    @staticmethod
    def _english(source: str, plural: str | None, count: int | None) -> Translated:
        # English plural rule (one / other): the source catalog needs no lookup.
        text = source if plural is None or count == 1 else plural
        return Translated(text, SOURCE_LANGUAGE)
