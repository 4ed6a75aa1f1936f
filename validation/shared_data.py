"""The readers of ``../shared/data`` live with the tests (``tests/shared_data.py``); re-exported here."""

from tests.shared_data import (  # noqa: F401
    OUTLETS_NEWSWCL50,
    SHARED_DATA,
    newswcl50_articles,
    polnear_articles,
    polnear_split,
)
