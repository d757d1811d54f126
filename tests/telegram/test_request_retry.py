"""Bot API calls: 429 waits exactly retry_after; network errors back off; hopeless errors are not retried."""

from __future__ import annotations

from typing import Any

import pytest
from aiogram.exceptions import (
    TelegramBadRequest,
    TelegramEntityTooLarge,
    TelegramNetworkError,
    TelegramRetryAfter,
)
from aiogram.methods import GetUpdates, SendChatAction, SendMessage

from bot.telegram.request_retry import RetryRequests

METHOD = SendMessage(chat_id=1, text="hi")


class Script:
    """make_request that raises the scripted errors, then succeeds."""

    def __init__(self, *errors: Exception) -> None:
        self.errors = list(errors)
        self.calls = 0

    async def __call__(self, bot: Any, method: Any) -> str:
        self.calls += 1
        if self.errors:
            raise self.errors.pop(0)
        return "ok"


def retry(attempts: int = 4) -> tuple[RetryRequests, list[float]]:
    slept: list[float] = []

    async def sleep(seconds: float) -> None:
        slept.append(seconds)

    return RetryRequests(attempts=attempts, first_delay=0.5, max_delay=2.0, sleep=sleep), slept


async def test_429_waits_retry_after() -> None:
    middleware, slept = retry()
    script = Script(TelegramRetryAfter(METHOD, "Too Many Requests", 7))
    assert await middleware(script, None, METHOD) == "ok"  # type: ignore[arg-type]
    assert slept == [7]


async def test_network_errors_back_off_exponentially_up_to_a_cap() -> None:
    middleware, slept = retry(attempts=5)
    script = Script(*[TelegramNetworkError(METHOD, "down") for _ in range(4)])
    assert await middleware(script, None, METHOD) == "ok"  # type: ignore[arg-type]
    assert slept == [0.5, 1.0, 2.0, 2.0]


async def test_gives_up_after_the_last_attempt() -> None:
    middleware, _ = retry(attempts=2)
    script = Script(*[TelegramNetworkError(METHOD, "down") for _ in range(3)])
    with pytest.raises(TelegramNetworkError):
        await middleware(script, None, METHOD)  # type: ignore[arg-type]
    assert script.calls == 2


@pytest.mark.parametrize("error", [TelegramBadRequest(METHOD, "bad"), TelegramEntityTooLarge(METHOD, "big")])
async def test_hopeless_errors_are_not_retried(error: Exception) -> None:
    middleware, slept = retry()
    script = Script(error)
    with pytest.raises(type(error)):
        await middleware(script, None, METHOD)  # type: ignore[arg-type]
    assert script.calls == 1 and slept == []


@pytest.mark.parametrize("method", [GetUpdates(), SendChatAction(chat_id=1, action="typing")])
async def test_polling_and_typing_are_not_retried_here(method: Any) -> None:
    middleware, _ = retry()
    script = Script(TelegramNetworkError(method, "down"))
    with pytest.raises(TelegramNetworkError):
        await middleware(script, None, method)  # type: ignore[arg-type]
    assert script.calls == 1
