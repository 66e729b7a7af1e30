"""The kept pages' store is bounded in bytes, in all and per user; the oldest go first."""

from __future__ import annotations

from roedtraad.web.pagestore import PageStore


def test_a_user_over_their_budget_loses_their_own_oldest_page_not_anothers():
    store = PageStore(max_bytes=10_000, max_bytes_per_user=1_000, timeout=60)
    store.put("anne", "a1", b"x" * 400, "text/html")
    for n in range(5):
        store.put("bo", f"b{n}", b"y" * 400, "text/html")
    assert store.get("a1") is not None
    assert store.bytes_of("bo") <= 1_000
    assert store.get("b0") is None and store.get("b4") is not None


def test_the_process_budget_drops_the_least_recently_used_page():
    store = PageStore(max_bytes=1_000, max_bytes_per_user=1_000, timeout=60)
    store.put("anne", "a", b"x" * 400, "text/html")
    store.put("bo", "b", b"y" * 400, "text/html")
    store.get("a")  # a is used again: b is now the oldest
    store.put("carl", "c", b"z" * 400, "text/html")
    assert store.get("b") is None and store.get("a") is not None and store.total_bytes <= 1_000


def test_a_page_larger_than_a_users_budget_is_not_kept():
    store = PageStore(max_bytes=10_000, max_bytes_per_user=100, timeout=60)
    store.put("anne", "a", b"x" * 500, "text/html")
    assert store.get("a") is None and store.total_bytes == 0


def test_a_page_past_its_timeout_is_not_served():
    store = PageStore(max_bytes=10_000, max_bytes_per_user=1_000, timeout=-1)
    store.put("anne", "a", b"x", "text/html")
    assert store.get("a") is None and store.total_bytes == 0
