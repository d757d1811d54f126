"""All configuration in one place, read from environment variables and an optional `.env` file."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent


class Settings(BaseSettings):
    """Settings of every Wegwijs process. Build one at the edge and pass it down."""

    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    engine_url: str = Field("http://127.0.0.1:5005", description="Rasa engine base URL")
    engine_timeout_s: float = 30.0
    actions_host: str = "127.0.0.1"
    actions_port: int = 5055
    database_url: str = f"sqlite:///{PROJECT_ROOT / 'var' / 'wegwijs.db'}"
    locales_dir: Path = PROJECT_ROOT / "locales"
    content_dir: Path = PROJECT_ROOT / "bot" / "content"
    nlu_data_dir: Path = Field(PROJECT_ROOT / "nlu_data", description="Training examples, one folder per language")
    default_language: str = "en"
    telegram_bot_token: SecretStr | None = None
    telegram_api_url: str | None = Field(None, description="Bot API server (a local stand-in in tests)")
    telegram_mode: str = Field("polling", pattern="^(polling|webhook)$")
    telegram_webhook_url: str | None = None
    telegram_webhook_secret: SecretStr | None = None
    telegram_webhook_host: str = "127.0.0.1"
    telegram_webhook_port: int = 8081
    pseudonym_key: SecretStr = Field(
        SecretStr("change-me-in-production"),
        description="Key for the keyed hash that turns chat ids into pseudonymous sender ids",
    )
    retention_days: int = 30
    telegram_flood_messages: int = Field(
        8, description="Telegram: messages one person may send within the flood window before a note"
    )
    telegram_flood_window_s: float = Field(10.0, description="Telegram: the flood-control window in seconds")
    telegram_pending_per_chat: int = Field(
        5, description="Telegram: messages kept per chat while the engine is down (more are refused)"
    )
    telegram_engine_retry_s: float = Field(
        180.0, description="Telegram: how long to retry a message while the engine is down before giving up"
    )
    telegram_engine_backoff_s: float = Field(
        2.0, description="Telegram: first delay between retries to a down engine (doubles, at most 30 s)"
    )
    telegram_send_attempts: int = Field(
        5, description="Telegram: attempts per Bot API call on network errors and 429 (retry_after honoured)"
    )
    telegram_callback_slots: int = Field(
        5000, description="Telegram: button payloads remembered for callback data (least recently used go)"
    )
    telegram_outbox_interval_s: float = Field(
        10.0, description="Telegram: how often the bot looks for proactive messages (phase updates) to send"
    )
    # --- cases, linking, privacy (bot/cases, bot/privacy, bot/outbox) ---
    tracker_store_url: str = Field(
        f"sqlite:///{PROJECT_ROOT / 'var' / 'tracker.db'}",
        description="The engine's SQL tracker store (same database as endpoints.yml), for forget-me and retention",
    )
    timezone: str = Field("Europe/Amsterdam", description="Time zone of 'today' for key dates and deadlines")
    telegram_bot_username: str | None = Field(None, description="The bot's @username, for t.me deep links")
    link_code_days: int = Field(7, description="Days a caseworker's link code stays valid")
    link_attempts_per_chat_hour: int = Field(5, description="Failed link code attempts allowed per chat per hour")
    link_attempts_per_chat_day: int = Field(10, description="Failed link code attempts allowed per chat per day")
    link_attempts_global_hour: int = Field(100, description="Failed link code attempts allowed per hour, all chats")
    inbox_retention_days: int = Field(90, description="Days unanswered questions and handoff requests are kept")
    person_retention_days: int = Field(
        365, description="Days an unlinked person's language and self-reported phase are kept after last use"
    )
    database_auto_migrate: bool = Field(True, description="Processes upgrade the app database to the newest schema")
