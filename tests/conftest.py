import matplotlib

matplotlib.use("Agg")  # before pyplot is imported anywhere

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402

from tests.shared_data import SHARED_DATA  # noqa: E402

needs_shared_data = pytest.mark.skipif(
    not SHARED_DATA.exists(), reason="needs ../shared/data beside the checkout"
)


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


# Hypothesis profiles for tests/test_fuzz.py: "quick" (the default, in `make test`) runs a
# bounded, derandomized set of examples without an example database, so CI is deterministic;
# "fuzz" (`make fuzz`, HYPOTHESIS_PROFILE=fuzz) runs twenty times as many random examples.
try:
    from hypothesis import settings as _hypothesis_settings
except ImportError:  # the fuzz tests skip themselves without hypothesis
    pass
else:
    import os

    _hypothesis_settings.register_profile("quick", max_examples=100, derandomize=True, database=None,
                                          deadline=None, print_blob=True)
    _hypothesis_settings.register_profile("fuzz", max_examples=2000, deadline=None, print_blob=True)
    _hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "quick"))
