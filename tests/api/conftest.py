"""The API tests use the web tests' municipality (tests/web/conftest.py: one login per role,
the holder's draft, the other holder's entered contract, a submitted one in another area) and
call the API with a token per role."""

from __future__ import annotations

import pytest
from tests.web import conftest as web

from roedtraad.api.tokens import create_token

World = web.World
world = web.world  # the fixtures, shared with the web tests
fast_passwords = web.fast_passwords


class Api:
    """The test client calling /api/ with the bearer token of a role's user."""

    def __init__(self, client, world: World):
        self.client, self.world, self.tokens = client, world, {}

    def token(self, role: str) -> str:
        if role not in self.tokens:
            self.tokens[role] = create_token(self.world["users"][role], f"Test {role}")[1]
        return self.tokens[role]

    def _headers(self, role: str | None) -> dict:
        return {"HTTP_AUTHORIZATION": f"Bearer {self.token(role)}"} if role else {}

    def get(self, role: str | None, path: str, **query):
        return self.client.get(f"/api{path}", query, **self._headers(role))

    def post(self, role: str | None, path: str, body: dict):
        return self.client.post(f"/api{path}", body, content_type="application/json", **self._headers(role))

    def put(self, role: str | None, path: str, body: dict):
        return self.client.put(f"/api{path}", body, content_type="application/json", **self._headers(role))

    def items(self, role: str, path: str, **query) -> list[dict]:
        response = self.get(role, path, **query)
        assert response.status_code == 200, response.content
        return response.json()["items"]


@pytest.fixture
def api(client, world) -> Api:
    return Api(client, world)
