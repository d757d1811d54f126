"""`make run`: start the whole assistant on the embedded defaults and stop it all with Ctrl-C."""

from __future__ import annotations

import logging
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from bot.db.database import Database
from bot.engine.model import model_path
from bot.engine.runner import Services, stop_process
from bot.privacy.retention import purge_with_settings
from bot.settings import PROJECT_ROOT, Settings

BANNER = """
Wegwijs is running.
  engine (REST):      {engine}/webhooks/rest/webhook   (parse API: {engine}/model/parse)
  actions + NLG:      {actions}
  Telegram:           {telegram}
Chat in the terminal, in another shell:   make chat
Stop everything with Ctrl-C.
"""


def start_telegram(settings: Settings, log: Path) -> subprocess.Popen | None:
    """Start the Telegram front end when a token is configured."""
    if settings.telegram_bot_token is None:
        return None
    return subprocess.Popen([sys.executable, "-m", "bot.cli", "telegram"], cwd=PROJECT_ROOT,
                            stdout=log.open("ab"), stderr=subprocess.STDOUT)


class RetentionSchedule:
    """The retention purge (docs/privacy.md): once at start, then every day while running."""

    def __init__(self, settings: Settings, every_s: float = 24 * 3600) -> None:
        self.settings = settings
        self.database = Database(settings.database_url)
        self.every_s = every_s
        self.next_run = time.monotonic()

    def run_if_due(self) -> None:
        """Purge when the day is over; a failure is logged and tried again next time."""
        if time.monotonic() < self.next_run:
            return
        self.next_run = time.monotonic() + self.every_s
        try:
            purge_with_settings(self.settings, self.database)
        except Exception:  # noqa: BLE001 - the assistant keeps running; the purge retries tomorrow
            logging.getLogger(__name__).exception("retention purge failed")


def main() -> int:
    """Run until interrupted."""
    settings = Settings()
    model = model_path()
    if not model.exists():
        print("no trained model for the current data: run `make train` (make run does it for you)")
        return 1
    workdir = PROJECT_ROOT / "var"
    services = Services(model=model, workdir=workdir, engine_port=int(settings.engine_url.rsplit(":", 1)[-1]),
                        actions_port=settings.actions_port,
                        env={"DATABASE_URL": settings.database_url, "TRACKER_STORE_URL": settings.tracker_store_url})
    # Migrate once here, so the processes that share the database never race to do it.
    Database(settings.database_url).upgrade()
    print("starting the actions server and the engine (the engine takes about half a minute)...", flush=True)
    try:
        services.start()
    except BaseException:  # Ctrl-C or a failure while starting: leave nothing running
        services.stop()
        raise
    telegram = start_telegram(settings, workdir / "telegram.log")
    print(BANNER.format(engine=services.engine_url, actions=services.actions_url,
                        telegram="running (log: var/telegram.log)" if telegram else
                        "off: set TELEGRAM_BOT_TOKEN in .env to start it (see docs/telegram.md)"), flush=True)
    stop = threading.Event()
    # Explicit handlers: a process started in the background inherits an ignored SIGINT.
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: stop.set())
    retention = RetentionSchedule(settings)
    try:
        while not stop.wait(1):
            retention.run_if_due()
            if services.engine and services.engine.poll() is not None:
                print("the engine stopped; see var/engine.log", file=sys.stderr)
                return 1
    finally:
        print("\nstopping...", flush=True)
        stop_process(telegram)
        services.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
