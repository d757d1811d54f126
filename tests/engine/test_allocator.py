"""Training's allocator setting (bot.engine.allocator)."""

from __future__ import annotations

from bot.engine.allocator import HUGE_PAGES, with_huge_pages


def test_huge_pages_are_asked_for_and_the_rest_of_the_environment_kept():
    assert with_huge_pages({"PATH": "/bin"}) == {"PATH": "/bin", "GLIBC_TUNABLES": HUGE_PAGES}


def test_tunables_already_set_are_kept_and_the_setting_not_repeated():
    env = with_huge_pages({"GLIBC_TUNABLES": "glibc.malloc.arena_max=2"})
    assert env["GLIBC_TUNABLES"] == f"glibc.malloc.arena_max=2:{HUGE_PAGES}"
    assert with_huge_pages(env) == env
