"""How training asks the memory allocator for huge pages (stdlib only: the bench runs it too).

TensorFlow and NumPy allocate and free large buffers at every training step. Where the kernel gives
transparent huge pages only to memory that asks for them (THP "madvise", Debian's default), glibc
asks only when told to, and every step then faults its buffers in 4 KiB at a time. Measured on this
project's 2-core machine, DIET on a quarter of the data: 134 -> 91 s per epoch, 67 -> 4 million page
faults, and the same model (same loss and accuracy at every epoch). A glibc older than 2.35 ignores
the setting; serving is left as it is, since huge pages can raise a long-running process's memory.
"""

from __future__ import annotations

from collections.abc import Mapping

HUGE_PAGES = "glibc.malloc.hugetlb=1"


def with_huge_pages(env: Mapping[str, str]) -> dict[str, str]:
    """`env` with glibc's huge-page tunable added to any tunables it already sets."""
    tunables = [tunable for tunable in env.get("GLIBC_TUNABLES", "").split(":") if tunable]
    if HUGE_PAGES not in tunables:
        tunables.append(HUGE_PAGES)
    return {**env, "GLIBC_TUNABLES": ":".join(tunables)}
