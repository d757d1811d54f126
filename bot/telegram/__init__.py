"""The Telegram front end (aiogram 3): commands, menus, keyboards and resilience around the engine.

- app.py            builds Bot + Dispatcher + services from Settings (`create_app`); wiring.py adds the
                    app database's pieces (preferences, forget-me, chat addresses, outbox)
- polling.py, webhook.py, cli.py   the two ways to run it, and `wegwijs telegram`
- routers/          one module per kind of update: commands, buttons, text, media, edited, forwarded,
                    groups, membership, errors
- middlewares/      answer every button at once, resolve the person, flood control, one chat at a time
- conversation.py   a message to the engine and the answer back; pending.py keeps messages while the
                    engine is down; outbox.py sends (escaped, split, blocked chats noted)
- request_retry.py  429 and network retries for every Bot API call
- texts.py, keyboards.py, callbacks.py, formatting.py, payloads.py, person.py, store.py, forget.py,
  proactive.py, deep_link.py, typing_indicator.py, commands_menu.py   the small pieces
Every text it sends is content (bot/content/answers/telegram.yml and system.yml). See docs/telegram.md.
"""
