"""The intent names as data: the contract's intents by group, the project's additions, the entities.

`bot/data/intents.yml` keeps the design's contract inside the project; this is its one reader.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from bot.settings import PROJECT_ROOT

INTENTS_FILE = PROJECT_ROOT / "bot" / "data" / "intents.yml"


@dataclass(frozen=True)
class IntentContract:
    """The contract's intents by group, the intents the project added, and the entities' values."""

    groups: dict[str, list[str]]
    added: list[str]
    entities: dict[str, list[str]]

    @property
    def contract_intents(self) -> list[str]:
        """The contract's intents, group by group."""
        return [intent for group in self.groups.values() for intent in group]

    @property
    def all_intents(self) -> list[str]:
        """The contract's intents, then the project's additions."""
        return self.contract_intents + self.added


def load_intent_contract(path: Path = INTENTS_FILE) -> IntentContract:
    """The contract as `path` states it."""
    data = yaml.safe_load(path.read_text("utf-8"))
    return IntentContract(groups=data["groups"], added=list(data["added"]), entities=data["entities"])
