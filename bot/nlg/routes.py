"""The `/nlg` endpoint the engine calls for every response (see endpoints.yml)."""

from __future__ import annotations

import logging

from sanic import Sanic, response
from sanic.request import Request

from bot.nlg.compose import ReplyComposer

log = logging.getLogger(__name__)


def add_nlg_route(app: Sanic, composer: ReplyComposer) -> None:
    """Serve `POST /nlg` on `app`, rendering with `composer`."""

    @app.post("/nlg")
    async def nlg(request: Request) -> response.HTTPResponse:
        body = request.json or {}
        key = body.get("response") or body.get("template")
        if not isinstance(key, str):
            return response.json({"error": "missing 'response'"}, status=400)
        message = composer.compose(key, body.get("arguments") or {}, body.get("tracker") or {})
        # Log the response key and language only: never the text, which may quote the person.
        log.info("nlg %s -> %s", key, message.language)
        return response.json(message.as_nlg_response())
