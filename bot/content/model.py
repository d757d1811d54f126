"""Loading the curated content: answers, button labels and topic titles."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

BUTTON_CONTEXT = "button:"
TOPIC_CONTEXT = "topic:"


@dataclass(frozen=True)
class Button:
    """A button under an answer: a label key (see buttons.yml) and an intent payload."""

    title: str
    payload: str


@dataclass(frozen=True)
class Entry:
    """One text in English with what curators and translators need to know about it.

    A text that depends on a number has a `plural` form and names the argument (`count`) that
    chooses between the forms by each language's plural rules.
    """

    key: str
    text: str
    plural: str | None = None
    count: str | None = None
    sources: tuple[str, ...] = ()
    checked: str | None = None
    note: str | None = None
    buttons: tuple[Button, ...] = ()
    origin: str = ""

    @property
    def translator_comments(self) -> list[str]:
        """The extracted comments that travel with the message into every catalog."""
        comments = []
        if self.sources:
            comments.append(f"Sources: {', '.join(self.sources)} (checked {self.checked})")
        if self.note:
            comments.append(self.note)
        return comments


@dataclass
class Content:
    """Everything under bot/content/, indexed by key."""

    entries: dict[str, Entry] = field(default_factory=dict)
    buttons: dict[str, str] = field(default_factory=dict)
    topics: dict[str, str] = field(default_factory=dict)

    def entry(self, key: str) -> Entry | None:
        """The entry for a response or UI key, if it exists."""
        return self.entries.get(key)


def parse_entries(raw: dict, origin: str) -> dict[str, Entry]:
    """Turn one answers YAML mapping into entries (raises ValueError on a malformed entry)."""
    entries = {}
    for key, item in (raw or {}).items():
        if not isinstance(item, dict) or not isinstance(item.get("text"), str):
            raise ValueError(f"{origin}: entry {key!r} needs a `text`")
        buttons = tuple(Button(str(b["title"]), str(b["payload"])) for b in item.get("buttons") or ())
        entries[key] = Entry(
            key=key,
            text=item["text"].strip(),
            plural=item["plural"].strip() if item.get("plural") else None,
            count=item.get("count"),
            sources=tuple(str(s) for s in item.get("sources") or ()),
            checked=str(item["checked"]) if item.get("checked") else None,
            note=item.get("note"),
            buttons=buttons,
            origin=origin,
        )
    return entries


def load_content(content_dir: Path) -> Content:
    """Read answers/*.yml, buttons.yml and topics.yml from `content_dir`."""
    content = Content()
    for path in sorted((content_dir / "answers").glob("*.yml")):
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        for key, entry in parse_entries(raw, path.name).items():
            if key in content.entries:
                raise ValueError(f"{path.name}: {key!r} is already defined in {content.entries[key].origin}")
            content.entries[key] = entry
    for name, target in (("buttons.yml", content.buttons), ("topics.yml", content.topics)):
        path = content_dir / name
        if path.exists():
            target.update({str(k): str(v) for k, v in (yaml.safe_load(path.read_text("utf-8")) or {}).items()})
    return content
