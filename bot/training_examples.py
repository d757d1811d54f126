"""Training examples in `nlu_data/<lang>/nlu.yml`: Rasa's annotation syntax, reading the blocks,
and adding one example (what `wegwijs inbox file` does).

The files stay as curators and translators know them: an example is inserted as one line at the
end of its intent's block, and every other line of the file is left exactly as it was (a YAML
round trip would reflow 100,000 examples). PyYAML and the standard library only, so that both
environments use it: the application's commands, and the engine's benchmark and data tests.
"""

from __future__ import annotations

import json
import os
import re
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

#: What the inbox put in place of codes, numbers and e-mail addresses (actions/inbox.py).
PLACEHOLDERS = ("[code]", "[number]", "[e-mail]")
#: Rasa's two annotations: `[the words]{"entity": "phase", "value": "decision"}` and
#: `[K7M3P-QX9RT](link_code)` (the entity, and an optional `:value`).
_ANNOTATION = re.compile(r"\[([^\[\]]+)\](?:\{([^{}]*)\}|\(([^()]*)\))")
#: A bracket pair followed by `(` or `{` that is not an annotation above would be misread by Rasa.
_MARKUP = re.compile(r"\][({]")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
MAX_LENGTH = 500
#: libyaml's loader when PyYAML has it: the largest file has about 15,000 examples.
_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class FilingError(ValueError):
    """The example cannot be filed as asked; the message says why and what to do instead."""


@dataclass(frozen=True)
class Filed:
    """Where an example went: the file, its 1-based line, and the line as written."""

    path: Path
    line: int
    example: str


def from_inbox(text: str) -> str:
    """The stored question as an example: placeholders dropped, on one line, checked.

    The placeholders stand for what the person typed and the inbox did not keep; an example with
    "[number]" in it would teach the model a token nobody types.
    """
    for placeholder in PLACEHOLDERS:
        text = text.replace(placeholder, " ")
    return checked(text)


def checked(text: str) -> str:
    """`text` as one example line: white space joined, no control characters, valid annotations."""
    text = one_line(text)
    if not plain(text).strip():
        raise FilingError("the example is empty (nothing is left once codes and numbers are taken out)")
    if len(text) > MAX_LENGTH:
        raise FilingError(f"the example is {len(text)} characters long; keep it under {MAX_LENGTH} "
                          "(give the part that asks with --text)")
    entities(text)  # each annotation valid, or FilingError
    if _MARKUP.search(_ANNOTATION.sub("", text)):
        raise FilingError("the example has ']' followed by '(' or '{' outside an annotation; Rasa would "
                          "misread it: rephrase it with --text")
    return text


def one_line(text: str) -> str:
    """`text` on one line, without control characters (which could also drive a terminal)."""
    return " ".join(_CONTROL.sub(" ", text).split())


def annotation(match: re.Match[str]) -> tuple[str, str | None]:
    """The entity and value (None when not given) of one annotation, or FilingError saying why not."""
    if match.group(3) is not None:
        entity, _, value = match.group(3).partition(":")
        if not entity.strip():
            raise FilingError(f"the annotation {match.group(0)!r} names no entity")
        return entity.strip(), value.strip() or None
    try:
        data = json.loads("{" + match.group(2) + "}")
    except json.JSONDecodeError as exc:
        raise FilingError(f"the annotation {match.group(0)!r} is not valid: {exc.msg}") from exc
    if not isinstance(data, dict) or not isinstance(data.get("entity"), str):
        raise FilingError(f"the annotation {match.group(0)!r} names no entity")
    value = data.get("value")
    return data["entity"], value if isinstance(value, str) else None


def plain(text: str) -> str:
    """The example as a person would type it: annotations replaced by their words."""
    return _ANNOTATION.sub(lambda m: m.group(1), text)


def entities(text: str) -> list[tuple[str, str, str | None]]:
    """The (words, entity, value) annotated in an example."""
    return [(match.group(1), *annotation(match)) for match in _ANNOTATION.finditer(text)]


def annotate(text: str, words: str, entity: str, value: str) -> str:
    """`text` with the first occurrence of `words` marked as `entity` with `value`."""
    # A regular expression, not casefold().find(): folding can change the length ("İ" -> "i̇"),
    # and the positions must be the original text's.
    # Whole words only: Rasa cannot use an annotation that starts or ends inside a word.
    pattern = rf"(?<!\w){re.escape(words.strip())}(?!\w)"
    found = re.search(pattern, text, re.IGNORECASE) if words.strip() else None
    if found is None:
        raise FilingError(f"the words {words!r} are not whole words of the example {text!r}")
    start, end = found.span()
    marked = json.dumps({"entity": entity, "value": value}, ensure_ascii=False)
    return f"{text[:start]}[{text[start:end]}]{marked}{text[end:]}"


def key(text: str) -> str:
    """What makes two examples the same example (case and spacing aside)."""
    return " ".join(plain(text).casefold().split())


@dataclass(frozen=True)
class Block:
    """One intent's block of a training file: its language (from the metadata) and its examples."""

    intent: str
    language: str | None
    examples: list[str]


def read_blocks(path: Path) -> list[Block]:
    """The intent blocks of a training file, examples as written (annotated); other blocks skipped."""
    data = yaml.load(path.read_text("utf-8"), Loader=_LOADER) or {}
    return [Block(block["intent"], (block.get("metadata") or {}).get("language"),
                  [line[2:].strip() for line in str(block.get("examples") or "").splitlines()
                   if line.strip().startswith("- ")])
            for block in data.get("nlu") or [] if "intent" in block]


class TrainingFile:
    """One language's `nlu_data/<lang>/nlu.yml`: the examples by intent, and adding one."""

    def __init__(self, path: Path, language: str) -> None:
        self.path = path
        self.language = language

    def intent_of(self, example: str) -> str | None:
        """The intent an example is already filed under in this file (None when it is not)."""
        if not self.path.exists():
            return None
        wanted = key(example)
        return next((block.intent for block in read_blocks(self.path)
                     if any(key(line) == wanted for line in block.examples)), None)

    def add(self, intent: str, example: str) -> Filed:
        """Insert `example` as the last line of `intent`'s block (a new block when there is none)."""
        lines = self.path.read_text("utf-8").splitlines(keepends=True) if self.path.exists() else []
        at = _end_of_block(lines, intent)
        entry = f"    - {example}\n"
        if at is None:
            if not lines:
                lines = ['version: "3.1"\n', "nlu:\n"]
            elif not lines[-1].endswith("\n"):
                lines[-1] += "\n"
            lines += [f"- intent: {intent}\n", "  metadata:\n", f"    language: {self.language}\n",
                      "  examples: |\n"]
            at = len(lines)
        lines.insert(at, entry)
        _write_atomically(self.path, "".join(lines))
        return Filed(self.path, at + 1, example)


def _end_of_block(lines: list[str], intent: str) -> int | None:
    """The index after the last example of `intent`'s block, or None when the file has no block."""
    header = f"- intent: {intent}"
    start = next((i for i, line in enumerate(lines) if line.rstrip() == header), None)
    if start is None:
        return None
    end = None
    for i in range(start + 1, len(lines)):
        line = lines[i]
        if line.startswith("- ") or (line.strip() and not line.startswith(" ")):
            break  # the next block or top-level key
        if line.strip() == "examples: |" or (end is not None and line.lstrip().startswith("- ")):
            end = i + 1
    if end is None:
        raise FilingError(f"the block of {intent} in the training file has no 'examples: |' list; "
                          "add the example by hand")
    return end


def _write_atomically(path: Path, content: str) -> None:
    """Replace the file in one step, so that an interrupted write never leaves half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    # mkstemp makes the file readable by its owner only; the training file keeps its permissions.
    mode = stat.S_IMODE(path.stat().st_mode) if path.exists() else 0o644
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            out.write(content)
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
