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
