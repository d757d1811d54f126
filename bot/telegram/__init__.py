"""The Telegram front end (aiogram 3): commands, menus, keyboards and resilience around the engine.

`app.create_app` builds the bot and dispatcher from Settings; `polling` and `webhook` run them.
Handlers are small and do one thing each; the shared services live in `services.Services`.
"""
