"""Shared fixtures. `assistant` is the real thing: the trained model in the real Rasa engine, the
real actions/NLG server, talking HTTP on free ports. It starts once per test session."""

from __future__ import annotations

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
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Services]:
    """The running engine + actions server (the model is trained by `make test` before pytest)."""
    model = model_path()
    if not model.exists():
        pytest.fail(f"no trained model at {model}: run the tests with `make test`, which trains it")
    services = Services(model=model, workdir=tmp_path_factory.mktemp("assistant"))
    services.start()
    yield services
    services.stop()
