"""What the handlers share: settings, texts, the stores, the outbox and the conversation with the engine."""

from __future__ import annotations

from dataclasses import dataclass

from bot.settings import Settings
from bot.telegram.callbacks import CallbackStore
from bot.telegram.conversation import Conversation
from bot.telegram.outbox import Outbox
from bot.telegram.proactive import ProactiveDelivery
from bot.telegram.store import PreferenceStore
from bot.telegram.texts import Texts


@dataclass
class Services:
    """Handed to every handler as `services` (dispatcher workflow data)."""

    settings: Settings
    texts: Texts
    store: PreferenceStore
    callbacks: CallbackStore
    outbox: Outbox
    conversation: Conversation
    proactive: ProactiveDelivery | None = None
