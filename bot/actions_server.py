"""The actions server: rasa-sdk's custom-action webhook plus the `/nlg` endpoint, in one process."""

from __future__ import annotations

import argparse
import logging
import warnings
from functools import partial

from rasa_sdk.endpoint import create_app as create_sdk_app
from rasa_sdk.executor import ActionExecutor
from sanic import Sanic

from bot.content.model import load_content
from bot.i18n.catalog import Catalogs
from bot.nlg.compose import ReplyComposer
from bot.nlg.renderer import Renderer
from bot.settings import Settings

# rasa-sdk 3.21 works against the 3.6 engine (tried); only its version notice is expected noise.
warnings.filterwarnings("ignore", message=".*rasa[- ]sdk.*version.*", category=UserWarning)


def build_renderer(settings: Settings) -> Renderer:
    """Load content and compiled catalogs once for the process."""
    return Renderer(load_content(settings.content_dir), Catalogs(settings.locales_dir))


def create_app(settings: Settings) -> Sanic:
    """The Sanic app with `/webhook` (actions), `/health` and `/nlg`."""
    from bot.nlg.routes import add_nlg_route

    executor = ActionExecutor()
    executor.register_package("actions")
    app = create_sdk_app(executor)
    renderer = build_renderer(settings)
    app.ctx.renderer = renderer
    app.ctx.settings = settings
    add_nlg_route(app, ReplyComposer(renderer))
    return app


def main(argv: list[str] | None = None) -> None:
    """Run the actions server in a single process (2 cores: the engine needs the other one)."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int)
    args = parser.parse_args(argv)
    settings = Settings()
    if args.port:
        settings.actions_port = args.port
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    from sanic.worker.loader import AppLoader

    loader = AppLoader(factory=partial(create_app, settings))
    app = loader.load()
    app.prepare(host=settings.actions_host, port=settings.actions_port, single_process=True,
                access_log=False, motd=False)
    Sanic.serve_single(primary=app)


if __name__ == "__main__":
    main()
