"""The engine payloads the front end sends itself (intents from bot/data/intents.yml, with entities)."""

from __future__ import annotations

import json

HELP = "/help"
MY_PHASE = "/my_phase"
REQUEST_HUMAN = "/request_human"
FORGET_ME = "/forget_me"


def change_language(code: str) -> str:
    """Switch the conversation to the language `code`."""
    return "/change_language" + json.dumps({"language": code})


def link_account(code: str) -> str:
    """Link the conversation to the case with this caseworker's code."""
    return "/link_account" + json.dumps({"link_code": code})
