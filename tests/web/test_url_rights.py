"""Every URL pattern × every role: who may see what. Generated from the URL resolver, so a
new view fails this test until it is classified in RIGHTS."""

from __future__ import annotations

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

ROLES = ("director", "head_of_area", "holder", "other_holder", "reader", "stranger", "anonymous")
ALL_OK = dict.fromkeys(ROLES, 200)
LOGIN_FIRST = {**ALL_OK, "anonymous": 302}


def _draft(status_for_strangers=404):
    """Reading the holder's own draft (area Omsorg): the other holder is a stranger to it."""
    return {
        "director": 200,
        "head_of_area": 200,
        "holder": 200,
        "other_holder": status_for_strangers,
        "reader": 200,
        "stranger": status_for_strangers,
        "anonymous": 302,
    }


def _indicator(world):
    return world["draft_goal"].indicators.get().pk


# name -> (method, world -> args, role -> expected status)
RIGHTS = {
    "home": ("get", None, ALL_OK),
    "login": ("get", None, ALL_OK),
    "logout": ("post", None, dict.fromkeys(ROLES, 302)),
    "set_language": ("post", None, dict.fromkeys(ROLES, 302)),
    "privacy": ("get", None, ALL_OK),
    "accessibility": ("get", None, ALL_OK),
    "contract_list": ("get", None, LOGIN_FIRST),
    "search": ("get", None, LOGIN_FIRST),
    "contract_detail": ("get", lambda w: [w["draft"].pk], _draft()),
    "goal_detail": ("get", lambda w: [w["draft_goal"].pk], _draft()),
    "indicator_detail": ("get", lambda w: [_indicator(w)], _draft()),
}
# Whole namespaces: the Django admin is for staff only (none of the roles is staff).
NAMESPACES = {"admin": ("get", None, dict.fromkeys(ROLES, 302))}


def url_names(resolver=None, prefix="") -> list[str]:
    names = []
    for entry in (resolver or get_resolver()).url_patterns:
        if isinstance(entry, URLResolver):
            ns = f"{prefix}{entry.namespace}:" if entry.namespace else prefix
            names += url_names(entry, ns)
        elif isinstance(entry, URLPattern) and entry.name:
            names.append(prefix + entry.name)
    return sorted(set(names))


def rule_for(name: str):
    if name in RIGHTS:
        return RIGHTS[name]
    namespace = name.split(":", 1)[0] if ":" in name else None
    return NAMESPACES.get(namespace)


def test_every_named_url_is_classified():
    missing = [name for name in url_names() if rule_for(name) is None]
    assert not missing, f"classify these URLs in tests/web/test_url_rights.py RIGHTS: {missing}"


def test_every_url_pattern_has_a_name():
    def unnamed(resolver, prefix=""):
        found = []
        for entry in resolver.url_patterns:
            if isinstance(entry, URLResolver):
                if entry.namespace != "admin":
                    found += unnamed(entry, prefix + str(entry.pattern))
            elif not entry.name:
                found.append(prefix + str(entry.pattern))
        return found

    assert unnamed(get_resolver()) == []


@pytest.mark.parametrize("name", [n for n in url_names() if not n.startswith("admin:")] + ["admin:index"])
@pytest.mark.parametrize("role", ROLES)
def test_url_rights(world, client, name, role):
    rule = rule_for(name)
    assert rule is not None, f"{name} is not classified"
    method, args, expected = rule
    if role != "anonymous":
        client.force_login(world["users"][role])
    url = reverse(name, args=args(world) if args else None)
    response = getattr(client, method)(url)
    assert response.status_code == expected[role], f"{role} {method.upper()} {url}"
