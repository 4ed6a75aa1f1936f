"""The report of a :class:`~framing.comparison.Comparison`: charts, CSV tables and one HTML page.

The page is laid out by the template ``templates/report.html.j2`` from the
registry (:data:`framing.analyses.ANALYSES`): one section per analysis that
ran, with its charts and method note. Nothing here computes a statistic; the
numbers come from the comparison's tables.
"""

from __future__ import annotations

import base64
import io
import re
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any

import matplotlib
import matplotlib.pyplot as plt
import pandas as pd
from jinja2 import Environment

from ._version import __version__
from .analyses import ANALYSES, REFERENCES

__all__ = ["comparison_html", "safe_cell", "write_csv", "write_report"]

#: Columns of free text, wrapped in the HTML tables (all others stay on one line).
_LONG_COLUMNS = {"distinctive terms", "text", "title", "sentence", "reason", "url"}

_TEMPLATES = resources.files(__package__) / "templates"


def _environment() -> Environment:
    return Environment(autoescape=True, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)


def _template(name: str):
    return _environment().from_string((_TEMPLATES / name).read_text(encoding="utf-8"))


def _cell(value: Any) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NA:
        return "–"
    if isinstance(value, float):
        return f"{value:.3g}"
    return str(value)


def table_view(frame: pd.DataFrame, max_rows: int = 12) -> dict[str, Any]:
    """A table as the template draws it: column names, formatted cells, whether rows were cut."""
    shown = frame.head(max_rows)
    return {
        "columns": [{"name": str(c), "long": str(c) in _LONG_COLUMNS} for c in shown.columns],
        "rows": [[_cell(v) for v in row] for row in shown.itertuples(index=False, name=None)],
        "more": len(frame) > max_rows,
        "total": len(frame),
    }


#: How the report words each voice of a section's tables.
VOICE_NOTES = {
    "outlet": "the outlet's own words (outside quotation marks)",
    "quoted": "the words the outlet quotes",
    "all": "all words, quoted ones included",
}


def _voice_note(c, a) -> str:
    """Whose words a section's tables count, from the ``voice`` their measures recorded."""
    voices = list(dict.fromkeys(
        c.tables[t].attrs["voice"] for ch in a.charts for t in ch.needs
        if t in c.tables and "voice" in c.tables[t].attrs))
    if not voices:
        return ""
    return "; ".join(VOICE_NOTES.get(v, v) for v in voices) + "."


def readable_summary(summary: pd.DataFrame) -> pd.DataFrame:
    """The summary with each estimate shown once, as "estimate [low, high]"."""
    keep = [c for c in summary.columns if f"{c}_ci" not in summary.columns]
    out = summary[keep].copy()
    if "main_frame" in out.columns:
        out["main_frame"] = out["main_frame"].astype("string").str.replace("_", " ")
    out.columns = [c.removesuffix("_ci").replace("_", " ") for c in keep]
    return out


#: What a spreadsheet reads as the start of a formula (OWASP, "CSV injection").
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


def safe_cell(value: Any) -> Any:
    """A CSV cell a spreadsheet shows as text: a ``'`` before a text that would start a formula.

    Text from the articles (outlet names, titles, terms, sentences) is
    written into the CSV tables; a cell beginning with ``=``, ``+``, ``-``,
    ``@``, a tab or a carriage return would be evaluated by Excel, LibreOffice
    or Google Sheets (``=HYPERLINK(...)``, ``=cmd|...``). As OWASP
    recommends, such a cell is prefixed with a single quote, which the
    spreadsheet shows as text. A cell that is a plain number (``-0.25``) is
    kept: spreadsheets read it as a number, not a formula.

    Examples
    --------
    >>> [safe_cell(v) for v in ("=1+1", "@SUM(A1)", "-0.25", "Daily A", 3)]
    ["'=1+1", "'@SUM(A1)", '-0.25', 'Daily A', 3]
    """
    if isinstance(value, str) and value.startswith(_FORMULA_START) and not _NUMBER.fullmatch(value):
        return "'" + value
    return value


def write_csv(frame: pd.DataFrame, path: Path) -> Path:
    """Write a table as CSV (UTF-8, no index, CRLF line ends, cells with line breaks quoted),
    every text cell and column name made safe by :func:`safe_cell`."""
    out = frame.copy()
    out.columns = [safe_cell(str(c)) for c in out.columns]
    for k in range(out.shape[1]):
        column = out.iloc[:, k]
        if not (pd.api.types.is_numeric_dtype(column) or pd.api.types.is_datetime64_any_dtype(column)):
            out.isetitem(k, column.astype(object).map(safe_cell))
    # RFC 4180 line ends: a cell holding a carriage return is then quoted, so that no
    # spreadsheet splits it into a new row whose next cell could start a formula
    out.to_csv(path, index=False, lineterminator="\r\n")
    return path


def _png(fig) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=110)
    return buf.getvalue()


def write_report(c, out: Path) -> Path:
    """See :meth:`framing.comparison.Comparison.report`."""
    out.mkdir(parents=True, exist_ok=True)
    (out / "tables").mkdir(exist_ok=True)
    (out / "charts").mkdir(exist_ok=True)
    for name, table in c.tables.items():
        write_csv(table, out / "tables" / f"{name}.csv")
    summary = c.summary()
    write_csv(summary, out / "tables" / "summary.csv")

    drawn: dict[str, dict[str, str]] = {}
    with matplotlib.rc_context({"svg.fonttype": "none"}):
        for name in c.charts:
            fig = c.plot(name)
            try:
                fig.savefig(out / "charts" / f"{name}.svg")
                png = _png(fig)
                (out / "charts" / f"{name}.png").write_bytes(png)
                drawn[name] = {"name": name, "png": base64.b64encode(png).decode("ascii"),
                               "alt": f"{name.replace('_', ' ')} chart"}
            finally:
                plt.close(fig)

    def charts(a, place: str) -> list[dict[str, str]]:
        return [drawn[ch.name] for ch in a.charts if ch.place == place and ch.name in drawn]

    ran = [a for a in ANALYSES if all(getattr(c, need) is not None for need in a.needs)]
    sections = [{"anchor": a.name, "title": a.title, "question": a.question, "charts": charts(a, "section"),
                 "voice": _voice_note(c, a),
                 "tables": [{"caption": caption, "table": table_view(c[name], max_rows=40)}
                            for name, caption in a.tables if name in c.tables and len(c.tables[name])],
                 "method": a.method} for a in ran if charts(a, "section")]
    cited = {key for a in ran for key in a.references}
    arts = c.corpus.articles
    synthetic = "synthetic" in arts.columns and arts["synthetic"].astype(str).str.lower().isin(["true", "1"]).all()
    skipped, dups = c.corpus.skipped, c.tables.get("duplicates", pd.DataFrame())
    page = _template("report.html.j2").render(
        css=(_TEMPLATES / "report.css").read_text(encoding="utf-8"),
        n_articles=len(c.corpus), n_groups=len(c.groups), by=c.by, version=__version__,
        n_resamples=c.n_resamples, within=c.within, level=f"{100 * c.ci:g}%", random_state=str(c.random_state),
        written=f"{datetime.now(UTC):%Y-%m-%d %H:%M}", synthetic=synthetic,
        summary_charts=[ch for a in ran for ch in charts(a, "summary")],
        summary=table_view(readable_summary(summary), max_rows=50),
        sections=sections,
        data_charts=[ch for a in ran for ch in charts(a, "data")],
        overview=table_view(c["overview"], max_rows=50),
        skipped=table_view(skipped, max_rows=200) if len(skipped) else None,
        duplicates=table_view(dups, max_rows=200) if len(dups) else None,
        boilerplate=table_view(c["boilerplate"][["outlet", "kind", "line", "n_articles", "share_of_articles"]], max_rows=60)
        if "boilerplate" in c.tables and len(c.tables["boilerplate"]) else None,
        references=[text for key, text in REFERENCES.items() if key in cited],
    )
    path = out / "report.html"
    path.write_text(page, encoding="utf-8")
    return path


def comparison_html(c) -> str:
    """The Jupyter view of a comparison: the summary and what else it holds."""
    return _template("comparison.html.j2").render(
        title=repr(c), summary=table_view(readable_summary(c.summary()), max_rows=50),
        tables=c.names, charts=c.charts,
    )
