"""The process's kept pages, bounded in bytes: in all and per user.

Django's local-memory cache bounds entries by count, so a few large pages, or one user's
endless query strings, could fill memory or push out everyone else's pages. This store is a
least-recently-used map with a byte budget for the process and one per user: a user who
passes theirs loses their own oldest pages, never another user's. Written here (about forty
lines) because no cache library bounds per owner as well as in total.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from dataclasses import dataclass


@dataclass
class _Entry:
    owner: str
    value: tuple[bytes, str]
    size: int
    expires: float


class PageStore:
    def __init__(self, max_bytes: int, max_bytes_per_user: int, timeout: float) -> None:
        self.max_bytes, self.max_bytes_per_user, self.timeout = max_bytes, max_bytes_per_user, timeout
        self._entries: OrderedDict[str, _Entry] = OrderedDict()
        self._bytes: dict[str, int] = {}
        self._lock = threading.Lock()

    @property
    def total_bytes(self) -> int:
        return sum(self._bytes.values())

    def bytes_of(self, owner: str) -> int:
        return self._bytes.get(owner, 0)

    def get(self, key: str) -> tuple[bytes, str] | None:
        with self._lock:
            entry = self._entries.get(key)
            if entry is None:
                return None
            if entry.expires < time.monotonic():
                self._drop(key)
                return None
            self._entries.move_to_end(key)
            return entry.value

    def put(self, owner: str, key: str, content: bytes, content_type: str) -> None:
        size = len(content) + len(key) + len(content_type)
        if size > self.max_bytes_per_user:
            return  # a page larger than a user's budget is never kept
        with self._lock:
            if key in self._entries:
                self._drop(key)
            self._entries[key] = _Entry(owner, (content, content_type), size, time.monotonic() + self.timeout)
            self._bytes[owner] = self._bytes.get(owner, 0) + size
            self._evict(owner)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self._bytes.clear()

    def _evict(self, owner: str) -> None:
        while self._bytes.get(owner, 0) > self.max_bytes_per_user:
            self._drop(next(k for k, e in self._entries.items() if e.owner == owner))
        while sum(self._bytes.values()) > self.max_bytes:
            self._drop(next(iter(self._entries)))

    def _drop(self, key: str) -> None:
        entry = self._entries.pop(key)
        self._bytes[entry.owner] -= entry.size
        if not self._bytes[entry.owner]:
            del self._bytes[entry.owner]
