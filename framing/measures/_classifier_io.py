"""Saving a fitted FrameClassifier to JSON and reading it back.

The file is plain JSON (gzip-compressed when its name ends in ``.gz``):
parameters, label set, framing's version, vocabularies, and arrays as base64
text of little-endian float64. Nothing in it is executed when it is read, so
a model file from elsewhere is as safe to open as any JSON document.
"""

from __future__ import annotations

import base64
import gzip
import json
from collections.abc import Hashable, Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from .._version import __version__
from ._text_features import DictionaryScores, NgramTfidf, SubwordTfidf

__all__ = ["write", "read"]

FORMAT = "framing.FrameClassifier"
FORMAT_VERSION = 1
Y_KINDS = ("labels", "lists", "indicator")


def write(clf, path: str | Path) -> Path:
    """Write the fitted ``clf`` to ``path`` (see :meth:`FrameClassifier.save`)."""
    labels = clf.classes_.tolist()
    if not all(isinstance(c, (str, int)) and not isinstance(c, bool) for c in labels):
        raise ValueError("only str or int labels can be saved to JSON; recode the labels as text")
    params = clf.get_params()
    if not isinstance(params["dictionary"], (str, type(None))):
        params["dictionary"] = "<custom>"  # the table itself is stored below
    params["random_state"] = (
        params["random_state"] if isinstance(params["random_state"], (int, type(None))) else None
    )
    for key in ("ngram_range", "subwords"):
        params[key] = list(params[key]) if params[key] is not None else None
    doc = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "framing_version": __version__,
        "params": params,
        "labels": labels,
        "y_kind": clf.y_kind_,
        "C": clf.C_,
        "cv_score": clf.cv_score_,
        "n_samples_fit": clf.n_samples_fit_,
        "ngrams": _encode_state(clf.ngrams_.state()),
        "subwords": None if clf.subwords_ is None else _encode_state(clf.subwords_.state()),
        "dictionary": None if clf.dictionary_ is None else _encode_state(clf.dictionary_.state()),
        "coef": _encode(clf.coef_),
        "intercept": _encode(clf.intercept_),
        "calibration_coef": _encode(clf.calibration_coef_),
        "calibration_intercept": _encode(clf.calibration_intercept_),
        "thresholds": None if clf.thresholds_ is None else _encode(clf.thresholds_),
        "prior": _encode(clf.prior_),
    }
    path = Path(path)
    data = json.dumps(doc).encode("utf-8")
    path.write_bytes(gzip.compress(data, mtime=0) if path.suffix == ".gz" else data)
    return path


def read(cls, path: str | Path, labels: Sequence[Hashable] | None = None):
    """Read a classifier of class ``cls`` (see :meth:`FrameClassifier.load`)."""
    path = Path(path)
    try:
        raw = path.read_bytes()
        if raw[:2] == b"\x1f\x8b":
            raw = gzip.decompress(raw)
        doc = json.loads(raw.decode("utf-8"))
    except (OSError, EOFError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValueError(f"{path}: not a readable FrameClassifier file ({exc})") from exc
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise ValueError(f"{path}: not a FrameClassifier file (written by FrameClassifier.save)")
    if doc.get("format_version") != FORMAT_VERSION:
        raise ValueError(
            f"{path}: format version {doc.get('format_version')!r}, this framing reads "
            f"version {FORMAT_VERSION}; refit the classifier or update framing"
        )
    try:
        return _from_doc(cls, doc, path, labels)
    except (KeyError, TypeError, ValueError, IndexError) as exc:
        if isinstance(exc, ValueError) and str(exc).startswith(str(path)):
            raise
        raise ValueError(
            f"{path}: damaged FrameClassifier file ({type(exc).__name__}: {exc})"
        ) from exc


def _from_doc(cls, doc: dict, path: Path, labels):
    saved = doc["labels"]
    if labels is not None and set(map(str, labels)) != set(map(str, saved)):
        missing = sorted(set(map(str, labels)) - set(map(str, saved)))
        extra = sorted(set(map(str, saved)) - set(map(str, labels)))
        raise ValueError(
            f"{path}: the classifier was trained on the labels {saved} (framing "
            f"{doc.get('framing_version')}), not on the expected {list(labels)} "
            f"(missing {missing}, unexpected {extra}); use a classifier trained on this "
            "coding scheme or refit it"
        )
    params = dict(doc["params"])
    for key in ("ngram_range", "subwords"):
        params[key] = tuple(params[key]) if params[key] is not None else None
    dictionary_state = doc["dictionary"]
    if params.get("dictionary") == "<custom>":
        d = _decode_state(dictionary_state)
        params["dictionary"] = pd.DataFrame(
            {"term": d["terms"], "category": d["categories"], "weight": d["weights"]}
        )
    clf = cls(**params)
    clf.classes_ = np.asarray(saved)
    clf.y_kind_ = doc["y_kind"]
    if clf.y_kind_ not in Y_KINDS:
        raise ValueError(f"unknown y_kind {clf.y_kind_!r}")
    clf.multilabel_ = clf.y_kind_ != "labels"
    clf.C_ = float(doc["C"])
    clf.cv_score_ = float(doc["cv_score"])
    clf.n_samples_fit_ = int(doc["n_samples_fit"])
    clf.ngrams_ = NgramTfidf.from_state(_decode_state(doc["ngrams"]))
    clf.subwords_ = (
        None if doc["subwords"] is None else SubwordTfidf.from_state(_decode_state(doc["subwords"]))
    )
    clf.dictionary_ = (
        None
        if dictionary_state is None
        else DictionaryScores.from_state(_decode_state(dictionary_state))
    )
    clf.coef_ = _decode(doc["coef"])
    clf.intercept_ = _decode(doc["intercept"])
    clf.calibration_coef_ = _decode(doc["calibration_coef"])
    clf.calibration_intercept_ = _decode(doc["calibration_intercept"])
    clf.thresholds_ = None if doc["thresholds"] is None else _decode(doc["thresholds"])
    clf.prior_ = _decode(doc["prior"])
    k = len(saved)
    n_features = len(clf.ngrams_.vocabulary) + (
        len(clf.subwords_.vocabulary) if clf.subwords_ else 0
    )
    n_features += len(clf.dictionary_.frames) if clf.dictionary_ else 0
    if (
        clf.coef_.shape != (k, n_features)
        or clf.intercept_.shape != (k,)
        or clf.prior_.shape != (k,)
    ):
        raise ValueError(
            f"weights of shape {clf.coef_.shape} do not fit {k} labels and {n_features} features"
        )
    return clf


def _encode(a: np.ndarray) -> dict:
    a = np.ascontiguousarray(a, dtype="<f8")
    return {"shape": list(a.shape), "float64": base64.b64encode(a.tobytes()).decode("ascii")}


def _decode(d: dict) -> np.ndarray:
    buf = base64.b64decode(d["float64"], validate=True)
    shape = tuple(int(s) for s in d["shape"])
    if len(buf) != 8 * int(np.prod(shape)):
        raise ValueError(f"array of shape {shape} has {len(buf)} bytes")
    return np.frombuffer(buf, dtype="<f8").reshape(shape).astype(float)


def _encode_state(state: dict) -> dict:
    return {k: _encode(v) if isinstance(v, np.ndarray) else v for k, v in state.items()}


def _decode_state(state: dict) -> dict:
    return {
        k: _decode(v) if isinstance(v, dict) and "float64" in v else v for k, v in state.items()
    }
