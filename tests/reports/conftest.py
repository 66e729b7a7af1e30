"""The web tests' municipality (tests/web/conftest.py): Solsikken (draft), Hjemmeplejen (entered),
Nordskolen (submitted), each with one sick-leave goal, indicator, target and three months of figures."""

from tests.web.conftest import fast_passwords, login, world  # noqa: F401  (fixtures used here)
