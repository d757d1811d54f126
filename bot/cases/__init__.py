"""Cases as caseworkers keep them, and how a person's chat gets linked to one.

- codes.py      the one-time link codes (format, hashing, deep links)
- phases.py     the phase keys and what the assistant says about them
- ratelimit.py  limits on code attempts, per chat and over all chats
- linking.py    issuing and redeeming codes, unlinking
- service.py    creating cases and changing phases (which notifies linked chats)
- person.py     a person's phase as the actions see it: from the case, else self-reported
- keydates.py   the key dates to mention, with "in N days" from an injected today
- cli.py        `wegwijs case ...`
"""
