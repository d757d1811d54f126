"""Whether a message might be about an emergency although the engine read another intent.

Missing a person in danger costs far more than one calm line too many, so an answer to a message
that gives `emergency` even a modest share of the blended confidence also carries the emergency
numbers (see `bot.nlg.compose`). The NLG and the benchmark (`make bench-nlu`) decide through this
module, so the figures describe what people get. Standard library only: the benchmark imports it
in the engine's environment.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

EMERGENCY = "emergency"
#: At 0.1, `make bench-nlu` shows the numbers to 0.957 of the held-out emergency messages (0.907 get
#: the emergency answer itself) and the line under 0.75 % of the others, mostly health and
#: out-of-scope questions. Chosen on the previous bench model's votes: 0.05 would reach 40 of the 53
#: emergencies read as another intent at 1.2 % of the others, 0.1 reaches 32 at 0.6 %, 0.2 only 16.
POSSIBLE_EMERGENCY_CONFIDENCE = 0.1


def intent_name(parse_data: Mapping[str, Any]) -> str | None:
    """The intent the engine chose for a message."""
    return (parse_data.get("intent") or {}).get("name")


def emergency_confidence(parse_data: Mapping[str, Any]) -> float:
    """The confidence `emergency` has in the message's intent ranking (0 when it is not ranked)."""
    ranking = parse_data.get("intent_ranking") or ()
    return max((float(r.get("confidence") or 0.0) for r in ranking if r.get("name") == EMERGENCY), default=0.0)


def might_be_emergency(parse_data: Mapping[str, Any]) -> bool:
    """True when the engine chose another intent but still gives `emergency` a real share."""
    return (intent_name(parse_data) != EMERGENCY
            and emergency_confidence(parse_data) >= POSSIBLE_EMERGENCY_CONFIDENCE)
