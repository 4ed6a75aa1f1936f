"""The report's sentence explorer, its paper tables and its atomic output."""

import json
import re
import shutil
import subprocess
from types import SimpleNamespace

import numpy as np
import pandas as pd
import pytest

import framing
from framing import report as report_module
from framing.report import explorer_data, latex_table, markdown_table

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--host-resolver-rules=MAP * ~NOTFOUND"]

HOSTILE = "Ex</script><img src=x onerror=alert(1)>"


@pytest.fixture(scope="module")
def result():
    docs = [
        {"outlet": "North Star", "text": "Police clashed with protesters downtown. The protesters marched on. "
                                         "Officials praised the police."},
        {"outlet": "North Star", "text": "Protesters gathered again. Police watched the square."},
        {"outlet": HOSTILE, "text": "Demonstrators were dispersed. A protester was hurt. "
                                    "Critics said <b>police</b> & officials erred."},
        {"outlet": HOSTILE, "text": "The protest ended. Demonstrators went home."},
        {"outlet": "Quiet Bay", "text": "Nothing happened at the harbour. Boats came and went."},
    ]
    # each outlet's own words, in every one of its articles, so that they are distinctive
    docs += [{"outlet": "North Star", "text": f"Rioters looted shop {i}. Rioters fled. Police arrested rioters."}
             for i in range(6)]
    docs += [{"outlet": HOSTILE, "text": f"Demonstrators sang in square {i}. Demonstrators stayed calm."}
             for i in range(6)]
    docs += [{"outlet": "Quiet Bay", "text": f"Fishermen landed catch {i}. The harbour stayed calm."}
             for i in range(6)]
    return framing.compare(framing.load_corpus(docs), n_resamples=20, random_state=0)


def test_explorer_data_keeps_every_sentence_once_and_caps_per_outlet(result):
    data = explorer_data(result)
    assert data["outlets"] == result.groups
    assert sum(len(s) for s in data["sentences"]) == len(result.corpus.sentences())
    capped = explorer_data(result, max_sentences=2)
    assert [len(s) for s in capped["sentences"]] == [2, 2, 2]  # of 7 articles each
    assert capped["totals"] == [len(s) for s in data["sentences"]]
    capped = explorer_data(result, max_sentences=1)
    # every article's first sentence first
    firsts = result.corpus.sentences().groupby("doc_id", sort=False)["text"].first().tolist()
    assert all(s in firsts for sents in capped["sentences"] for s in sents)
    with pytest.raises(ValueError, match="max_sentences"):
        explorer_data(result, max_sentences=0)


def test_explorer_html_cannot_be_broken_by_user_text(result):
    html = result.explore()._repr_html_()
    payload = re.search(r'<script type="application/json" class="ex-data">(.*?)</script>', html, re.S).group(1)
    assert "<" not in payload and ">" not in payload and "&" not in payload
    assert HOSTILE in json.loads(payload)["outlets"]
    assert "<img src=x" not in html


def test_explorer_in_headless_chromium_search_and_click(result, tmp_path):
    if CHROMIUM is None:
        pytest.skip("Chromium is not installed")
    path = result.report(tmp_path / "report")
    page = path.read_text(encoding="utf-8")
    assert "<img src=x onerror" not in page  # the hostile outlet name is escaped everywhere
    check = """
<script>
window.addEventListener("load", () => {
  const out = {errors: window.__errors || []};
  const box = document.querySelector(".ex-q");
  box.value = "protester";
  box.dispatchEvent(new Event("input"));
  setTimeout(() => {
    out.search = Array.from(document.querySelectorAll(".ex-count")).map(c => Number(c.dataset.count));
    out.marks = Array.from(document.querySelectorAll(".ex-sent mark")).map(m => m.textContent);
    out.total = document.querySelector(".ex-summary").dataset.total;
    const row = document.querySelector("tr[data-term]");
    out.row_term = row ? row.dataset.term : null;
    if (row) { row.querySelector("td").click(); }
    out.after_click = document.querySelector(".ex-q").value;
    out.click_counts = Array.from(document.querySelectorAll(".ex-count")).map(c => Number(c.dataset.count));
    out.alerted = window.__alerted || false;
    const pre = document.createElement("pre");
    pre.id = "explorer-check";
    pre.textContent = JSON.stringify(out);
    document.body.appendChild(pre);
  }, 500);
});
</script>"""
    guard = '<script>window.__errors=[];window.addEventListener("error",e=>window.__errors.push(String(e.message)));' \
            'window.alert=()=>{window.__alerted=true;};</script>'
    checked = path.with_name("checked.html")
    checked.write_text(page.replace("<head>", "<head>" + guard, 1).replace("</body>", check + "</body>"),
                       encoding="utf-8")
    proc = subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={tmp_path / 'profile'}", "--virtual-time-budget=10000",
                           "--dump-dom", checked.as_uri()], capture_output=True, text=True, timeout=180)
    match = re.search(r'<pre id="explorer-check">(.*?)</pre>', proc.stdout, re.S)
    assert match, proc.stderr[-2000:]
    out = json.loads(match.group(1).replace("&quot;", '"').replace("&amp;", "&"))
    assert out["errors"] == [] and out["alerted"] is False
    sents = result.corpus.sentences()
    outlet = dict(zip(result.corpus.articles["doc_id"], result.corpus.articles["outlet"], strict=True))
    expected = [int(sum(bool(re.search(r"\bprotester", t, re.I)) for d, t in zip(sents["doc_id"], sents["text"],
                                                                                   strict=True) if outlet[d] == g))
                for g in result.groups]
    assert out["search"] == expected and sum(expected) == int(out["total"]) > 0
    assert {m.lower() for m in out["marks"]} <= {"protester", "protesters"}
    assert out["row_term"] is not None and out["after_click"] == out["row_term"]
    assert sum(out["click_counts"]) > 0


class FakeComparison(SimpleNamespace):
    def _summary_columns(self):
        return self.frame


def fake():
    frame = pd.DataFrame({
        "outlet": ["A & Co", "B"], "articles": [12, 1], "words": [4000, 300],
        "sentiment": [-0.1234, 0.2], "sentiment_ci_low": [-0.17, np.nan], "sentiment_ci_high": [-0.07, np.nan],
        "sentiment_p_value": [0.0123, 0.0123], "sentiment_q_value": [0.0246, 0.0246],
        "loaded_per_1000": [12.34, 5.0], "loaded_per_1000_ci_low": [10.0, 4.0],
        "loaded_per_1000_ci_high": [14.5, 6.0], "loaded_per_1000_p_value": [np.nan, np.nan],
        "loaded_per_1000_q_value": [np.nan, np.nan],
        "main_frame": pd.Series(["crime_and_punishment", None], dtype=object),
    })
    tables = {"overview": frame, "voice": pd.DataFrame()}
    tables["voice"].attrs["voice"] = "reporter"
    return FakeComparison(frame=frame, by="outlet", tables=tables, within="event", ci=0.95, n_resamples=1000,
                          corpus=[None] * 13)


CAPTION = ("Estimates per outlet with 95% percentile bootstrap intervals over articles (13 articles, 1000 resamples; "
           "voice: reporter; outlets compared inside the events of the column event and pooled across them). "
           "Tests: permutation p-value of the difference between outlets and its Benjamini-Hochberg q-value.")


def test_to_markdown_known_answer():
    assert markdown_table(fake()) == (
        "| outlet | articles | sentiment | loaded per 1000 | main frame |\n"
        "| --- | --- | --- | --- | --- |\n"
        "| A & Co | 12 | -0.12 [-0.17, -0.07] | 12.3 [10.0, 14.5] | crime and punishment |\n"
        "| B | 1 | 0.20 | 5.0 [4.0, 6.0] | – |\n"
        "| outlets differ: p (q) |  | 0.0123 (0.0246) | no test possible |  |\n"
        "\n" + CAPTION + "\n"
    )


def test_to_latex_known_answer():
    assert latex_table(fake()) == "\n".join([
        r"\begin{table}[ht]",
        r"\centering",
        r"\caption{" + CAPTION.replace("%", r"\%") + "}",
        r"\begin{tabular}{lllll}",
        r"\toprule",
        r"outlet & articles & sentiment & loaded per 1000 & main frame \\",
        r"\midrule",
        r"A \& Co & 12 & -0.12 [-0.17, -0.07] & 12.3 [10.0, 14.5] & crime and punishment \\",
        r"B & 1 & 0.20 & 5.0 [4.0, 6.0] & -- \\",
        r"\midrule",
        r"outlets differ: p (q) &  & 0.0123 (0.0246) & no test possible &  \\",
        r"\bottomrule",
        r"\end{tabular}",
        r"\end{table}",
        "",
    ])


def test_summary_holds_numbers_only_and_the_tests(result, tmp_path):
    s = result.summary()
    assert all(pd.api.types.is_numeric_dtype(s[c]) for c in s.columns if c != "outlet")
    assert {"sentiment", "sentiment_ci_low", "sentiment_ci_high", "sentiment_p_value", "sentiment_q_value"} <= set(s)
    path = tmp_path / "t.tex"
    assert result.to_latex(path) == path.read_text(encoding="utf-8")
    assert result.to_markdown().startswith("| outlet | articles |")


# -- atomic output ----------------------------------------------------------------------------


def test_report_replaces_the_folder_whole(result, tmp_path):
    out = tmp_path / "out"
    result.report(out)
    (out / "tables" / "stale.csv").write_text("old", encoding="utf-8")
    result.report(out)
    assert not (out / "tables" / "stale.csv").exists()  # stale files never mix with new ones
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]  # no temporary folder left


def test_a_failed_run_leaves_the_previous_report_whole(result, tmp_path, monkeypatch):
    out = tmp_path / "out"
    result.report(out)
    before = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}

    def fail(*args, **kwargs):
        raise RuntimeError("the disk is full")

    monkeypatch.setattr(report_module, "explorer_html", fail)  # midway: after the tables and charts
    with pytest.raises(RuntimeError, match="disk is full"):
        result.report(out)
    after = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert after == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_report_refuses_to_replace_a_folder_of_other_files(result, tmp_path):
    out = tmp_path / "mine"
    out.mkdir()
    (out / "thesis.docx").write_text("precious", encoding="utf-8")
    with pytest.raises(ValueError, match="holds other files and no report.html"):
        result.report(out)
    assert (out / "thesis.docx").read_text(encoding="utf-8") == "precious"


def test_the_command_writes_atomically_too(tmp_path, monkeypatch):
    from framing import cli

    out = tmp_path / "out"
    assert cli.main(["compare", "--example", "plant-closure", "--out", str(out), "--n-resamples", "20"]) == 0
    before = (out / "report.html").read_bytes()
    monkeypatch.setattr(report_module, "_png", lambda fig: (_ for _ in ()).throw(RuntimeError("crash")))
    with pytest.raises(RuntimeError, match="crash"):
        cli.main(["compare", "--example", "plant-closure", "--out", str(out), "--n-resamples", "20"])
    assert (out / "report.html").read_bytes() == before
