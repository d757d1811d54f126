"""The phases of the procedure (the `phase` entity values) and the content keys that explain them."""

from __future__ import annotations

PHASES: tuple[str, ...] = ("registration", "rest_period", "general_procedure", "extended_procedure",
                           "decision", "appeal", "permit", "return", "dublin")


def is_phase(value: str | None) -> bool:
    """True for one of the phase keys."""
    return value in PHASES


def explanation_key(phase: str) -> str:
    """The answer that says which phase this is, what happens in it and what comes next."""
    return f"utter_my_phase_{phase}"


def next_steps_key(phase: str) -> str:
    """The answer with what to do now in this phase."""
    return f"utter_next_steps_{phase}"


def topic_intent(phase: str) -> str:
    """The intent whose topic title names this phase on a button (buttons.yml/topics.yml)."""
    return "dublin_procedure" if phase == "dublin" else f"phase_{phase}"
