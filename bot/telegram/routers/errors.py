"""An unexpected error while handling an update: logged (without content), and the person is told."""

from __future__ import annotations

import logging
import traceback

from aiogram import Router
from aiogram.types import ErrorEvent

from bot.telegram import texts as t
from bot.telegram.middlewares.person import resolve_person
from bot.telegram.services import Services

log = logging.getLogger(__name__)


def where(exc: BaseException) -> str:
    """The file and line an exception came from (its message may quote the person, so it is left out)."""
    frames = traceback.extract_tb(exc.__traceback__)
    return f"{frames[-1].filename}:{frames[-1].lineno}" if frames else "?"


async def on_error(event: ErrorEvent, services: Services) -> None:
    """Log the error's type and place, then apologise to the person."""
    log.error("update %s failed: %s at %s", event.update.update_id, type(event.exception).__name__,
              where(event.exception))
    settings = services.settings
    person = await resolve_person(event.update.event, services.store, settings.pseudonym_key.get_secret_value(),
                                  settings.default_language)
    if person is not None:
        await services.outbox.send(person, services.texts.get(t.ERROR, person.language))


def create_router() -> Router:
    """The error handler."""
    router = Router(name="errors")
    router.errors.register(on_error)
    return router
