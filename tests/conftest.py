"""Shared fixtures. `assistant` is the real thing: the trained model in the real Rasa engine, the
real actions/NLG server, talking HTTP on free ports. It starts once per test session."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.engine.model import model_path
from bot.engine.runner import Services
from bot.settings import PROJECT_ROOT, Settings


@pytest.fixture(scope="session")
def project_root() -> Path:
    return PROJECT_ROOT


@pytest.fixture(scope="session")
def settings() -> Settings:
    return Settings()


@pytest.fixture(scope="session")
def model() -> Path:
    """The trained model for the current data (`make test` trains it before pytest runs)."""
    # WEGWIJS_MODEL lets a developer run the engine tests against a model they already have.
    path = Path(os.environ.get("WEGWIJS_MODEL") or model_path())
    if not path.exists():
        pytest.fail(f"no trained model at {path}: run the tests with `make test`, which trains it")
    return path


@pytest.fixture(scope="session")
def assistant(model: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Services]:
    """The running engine + actions server."""
    services = Services(model=model, workdir=tmp_path_factory.mktemp("assistant"))
    services.start()
    yield services
    services.stop()
