"""The terminal chat: the whole assistant without Telegram."""
