"""Running per-article work on chunks of a corpus, on several processes or a Dask cluster."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from typing import Any

from joblib import Parallel, delayed, parallel_config
from tqdm.auto import tqdm

from .corpus import Corpus

__all__ = ["chunks_of", "interactive", "map_chunks"]


def interactive() -> bool:
    """Whether a progress bar would be seen: in Jupyter or a terminal."""
    try:
        from IPython import get_ipython

        if get_ipython() is not None:
            return True
    except ImportError:
        pass
    return hasattr(sys.stderr, "isatty") and sys.stderr.isatty()


def chunks_of(corpus: Corpus, chunksize: int) -> Iterator[Corpus]:
    arts = corpus._articles
    for i in range(0, len(arts), int(chunksize)):
        yield Corpus(arts.iloc[i : i + int(chunksize)], skipped=corpus.skipped if i == 0 else None)


def map_chunks(func, chunks, *args, n_jobs: int = 1, backend: str | None = None, progress: bool | None = None,
               **kwargs) -> Iterator[Any]:
    """``func(chunk, *args, **kwargs)`` for every chunk, in chunk order, on ``n_jobs`` workers."""
    if backend == "dask":
        try:
            import dask.distributed  # noqa: F401
        except ImportError:
            raise ImportError("backend='dask' needs dask.distributed: pip install 'framing[dask]'") from None
    show = interactive() if progress is None else progress
    with _backend(backend, n_jobs) as parallel_kwargs:
        parallel = Parallel(return_as="generator", **parallel_kwargs)
        results = parallel(delayed(func)(c, *args, **kwargs) for c in chunks)
        yield from tqdm(results, desc="framing", unit="chunk", disable=not show, leave=False)


class _backend:
    """joblib settings for a backend name (a context manager)."""

    def __init__(self, backend: str | None, n_jobs: int):
        self.backend, self.n_jobs = backend, n_jobs
        self._cm = None

    def __enter__(self) -> dict[str, Any]:
        if self.backend in (None, "loky", "threading"):
            return {"n_jobs": self.n_jobs, "backend": self.backend or "loky", "pre_dispatch": "2*n_jobs"}
        if self.backend == "dask":
            self._cm = parallel_config(backend="dask")
            self._cm.__enter__()
            return {"n_jobs": -1 if self.n_jobs == 1 else self.n_jobs, "pre_dispatch": "2*n_jobs"}
        raise ValueError(f"backend must be 'loky', 'threading' or 'dask', got {self.backend!r}")

    def __exit__(self, *exc) -> None:
        if self._cm is not None:
            self._cm.__exit__(*exc)
