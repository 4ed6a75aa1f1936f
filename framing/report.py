"""The report of a :class:`~framing.comparison.Comparison`: charts, CSV tables and one HTML page.

The page is laid out by the template ``templates/report.html.j2`` from the
registry (:data:`framing.analyses.ANALYSES`): one section per analysis that
ran, with its charts and method note. Nothing here computes a statistic; the
numbers come from the comparison's tables.
"""

from __future__ import annotations

import base64
import io
import json
import os
import re
import secrets
import shutil
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from statistics import NormalDist
from typing import Any

import matplotlib
import matplotlib.pyplot as plt
import pandas as pd
from jinja2 import Environment
from matplotlib.colors import to_hex

from ._version import __version__
from .analyses import ANALYSES, REFERENCES
from .plot import outlet_colors

__all__ = ["Explorer", "comparison_html", "explorer_html", "latex_table", "markdown_table", "safe_cell",
           "write_csv", "write_report"]

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
    """A table as the template draws it: column names, formatted cells, whether rows were cut.

    A table with a ``term`` column names each row's term (``terms``): the
    report makes those rows open the term's sentences in the explorer.
    """
    shown = frame.head(max_rows)
    return {
        "columns": [{"name": str(c), "long": str(c) in _LONG_COLUMNS} for c in shown.columns],
        "rows": [[_cell(v) for v in row] for row in shown.itertuples(index=False, name=None)],
        "terms": [str(t) for t in shown["term"]] if "term" in shown.columns else None,
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


# -- the explorer ------------------------------------------------------------------------------


class Explorer:
    """The sentence explorer of a comparison, shown inline by Jupyter (``_repr_html_``)."""

    def __init__(self, html: str):
        self.html = html

    def _repr_html_(self) -> str:
        return self.html

    def __repr__(self) -> str:
        return "Explorer (display it in Jupyter, or write .html to a file and open it in a browser)"


def _script_json(obj: Any) -> str:
    """JSON safe inside a <script> element: no "<", ">", "&" or line separators can end or break it."""
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
    for ch, esc in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"),
                    ("\u2029", "\\u2029")):
        text = text.replace(ch, esc)
    return text


def explorer_data(c, max_sentences: int = 2000, top_terms: int = 10) -> dict[str, Any]:
    """What the explorer searches: up to ``max_sentences`` sentences per outlet, stored once.

    An outlet with more sentences keeps every article's first sentences
    first (headline and lede of every article, then the next sentence of
    every article, ...), so that every article is represented. Also the
    outlets' colours, their most distinctive terms (from the ``terms``
    table, house style left out) and the names and labels of the actors and
    concepts (searching a name finds them all).
    """
    if max_sentences < 1:
        raise ValueError(f"max_sentences must be a positive integer, got {max_sentences!r}")
    sents = c.corpus.sentences()
    outlet = dict(zip(c.corpus.articles["doc_id"], c.corpus.articles[c.by].astype(str), strict=False))
    frame = pd.DataFrame({"doc": sents["doc_id"].to_numpy(), "text": sents["text"].astype(str).to_numpy()})
    frame["outlet"] = frame["doc"].map(outlet)
    frame["rank"] = frame.groupby("doc", sort=False).cumcount()
    frame["order"] = range(len(frame))
    groups = list(c.groups)
    kept, totals = [], []
    for g in groups:
        part = frame[frame["outlet"] == g]
        totals.append(len(part))
        kept.append(part.sort_values(["rank", "order"], kind="stable")["text"].head(max_sentences).tolist()
                    if len(part) > max_sentences else part["text"].tolist())
    terms: list[list[str]] = [[] for _ in groups]
    if "terms" in c.tables:
        t = _top_terms(c, top_terms)
        for i, g in enumerate(groups):
            terms[i] = t.loc[t[c.by].astype(str) == g, "term"].astype(str).tolist()
    aliases: dict[str, list[str]] = {}
    for mapping in (c.actors or {}, c.concepts or {}):
        for name, names in mapping.items():
            aliases[str(name).lower()] = list(dict.fromkeys([str(name), *map(str, names)]))
    colors = outlet_colors(groups, c.palette)
    return {"outlets": groups, "colors": [to_hex(colors[g]) for g in groups], "sentences": kept,
            "totals": totals, "terms": terms, "aliases": aliases}


def explorer_html(c, max_sentences: int = 2000) -> str:
    """The explorer as an HTML fragment (for the report and for Jupyter)."""
    data = explorer_data(c, max_sentences=max_sentences)
    cut = [(g, n) for g, k, n in zip(data["outlets"], data["sentences"], data["totals"], strict=True) if len(k) < n]
    note = (f"Up to {max_sentences:,} sentences per {c.by} are searched (every article's first sentences first); "
            + ", ".join(f"{g}: {max_sentences:,} of {n:,}" for g, n in cut) + ".") if cut else \
        f"Every sentence of every {c.by} is searched."
    uid = f"framing-explorer-{secrets.token_hex(4)}"
    return _template("explorer.html.j2").render(uid=uid, uid_json=json.dumps(uid), data=_script_json(data),
                                                kept_note=note)


def _digits(values: pd.Series) -> int:
    """Decimals for a measure: one for numbers of ten or more (rates per 1,000 words), else two."""
    finite = values.dropna().abs()
    return 1 if len(finite) and finite.max() >= 10 else 2


def paper_table(c) -> tuple[pd.DataFrame, list[str] | None]:
    """The summary as text: per outlet "estimate [low, high]" per measure, and a row of the tests.

    The test row holds, under each measure, the permutation p-value of the
    difference between outlets with its q-value in parentheses, "no test
    possible" where there was none (None when no measure was tested).

    Built from the registry's summary columns (``x``, ``x_ci_low``,
    ``x_ci_high``, ``x_p_value``, ``x_q_value``); text columns (distinctive
    terms, main frame) follow the estimates.
    """
    full = c._summary_columns()
    by = c.by
    cols = list(full.columns)
    estimates = [x for x in cols if f"{x}_ci_low" in cols]
    texts = [x for x in cols if x != by and not pd.api.types.is_numeric_dtype(full[x])]
    table = pd.DataFrame({by: full[by], "articles": full["articles"].astype("Int64").astype(str)})
    tests = []
    for x in estimates:
        d = _digits(full[x])
        cells = []
        for est, lo, hi in zip(full[x], full[f"{x}_ci_low"], full[f"{x}_ci_high"], strict=True):
            if pd.isna(est):
                cells.append("–")
            elif pd.isna(lo) or pd.isna(hi):
                cells.append(f"{est:.{d}f}")
            else:
                cells.append(f"{est:.{d}f} [{lo:.{d}f}, {hi:.{d}f}]")
        name = x.replace("_", " ")
        table[name] = cells
        p = full[f"{x}_p_value"].iloc[0] if f"{x}_p_value" in cols and len(full) else None
        q = full[f"{x}_q_value"].iloc[0] if f"{x}_q_value" in cols and len(full) else None
        tests.append("" if p is None else "no test possible" if pd.isna(p)
                     else f"{p:.3g} ({q:.3g})" if q is not None and pd.notna(q) else f"{p:.3g}")
    for x in texts:
        values = full[x].astype("string").fillna("–")
        table[x.replace("_", " ")] = values.str.replace("_", " ") if x == "main_frame" else values
    test_row = [f"{_groups_word(by)} differ: p (q)", ""] + tests + [""] * len(texts)
    return table, (test_row if any(tests) else None)



def caption(c) -> str:
    """The paper table's caption: articles, confidence level, resamples, voice and events."""
    voices = {str(t.attrs["voice"]) for t in c.tables.values() if "voice" in getattr(t, "attrs", {})}
    voice = ", ".join(sorted(voices)) if voices else "all"
    within = (f"compared inside the events of the column {c.within} and pooled across them" if c.within
              else "compared over all their articles")
    groups = _groups_word(c.by)
    return (f"Estimates per {c.by} with {100 * c.ci:g}% percentile bootstrap intervals over articles "
            f"({len(c.corpus)} articles, {c.n_resamples} resamples; voice: {voice}; {groups} {within}). "
            f"Tests: permutation p-value of the difference between {groups} and its Benjamini-Hochberg q-value.")


def _groups_word(by: str) -> str:
    """The compared groups in prose: "outlets", or "groups of bias" for another column."""
    return "outlets" if by == "outlet" else f"groups of {by}"


_LATEX_SPECIAL = {"\\": r"\textbackslash{}", "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#", "_": r"\_",
                  "{": r"\{", "}": r"\}", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}"}


def _tex(text: Any) -> str:
    out = "".join(_LATEX_SPECIAL.get(ch, ch) for ch in str(text))
    return out.replace("–", "--")


def latex_table(c) -> str:
    """See :meth:`framing.comparison.Comparison.to_latex`."""
    table, tests = paper_table(c)
    lines = [r"\begin{table}[ht]", r"\centering", f"\\caption{{{_tex(caption(c))}}}",
             r"\begin{tabular}{l" + "l" * (table.shape[1] - 1) + "}", r"\toprule",
             " & ".join(_tex(x) for x in table.columns) + r" \\", r"\midrule"]
    lines += [" & ".join(_tex(v) for v in row) + r" \\" for row in table.itertuples(index=False)]
    if tests:
        lines += [r"\midrule", " & ".join(_tex(v) for v in tests) + r" \\"]
    lines += [r"\bottomrule", r"\end{tabular}", r"\end{table}", ""]
    return "\n".join(lines)


def _md(text: Any) -> str:
    return str(text).replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def markdown_table(c) -> str:
    """See :meth:`framing.comparison.Comparison.to_markdown`."""
    table, tests = paper_table(c)
    rows = [list(table.columns), ["---"] * table.shape[1], *[list(r) for r in table.itertuples(index=False)]]
    rows += [tests] if tests else []
    text = "\n".join("| " + " | ".join(_md(v) for v in row) + " |" for row in rows)
    return f"{text}\n\n{_md(caption(c))}\n"


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


def write_report(c, out: Path, max_sentences: int = 2000) -> Path:
    """See :meth:`framing.comparison.Comparison.report`.

    Everything is written into a new folder beside ``out`` and swapped in
    when complete: a reader never sees new tables beside an old
    ``report.html``, files of an earlier report never stay among the new
    ones, and a run that fails leaves the previous report whole. An existing
    ``out`` is replaced only when it is empty or holds a framing report
    (its ``report.html``), so a folder of other files is never deleted.
    """
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise ValueError(f"the report folder {str(out)!r} exists and is not a folder")
    if out.is_dir() and any(out.iterdir()) and not (out / "report.html").is_file():
        raise ValueError(f"the report folder {str(out)!r} holds other files and no report.html; "
                         "choose a new or empty folder (it is replaced as a whole)")
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.partial-{os.getpid()}-{secrets.token_hex(3)}")
    tmp.mkdir()
    try:
        _write_files(c, tmp, max_sentences)
        _swap(tmp, out)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return out / "report.html"


def _swap(new: Path, out: Path) -> None:
    """Put the folder ``new`` at ``out``: the old folder is moved aside first and removed last."""
    if not out.exists():
        os.replace(new, out)
        return
    old = out.with_name(f".{out.name}.old-{os.getpid()}-{secrets.token_hex(3)}")
    os.replace(out, old)
    try:
        os.replace(new, out)
    except BaseException:
        os.replace(old, out)  # put the previous report back
        raise
    shutil.rmtree(old, ignore_errors=True)


def _write_files(c, out: Path, max_sentences: int) -> None:
    (out / "tables").mkdir()
    (out / "charts").mkdir()
    for name, table in c.tables.items():
        write_csv(table, out / "tables" / f"{name}.csv")
    summary = c.summary()
    write_csv(summary, out / "tables" / "summary.csv")
    paper, tests = paper_table(c)
    (out / "tables" / "summary.md").write_text(markdown_table(c), encoding="utf-8")
    (out / "tables" / "summary.tex").write_text(latex_table(c), encoding="utf-8")

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
                 "tables": [{"caption": caption_, "table": table_view(c[name], max_rows=40)}
                            for name, caption_ in a.tables if name in c.tables and len(c.tables[name])],
                 "method": a.method} for a in ran if charts(a, "section")]
    cited = {key for a in ran for key in a.references}
    arts = c.corpus.articles
    synthetic = "synthetic" in arts.columns and arts["synthetic"].astype(str).str.lower().isin(["true", "1"]).all()
    skipped, dups = c.corpus.skipped, c.tables.get("duplicates", pd.DataFrame())
    summary_view = table_view(paper, max_rows=len(paper) + 1)
    if tests:
        summary_view["rows"].append(tests)
    page = _template("report.html.j2").render(
        css=(_TEMPLATES / "report.css").read_text(encoding="utf-8"),
        n_articles=len(c.corpus), n_groups=len(c.groups), by=c.by, version=__version__,
        n_resamples=c.n_resamples, within=c.within, level=f"{100 * c.ci:g}%", random_state=str(c.random_state),
        written=f"{datetime.now(UTC):%Y-%m-%d %H:%M}", synthetic=synthetic,
        summary_charts=[ch for a in ran for ch in charts(a, "summary")],
        summary=summary_view, caption=caption(c),
        top_terms=table_view(_top_terms(c), max_rows=200) if "terms" in c.tables else None,
        explorer=explorer_html(c, max_sentences=max_sentences),
        sections=sections,
        data_charts=[ch for a in ran for ch in charts(a, "data")],
        overview=table_view(c["overview"], max_rows=50),
        skipped=table_view(skipped, max_rows=200) if len(skipped) else None,
        duplicates=table_view(dups, max_rows=200) if len(dups) else None,
        boilerplate=table_view(c["boilerplate"][["outlet", "kind", "line", "n_articles", "share_of_articles"]], max_rows=60)
        if "boilerplate" in c.tables and len(c.tables["boilerplate"]) else None,
        references=[text for key, text in REFERENCES.items() if key in cited],
    )
    (out / "report.html").write_text(page, encoding="utf-8")


def _top_terms(c, top: int = 10) -> pd.DataFrame:
    """Each outlet's most distinctive terms, the rows the explorer opens.

    Terms over-used beyond the confidence level's z, house style and terms
    that rest on one article left out (as in the summary).
    """
    t = c.tables["terms"]
    t = t[(t["other"] == "rest") & (t["z"] > NormalDist().inv_cdf(1 - (1 - c.ci) / 2))]
    for flag in ("style", "rests_on_one_article"):
        if flag in t.columns:
            t = t[~t[flag].astype(bool)]
    t = t.sort_values([c.by, "z"], ascending=[True, False], kind="stable").groupby(c.by, sort=False).head(top)
    order = {g: i for i, g in enumerate(c.groups)}
    t = t.iloc[t[c.by].astype(str).map(order).argsort(kind="stable")]
    cols = [x for x in (c.by, "term", "count", "count_other", "log_odds", "z", "q_value", "rests_on_one_article")
            if x in t.columns]
    return t[cols].reset_index(drop=True)


def comparison_html(c) -> str:
    """The Jupyter view of a comparison: the summary and what else it holds."""
    paper, tests = paper_table(c)
    summary = table_view(paper, max_rows=50)
    if tests:
        summary["rows"].append(tests)
    return _template("comparison.html.j2").render(
        title=repr(c), summary=summary,
        tables=c.names, charts=c.charts,
    )
