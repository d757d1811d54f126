"""Start the engine and the actions server as processes, wait until they answer, stop them."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from bot.engine.model import RASA, engine_env
from bot.settings import PROJECT_ROOT


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def write_endpoints(path: Path, actions_port: int, tracker_db: Path) -> Path:
    """An endpoints file for these ports and tracker store (Rasa reads endpoints from a file)."""
    path.write_text(
        f'action_endpoint:\n  url: "http://127.0.0.1:{actions_port}/webhook"\n'
        f'nlg:\n  url: "http://127.0.0.1:{actions_port}/nlg"\n'
        f"tracker_store:\n  type: SQL\n  dialect: sqlite\n  db: {tracker_db}\n",
        encoding="utf-8",
    )
    return path


def wait_until_up(url: str, process: subprocess.Popen, timeout_s: float, log: Path) -> None:
    """Poll `url` until it answers 200; fail with the log's tail if the process dies or time runs out."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{url} process exited ({process.returncode}):\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(url, timeout=2) as resp:
                if resp.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.5)
    raise TimeoutError(f"{url} did not come up in {timeout_s:.0f}s:\n{log.read_text()[-3000:]}")


@dataclass
class Services:
    """The engine and actions server of one running assistant."""

    model: Path
    workdir: Path
    engine_port: int = field(default_factory=free_port)
    actions_port: int = field(default_factory=free_port)
    env: dict[str, str] = field(default_factory=dict)
    engine: subprocess.Popen | None = None
    actions: subprocess.Popen | None = None

    @property
    def engine_url(self) -> str:
        """Base URL of the engine."""
        return f"http://127.0.0.1:{self.engine_port}"

    @property
    def actions_url(self) -> str:
        """Base URL of the actions server (also serves /nlg)."""
        return f"http://127.0.0.1:{self.actions_port}"

    @property
    def tracker_db(self) -> Path:
        """The engine's tracker store (SQLite)."""
        return self.workdir / "tracker.db"

    @property
    def app_env(self) -> dict[str, str]:
        """Settings every application process of this assistant shares: its database and tracker store."""
        return {"DATABASE_URL": f"sqlite:///{self.workdir / 'wegwijs.db'}",
                "TRACKER_STORE_URL": f"sqlite:///{self.tracker_db}",
                "ENGINE_URL": self.engine_url, **self.env}

    def start_actions(self, timeout_s: float = 60) -> None:
        """Start the actions/NLG server and wait for /health."""
        log = self.workdir / "actions.log"
        env = {**os.environ, **self.app_env, "PYTHONPATH": str(PROJECT_ROOT)}
        self.actions = subprocess.Popen(
            [sys.executable, "-m", "bot.actions_server", "--port", str(self.actions_port)],
            cwd=PROJECT_ROOT, env=env, stdout=log.open("ab"), stderr=subprocess.STDOUT)
        wait_until_up(f"{self.actions_url}/health", self.actions, timeout_s, log)

    def start_engine(self, timeout_s: float = 240) -> None:
        """Start the engine with the model and wait until it has loaded it."""
        log = self.workdir / "engine.log"
        endpoints = write_endpoints(self.workdir / "endpoints.yml", self.actions_port, self.tracker_db)
        self.engine = subprocess.Popen(
            [str(RASA), "run", "--model", str(self.model), "--enable-api", "--port", str(self.engine_port),
             "--endpoints", str(endpoints), "--credentials", "credentials.yml", "-i", "127.0.0.1"],
            cwd=PROJECT_ROOT, env={**engine_env(), **self.env}, stdout=log.open("ab"), stderr=subprocess.STDOUT)
        wait_until_up(f"{self.engine_url}/status", self.engine, timeout_s, log)

    def stop_engine(self) -> None:
        """Stop the engine (the actions server keeps running)."""
        stop_process(self.engine)
        self.engine = None

    def start(self) -> Services:
        """Start both; the actions server first, since the engine calls it."""
        self.workdir.mkdir(parents=True, exist_ok=True)
        self.start_actions()
        self.start_engine()
        return self

    def stop(self) -> None:
        """Stop both."""
        self.stop_engine()
        stop_process(self.actions)
        self.actions = None


def stop_process(process: subprocess.Popen | None) -> None:
    """Ask a process to stop (SIGTERM), and kill it if it has not stopped in 15 s."""
    if process is None or process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
