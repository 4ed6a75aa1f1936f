"""Throughput and peak memory of framing's analyses, against reference tools.

Every measurement runs in a fresh Python process: the process loads what the
step needs (untimed), then times the step and reports its wall time, the
resident memory before it and the high-water mark of the whole process
(``resource.getrusage(...).ru_maxrss``), so memory figures are honest about
everything the step keeps alive. References (vaderSentiment, NLTK's VADER,
scikit-learn's ``CountVectorizer``, Scattertext) run on the same texts in the
same run, and the goals are reported as ratios between rows of one run.

Run from the repository root::

    python benchmarks/run.py [--sizes 10000 100000] [--quick] [--repeats 1]
        [--only NAME ...] [--data benchmarks/data]

Corpora come from ``benchmarks/generate.py`` (made on the fly when missing).
Prints a table and writes ``benchmarks/results/<date>.json`` and ``.md``.

Adding a row is one decorated function: ``@bench("name", "what it times")``
returning the zero-argument callable to time (see the registry below).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import resource
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# FRAMING_ROOT (set by --code) times another checkout's framing, e.g. main's,
# with this runner, for before/after figures.
CODE = Path(os.environ.get("FRAMING_ROOT", ROOT))
sys.path.insert(0, str(CODE))
DATA = ROOT / "benchmarks" / "data"
RESULTS = ROOT / "benchmarks" / "results"
N_RESAMPLES = 1000


# -- what the steps run on --------------------------------------------------------


class Data:
    """The corpus of one size, loaded lazily (the loading is never timed
    unless it is the step)."""

    def __init__(self, path: Path):
        self.path = path

    @cached_property
    def corpus(self):
        from framing import load_corpus

        return load_corpus(self.path)

    @cached_property
    def segmented(self):
        """The corpus with its sentences found (shared by every analysis)."""
        self.corpus.sentences()
        return self.corpus

    @cached_property
    def sentence_texts(self) -> list[str]:
        return self.segmented.sentences()["text"].tolist()

    @cached_property
    def article_texts(self) -> list[str]:
        """Headline and body of each article, as the analyses see them."""
        arts = self.corpus.articles
        return [f"{t}\n\n{x}" for t, x in zip(arts["title"], arts["text"])]

    @cached_property
    def frame(self):
        import pandas as pd

        return pd.read_json(self.path, lines=True)


# -- the registry -------------------------------------------------------------------


@dataclass
class Bench:
    name: str
    what: str
    kind: str  # "ours" or "reference"
    prepare: Callable[[Data], Callable[[], object]]


BENCHES: dict[str, Bench] = {}


def bench(name: str, what: str, kind: str = "ours"):
    """Register ``prepare(data) -> step``: ``step()`` is what gets timed."""

    def register(prepare):
        BENCHES[name] = Bench(name, what, kind, prepare)
        return prepare

    return register


# references


@bench("vaderSentiment", "vaderSentiment 3.3.2 on every sentence", "reference")
def _vader_reference(data):
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    texts, analyzer = data.sentence_texts, SentimentIntensityAnalyzer()
    return lambda: [analyzer.polarity_scores(t) for t in texts]


@bench("nltk_vader", "NLTK's VADER on every sentence", "reference")
def _nltk_reference(data):
    from validation.vader_correlations import nltk_analyzer

    texts, analyzer = data.sentence_texts, nltk_analyzer()
    if analyzer is None:
        raise Skip("NLTK's VADER does not load offline here")
    return lambda: [analyzer.polarity_scores(t) for t in texts]


@bench("CountVectorizer", "scikit-learn CountVectorizer().fit_transform(articles)", "reference")
def _count_vectorizer(data):
    from sklearn.feature_extraction.text import CountVectorizer

    texts = data.article_texts
    return lambda: CountVectorizer().fit_transform(texts)


@bench("scattertext", "Scattertext CorpusFromPandas(...).build(), whitespace parser", "reference")
def _scattertext(data):
    try:
        import scattertext as st
    except ImportError as exc:
        raise Skip(f"scattertext is not installed ({exc})") from None
    frame = data.frame
    return lambda: st.CorpusFromPandas(
        frame, category_col="outlet", text_col="text", nlp=st.whitespace_nlp_with_sentences
    ).build()


# ours


@bench("load_corpus", "load_corpus(jsonl): read, clean, check")
def _load(data):
    from framing import load_corpus

    return lambda: load_corpus(data.path)


@bench("sentences", "corpus.sentences(): segmentation of headlines and bodies")
def _sentences(data):
    corpus = data.corpus
    return corpus.sentences


@bench("score_sentiment", "score_sentiment(all sentences)")
def _score(data):
    from framing.measures.sentiment import score_sentiment

    texts = data.sentence_texts
    return lambda: score_sentiment(texts)


@bench("sentiment_profile", "sentiment_profile(level='article'), scoring included")
def _profile(data):
    from framing.measures.sentiment import sentiment_profile

    corpus = data.segmented
    return lambda: sentiment_profile(corpus, level="article")


@bench("distinctive_terms", f"distinctive_terms, unigrams, {N_RESAMPLES} resamples")
def _terms(data):
    from framing.measures.terms import distinctive_terms

    corpus = data.segmented
    return lambda: distinctive_terms(corpus, n_resamples=N_RESAMPLES, random_state=0)


@bench("distinctive_terms_within", f"distinctive_terms within events (the day of the date), {N_RESAMPLES} resamples")
def _terms_within(data):
    from framing import load_corpus
    from framing.measures.terms import distinctive_terms

    # the generated articles have no event column: their day stands in (28 days, so 28
    # events of about n / 28 articles, each covered by most of the ten outlets)
    arts = data.corpus.articles
    corpus = load_corpus(arts.assign(event=arts["date"].astype(str).str[:10]))
    corpus.sentences()
    return lambda: distinctive_terms(corpus, within="event", n_resamples=N_RESAMPLES, random_state=0)


@bench("distinctive_terms_12", f"distinctive_terms, ngram_range=(1, 2), {N_RESAMPLES} resamples")
def _terms12(data):
    from framing.measures.terms import distinctive_terms

    corpus = data.segmented
    return lambda: distinctive_terms(
        corpus, ngram_range=(1, 2), n_resamples=N_RESAMPLES, random_state=0
    )


@bench("loaded_language", f"loaded_language (emotive lexicon), {N_RESAMPLES} resamples")
def _loaded(data):
    from framing.measures.loaded import loaded_language

    corpus = data.segmented
    return lambda: loaded_language(corpus, n_resamples=N_RESAMPLES, random_state=0)


@bench("emotive_terms", f"emotive_terms with the rafah actors, {N_RESAMPLES} resamples")
def _emotive(data):
    from framing.datasets import load_example_lists
    from framing.measures.loaded import emotive_terms

    corpus = data.segmented
    actors, _ = load_example_lists("rafah")
    return lambda: emotive_terms(corpus, actors, n_resamples=N_RESAMPLES, random_state=0)


@bench("article_features", "article_features(corpus): every per-article measure")
def _features(data):
    from framing.features import article_features

    corpus = data.segmented
    return lambda: article_features(corpus)


@bench("label_choices", f"label_choices with the rafah concepts, {N_RESAMPLES} resamples")
def _labels(data):
    from framing.datasets import load_example_lists
    from framing.measures.labels import label_choices

    corpus = data.segmented
    _, concepts = load_example_lists("rafah")
    return lambda: label_choices(corpus, concepts, n_resamples=N_RESAMPLES, random_state=0)


@bench("compare", f"compare(corpus, actors, concepts): every analysis, {N_RESAMPLES} resamples")
def _compare(data):
    from framing.comparison import compare
    from framing.datasets import load_example_lists

    corpus = data.segmented
    actors, concepts = load_example_lists("rafah")
    return lambda: compare(
        corpus, actors, concepts, n_resamples=N_RESAMPLES, random_state=0, progress=False
    )


@bench("stream", "analyze_stream of the file in chunks of 2,000 articles, 2 processes: every feature and term sum")
def _stream(data):
    return _streamed(data, include=None)


@bench("stream_sentiment", "the same with length and sentiment features only (include=length, sentiment) and term sums")
def _stream_sentiment(data):
    return _streamed(data, include=("length", "sentiment"))


def _streamed(data, include):
    from framing import load_corpus
    from framing.stream import analyze_stream

    # the file is read in the timed step; nothing of it is loaded before
    return lambda: analyze_stream(load_corpus(data.path, chunksize=2000), include=include, n_jobs=2,
                                  progress=False)


@bench("pipeline_1proc", "segmentation + sentence sentiment, corpus in 2 halves, 1 process")
def _pipeline1(data):
    return _halves(data, n_jobs=1)


@bench("pipeline_2proc", "segmentation + sentence sentiment, corpus in 2 halves, 2 processes")
def _pipeline2(data):
    return _halves(data, n_jobs=2)


def _per_article(articles):
    """Segment and score one part of a corpus (what each worker would do)."""
    from framing.corpus import Corpus
    from framing.measures.sentiment import score_sentiment

    sents = Corpus(articles).sentences()
    return score_sentiment(sents["text"])["compound"].sum()


def _halves(data, n_jobs: int):
    from joblib import Parallel, delayed

    arts = data.corpus.articles
    half = len(arts) // 2
    parts = [arts.iloc[:half], arts.iloc[half:]]
    pool = Parallel(n_jobs=n_jobs, backend="loky")
    # start the workers and import framing in them before timing
    warm = arts.iloc[:2]
    pool(delayed(_per_article)(warm) for _ in parts)
    return lambda: pool(delayed(_per_article)(p) for p in parts)


# -- goals: ratios between rows of one run -------------------------------------------


@dataclass
class Goal:
    label: str
    ours: str
    reference: str
    target: float  # ours' throughput / reference's throughput must reach this


GOALS = [
    Goal("sentence sentiment vs vaderSentiment (throughput ratio)", "score_sentiment", "vaderSentiment", 1.0),
    Goal("article_features vs vaderSentiment", "article_features", "vaderSentiment", 1.0),
    Goal("sentiment_profile(article) vs vaderSentiment", "sentiment_profile", "vaderSentiment", 1.0),
    Goal("distinctive_terms vs CountVectorizer (>= 1/3)", "distinctive_terms", "CountVectorizer", 1 / 3),
    Goal("distinctive_terms within events vs CountVectorizer", "distinctive_terms_within", "CountVectorizer", 1 / 3),
    Goal("distinctive_terms (1,2) vs CountVectorizer", "distinctive_terms_12", "CountVectorizer", 1 / 3),
    Goal("2 processes vs 1 process", "pipeline_2proc", "pipeline_1proc", 1.7),
    Goal("streamed vs in memory (per-article work and term sums)", "stream", "article_features", float("nan")),
    Goal("scattertext vs distinctive_terms (theirs / ours)", "scattertext", "distinctive_terms", float("nan")),
]


# -- measuring ------------------------------------------------------------------------


class Skip(Exception):
    """A step that cannot run here (missing optional package)."""


def _rss_mib(pid: int | str = "self") -> float:
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:  # the process ended meanwhile
        return 0.0
    return float("nan")


def _descendants(root: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as f:
                    ppid = int(f.read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry))
    out, todo = [], [root]
    while todo:
        kids = children.get(todo.pop(), [])
        out += kids
        todo += kids
    return out


class TreePeak(threading.Thread):
    """Highest resident memory of this process and its worker processes together,
    sampled every ``interval`` seconds (``ru_maxrss`` only knows the largest single
    child, not the sum of parallel workers)."""

    def __init__(self, interval: float = 0.2):
        super().__init__(daemon=True)
        self.interval, self.peak = interval, 0.0
        self._stop_event = threading.Event()

    def run(self) -> None:
        me = os.getpid()
        while not self._stop_event.is_set():
            total = _rss_mib() + sum(_rss_mib(pid) for pid in _descendants(me))
            self.peak = max(self.peak, total)
            self._stop_event.wait(self.interval)

    def stop(self) -> float:
        self._stop_event.set()
        self.join()
        return self.peak


MAX_GIB = 16  # address-space limit of a measuring process: a MemoryError, not the OOM killer


def worker(name: str, path: Path) -> dict:
    """Runs in the child process: prepare, time, report."""
    limit = MAX_GIB * 2**30
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    data = Data(path)
    try:
        step = BENCHES[name].prepare(data)
    except Skip as exc:
        return {"skipped": str(exc)}
    import gc

    gc.collect()
    before = _rss_mib()
    tree = TreePeak()
    tree.start()
    cpu0 = _cpu_seconds()
    t0 = time.perf_counter()
    try:
        step()
    except MemoryError:
        return {"error": f"MemoryError: more than {MAX_GIB} GiB of address space"}
    seconds = time.perf_counter() - t0
    tree_peak = tree.stop()
    cpu = _cpu_seconds() - cpu0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {
        "seconds": seconds,
        "cpu_seconds": cpu,
        "rss_before_mib": before,
        "peak_mib": max(peak, children, tree_peak),
        "peak_self_mib": peak,
        "peak_tree_mib": tree_peak,
    }


def _cpu_seconds() -> float:
    """User + system time of this process and its finished children."""
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def measure(name: str, path: Path, repeats: int) -> dict:
    """Best of ``repeats`` fresh processes (the highest peak is kept)."""
    runs = []
    for _ in range(repeats):
        proc = subprocess.run(
            [sys.executable, __file__, "--worker", name, "--path", str(path)],
            capture_output=True,
            text=True,
            env={**os.environ, "PYTHONWARNINGS": "ignore", "FRAMING_ROOT": str(CODE)},
        )
        if proc.returncode != 0:
            tail = proc.stderr.strip().splitlines()[-3:]
            return {"error": " | ".join(tail)}
        res = json.loads(proc.stdout.strip().splitlines()[-1])
        if "skipped" in res or "error" in res:
            return res
        runs.append(res)
    best = min(runs, key=lambda r: r["seconds"])
    return {**best, "peak_mib": max(r["peak_mib"] for r in runs), "runs": [r["seconds"] for r in runs]}


def ensure_data(n: int, folder: Path) -> Path:
    path = folder / f"articles-{n}.jsonl"
    if not path.exists():
        subprocess.run(
            [sys.executable, str(ROOT / "benchmarks" / "generate.py"), "--sizes", str(n),
             "--out", str(folder), "--formats", "jsonl"],
            check=True,
        )
    return path


# -- reporting ---------------------------------------------------------------------------


def _fmt(x: float, digits: int = 0) -> str:
    return "" if x != x else f"{x:,.{digits}f}"


def _ratio(ours: dict, ref: dict, wall_only: bool) -> str:
    """Wall-time ratio, with the CPU-time ratio in brackets (steadier on a
    shared machine; meaningless across processes)."""
    if "seconds" not in ours or "seconds" not in ref:
        return "-"
    out = f"{ref['seconds'] / ours['seconds']:.2f}x"
    if not wall_only and ours.get("cpu_seconds") and ref.get("cpu_seconds"):
        out += f" ({ref['cpu_seconds'] / ours['cpu_seconds']:.2f}x)"
    return out


def markdown(results: dict) -> str:
    lines = []
    sizes = results["sizes"]
    lines.append("| step | kind | " + " | ".join(f"{n:,} art/s | peak MiB" for n in sizes) + " |")
    lines.append("| --- | --- | " + " | ".join("---: | ---:" for _ in sizes) + " |")
    for name, b in BENCHES.items():
        if not any(name in results["runs"][str(n)] for n in sizes):
            continue
        cells = []
        for n in sizes:
            r = results["runs"][str(n)].get(name, {})
            if "seconds" in r:
                cells.append(f"{_fmt(n / r['seconds'])} | {_fmt(r['peak_mib'])}")
            else:
                cells.append(f"{'skipped' if 'skipped' in r else '-'} | ")
        lines.append(f"| `{name}` | {b.kind} | " + " | ".join(cells) + " |")
    lines.append("")
    lines.append("| goal: throughput ratio | target | " + " | ".join(f"{n:,}" for n in sizes) + " |")
    lines.append("| --- | ---: | " + " | ".join("---:" for _ in sizes) + " |")
    for g in GOALS:
        cells = []
        for n in sizes:
            run = results["runs"][str(n)]
            a, b = run.get(g.ours, {}), run.get(g.reference, {})
            cells.append(_ratio(a, b, g.reference.startswith("pipeline")))
        if any(c != "-" for c in cells):
            lines.append(f"| {g.label} | {_fmt(g.target, 2) or 'info'} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def _commit(path: Path) -> str:
    proc = subprocess.run(
        ["git", "-C", str(path), "rev-parse", "--short", "HEAD"], capture_output=True, text=True
    )
    return proc.stdout.strip()


def compare(before: Path, after: Path) -> str:
    """Markdown table of two result files: throughput and peak memory, before
    and after, with the speed-up (from wall times and, in brackets, CPU times)."""
    a, b = json.loads(before.read_text()), json.loads(after.read_text())
    lines = [
        f"before: {a.get('commit', '?')} ({a['date']}), after: {b.get('commit', '?')} ({b['date']})",
        "",
        "| articles | step | before art/s | after art/s | speed-up | before peak MiB | after peak MiB |",
        "| ---: | --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for n, run in b["runs"].items():
        for name, r in run.items():
            old = a["runs"].get(n, {}).get(name, {})
            if "seconds" not in r or "seconds" not in old or BENCHES.get(name, Bench(name, "", "ours", None)).kind != "ours":
                continue
            speed = f"{old['seconds'] / r['seconds']:.2f}x"
            if old.get("cpu_seconds") and r.get("cpu_seconds") and not name.endswith("proc"):
                speed += f" ({old['cpu_seconds'] / r['cpu_seconds']:.2f}x)"
            lines.append(
                f"| {int(n):,} | `{name}` | {_fmt(int(n) / old['seconds'])} | {_fmt(int(n) / r['seconds'])} "
                f"| {speed} | {_fmt(old['peak_mib'])} | {_fmt(r['peak_mib'])} |"
            )
    return "\n".join(lines)


def machine() -> dict:
    load = os.getloadavg()
    return {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "processor": _cpu_model(),
        "load_average": [round(x, 2) for x in load],
    }


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor()


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    ap.add_argument("--quick", action="store_true", help="2,000 articles, one repeat")
    ap.add_argument("--repeats", type=int, default=1, help="fresh processes per step (best kept)")
    ap.add_argument("--only", nargs="+", choices=sorted(BENCHES), help="run these steps only")
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--out", type=Path, default=RESULTS)
    ap.add_argument(
        "--code", type=Path, help="time the framing package of this checkout instead (before/after)"
    )
    ap.add_argument(
        "--compare", type=Path, nargs=2, metavar=("BEFORE", "AFTER"),
        help="print a before/after table of two result files and stop",
    )
    ap.add_argument("--worker", help=argparse.SUPPRESS)
    ap.add_argument("--path", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.worker:
        print(json.dumps(worker(args.worker, args.path)))
        return
    if args.compare:
        print(compare(*args.compare))
        return
    if args.code:
        global CODE
        CODE = args.code.resolve()
    sizes = [2000] if args.quick else args.sizes
    names = args.only or list(BENCHES)
    results = {
        "date": dt.datetime.now().isoformat(timespec="seconds"),
        "machine": machine(),
        "n_resamples": N_RESAMPLES,
        "code": str(CODE),
        "commit": _commit(CODE),
        "sizes": sizes,
        "runs": {},
    }
    for n in sizes:
        path = ensure_data(n, args.data)
        run = results["runs"][str(n)] = {}
        for name in names:
            res = measure(name, path, args.repeats)
            run[name] = res
            if "seconds" in res:
                msg = (f"{n / res['seconds']:10,.0f} art/s  {res['seconds']:8.2f} s  "
                       f"peak {res['peak_mib']:7,.0f} MiB (before {res['rss_before_mib']:,.0f})")
            else:
                msg = res.get("skipped") or res.get("error")
            print(f"{n:>9,}  {name:<22} {msg}", flush=True)
    results["machine"]["load_average_end"] = [round(x, 2) for x in os.getloadavg()]
    table = markdown(results)
    print()
    print(table)
    args.out.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y-%m-%d-%H%M")
    (args.out / f"{stamp}.json").write_text(json.dumps(results, indent=1))
    (args.out / f"{stamp}.md").write_text(table + "\n")
    print(f"\nwritten {args.out / stamp}.json and .md")


if __name__ == "__main__":
    main()
