"""The trained model, cached by the fingerprint of everything that shapes it: train only on change."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import time
from pathlib import Path

from bot.engine.allocator import with_huge_pages
from bot.settings import PROJECT_ROOT

#: What the model is made of. Changing any of these files means a new model.
MODEL_INPUTS = ("config.yml", "domain.yml", "nlu_data", "bot/engine_nlu")
RASA = PROJECT_ROOT / ".venv-rasa" / "bin" / "rasa"
RASA_PYTHON = RASA.with_name("python")


def fingerprint(root: Path = PROJECT_ROOT) -> str:
    """A digest of the model inputs' paths and contents."""
    digest = hashlib.sha256()
    for name in MODEL_INPUTS:
        path = root / name
        files = sorted(p for p in path.rglob("*") if p.is_file() and "__pycache__" not in p.parts) \
            if path.is_dir() else [path]
        for file in files:
            digest.update(str(file.relative_to(root)).encode())
            digest.update(file.read_bytes())
    return digest.hexdigest()[:16]


def model_path(root: Path = PROJECT_ROOT) -> Path:
    """Where the model for the current inputs is (or will be) stored."""
    return root / "models" / f"wegwijs-{fingerprint(root)}.tar.gz"


def engine_env(root: Path = PROJECT_ROOT) -> dict[str, str]:
    """Environment for engine processes: our components importable, TensorFlow quiet, no telemetry."""
    env = dict(os.environ)
    env.update({"PYTHONPATH": str(root), "TF_CPP_MIN_LOG_LEVEL": "2", "RASA_TELEMETRY_ENABLED": "false",
                "SQLALCHEMY_SILENCE_UBER_WARNING": "1"})
    return env


def train_command(target: Path) -> list[str]:
    """`rasa train` for `target`, retraining every component and leaving the data checks to `make validate`.

    It runs through `bot.engine.uncached_training`: Rasa's cache off, and no hashing for it.
    """
    # --force: Rasa's own cache does not see our component code, our fingerprint does.
    # --skip-validation: `make test` runs `rasa data validate --fail-on-warnings` on the same files,
    # stricter than the check `rasa train` repeats (minutes on all the data).
    return [str(RASA_PYTHON), "-m", "bot.engine.uncached_training", "train",
            "--config", "config.yml", "--domain", "domain.yml", "--data", "nlu_data",
            "--out", "models", "--fixed-model-name", target.name.removesuffix(".tar.gz"),
            "--force", "--skip-validation"]


def train(root: Path = PROJECT_ROOT, force: bool = False) -> Path:
    """Train unless a model for the current inputs exists; returns the model path."""
    target = model_path(root)
    if target.exists() and not force:
        print(f"model is up to date: {target.relative_to(root)}")
        return target
    log = root / "var" / "train.log"
    log.parent.mkdir(exist_ok=True)
    print(f"training {target.name} (about 50 minutes on 2 cores; progress in {log.relative_to(root)})...",
          flush=True)
    started = time.monotonic()
    with log.open("wb") as out:
        done = subprocess.run(train_command(target), cwd=root, env=with_huge_pages(engine_env(root)),
                              stdout=out, stderr=subprocess.STDOUT)
    if done.returncode != 0 or not target.exists():
        print(log.read_text("utf-8", errors="replace")[-4000:], file=sys.stderr)
        raise SystemExit(f"training failed (exit {done.returncode}); the full log is {log}")
    print(f"trained in {time.monotonic() - started:.0f} s: {target.relative_to(root)}", flush=True)
    return target


if __name__ == "__main__":
    train(force="--force" in sys.argv)
