"""The web tests' municipality (tests/web/conftest.py): Solsikken (the holder's draft), Hjemmeplejen
(entered) in area Omsorg, Nordskolen (submitted) in area Skole; the head of area covers Omsorg."""

from tests.web.conftest import fast_passwords, login, world  # noqa: F401  (fixtures used here)
