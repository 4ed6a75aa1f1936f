"""Argument checks shared by every layer, each with one wording.

Every check raises a ``ValueError`` (or ``TypeError`` for a wrong type) that
names the parameter, lists what it accepts and repeats what was passed, in
the form "The value for `level` must be one of 'group', 'article', but
'outlets' was passed." :func:`yaml_error_line` words where a YAML file
is broken, for the readers of corpora and of mappings alike.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from numbers import Integral, Real
from typing import Any

import numpy as np

__all__ = [
    "check_ci",
    "check_n_resamples",
    "check_option",
    "check_options",
    "check_random_state",
    "options_text",
    "yaml_error_line",
]


def options_text(options: Iterable[Any]) -> str:
    """``'a', 'b', 'c'``: the options as a reader would type them."""
    return ", ".join(repr(o) for o in options)


def yaml_error_line(error: Exception, first_line: int = 1) -> str:
    """``", line N"`` where a YAML error marks its place (counting lines from ``first_line``), else ``""``."""
    mark = getattr(error, "problem_mark", None)
    return f", line {mark.line + first_line}" if mark is not None else ""


def check_option(name: str, value: Any, options: Sequence[Any]) -> Any:
    """``value`` when it is one of ``options``; otherwise a ValueError naming them.

    Examples
    --------
    >>> check_option("level", "group", ("group", "article"))
    'group'
    >>> check_option("level", "outlets", ("group", "article"))
    Traceback (most recent call last):
    ...
    ValueError: The value for `level` must be one of 'group', 'article', but 'outlets' was passed.
    """
    if isinstance(value, str) or not isinstance(value, Iterable):
        if value in options:
            return value
    raise ValueError(f"The value for `{name}` must be one of {options_text(options)}, but {value!r} was passed.")


def check_options(name: str, values: Any, options: Sequence[Any], *, allow_empty: bool = False) -> tuple:
    """``values`` (one option or several) as a tuple, when each is one of ``options``."""
    given = (values,) if isinstance(values, str) else tuple(values)
    bad = [v for v in given if v not in options]
    if bad or (not given and not allow_empty):
        shown = bad[0] if len(bad) == 1 else (bad or list(given))
        raise ValueError(
            f"The values for `{name}` must be among {options_text(options)}, but {shown!r} was passed."
        )
    return given


def check_top_n(top_n: Any) -> int:
    """How many pieces of evidence to keep, as an int (0: none)."""
    if isinstance(top_n, bool) or not isinstance(top_n, (int, np.integer)) or top_n < 0:
        raise ValueError(f"top_n must be a non-negative integer, got {top_n!r}")
    return int(top_n)


def check_n_resamples(n_resamples: Any) -> int:
    """The number of resamples as an int (0 means no interval and no test)."""
    if isinstance(n_resamples, bool) or not isinstance(n_resamples, Real) or int(n_resamples) != n_resamples \
            or n_resamples < 0:
        raise ValueError(
            f"The value for `n_resamples` must be a whole number of at least 0, but {n_resamples!r} was passed."
        )
    return int(n_resamples)


def check_ci(ci: Any) -> float:
    """The confidence level, strictly between 0 and 1."""
    if isinstance(ci, bool) or not isinstance(ci, Real) or not 0 < ci < 1:
        raise ValueError(f"The value for `ci` must be between 0 and 1 (e.g. 0.95), but {ci!r} was passed.")
    return float(ci)


def check_random_state(random_state: Any) -> np.random.Generator:
    """A NumPy Generator from ``None`` (fresh entropy), an int seed or a Generator.

    Examples
    --------
    >>> bool(check_random_state(0).integers(10) == check_random_state(0).integers(10))
    True
    """
    if isinstance(random_state, np.random.Generator):
        return random_state
    if random_state is None or (isinstance(random_state, Integral) and not isinstance(random_state, bool)):
        return np.random.default_rng(random_state)
    raise TypeError(
        "The value for `random_state` must be None, an int or a numpy.random.Generator, but "
        f"{type(random_state).__name__} was passed."
    )
