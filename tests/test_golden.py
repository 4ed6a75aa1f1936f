"""Every public function's output on the demo corpora and NewsWCL50 is unchanged.

The digests in ``tests/golden/*.json`` were recorded with
``python -m tests.golden.record --update``; a change that alters any output on
purpose re-records them and says why in its commit message.
"""

import pytest

from tests.golden import record
from tests.shared_data import SHARED_DATA


@pytest.mark.parametrize("name", record.NAMES)
def test_golden_tables_unchanged(name):
    if name == "newswcl50" and not (SHARED_DATA / "newswcl50").exists():
        pytest.skip("needs ../shared/data beside the checkout")
    old = record.stored(name)
    now = record.record(name)
    assert sorted(now) == sorted(old)
    changed = {key: (old[key], now[key]) for key in old if old[key] != now[key]}
    assert not changed, f"{len(changed)} table(s) changed: {sorted(changed)}"
