"""The ``framing`` command."""

from __future__ import annotations

import argparse
import re
import sys
import warnings
from collections.abc import Sequence
from pathlib import Path

from ._readers import SkippedWarning, load_corpus
from .comparison import compare
from .datasets import example_path, list_examples
from .measures.classifier import FrameClassifier

__all__ = ["main"]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="framing",
        description="Compare how news outlets frame one event.",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    cmp_ = sub.add_parser(
        "compare",
        help="analyse a corpus and write charts, tables and report.html",
        description="Analyse a corpus and write charts (PNG and SVG), CSV tables and report.html.",
    )
    src = cmp_.add_mutually_exclusive_group(required=True)
    src.add_argument(
        "source", nargs="?", help="folder of .txt/.md files, .csv, .jsonl or .json file"
    )
    src.add_argument(
        "--example", metavar="NAME", help="a bundled demo corpus (see 'framing examples')"
    )
    cmp_.add_argument(
        "--out", required=True, metavar="DIR", help="folder for the results (created)"
    )
    cmp_.add_argument("--actors", metavar="FILE", help="JSON/YAML mapping actor -> aliases")
    cmp_.add_argument("--concepts", metavar="FILE", help="JSON/YAML mapping concept -> labels")
    cmp_.add_argument(
        "--by", default="outlet", help="article column that defines the groups (default: outlet)"
    )
    cmp_.add_argument(
        "--within", default="auto", metavar="COL",
        help="article column of events: compare the groups inside each event (default: auto, an 'event' "
             "column two groups share; 'none' compares across all articles)",
    )
    cmp_.add_argument(
        "--classifier", metavar="FILE",
        help="a FrameClassifier saved with .save(): add its frames to the comparison",
    )
    cmp_.add_argument(
        "--unit", default="sentence", choices=("sentence", "paragraph", "article"),
        help="the units of text the classifier scores (default: sentence)",
    )
    for field in ("text", "outlet", "doc_id", "title", "date"):
        cmp_.add_argument(
            f"--{field.replace('_', '-')}-column",
            dest=f"{field}_column",
            metavar="COL",
            help=f"name of the column holding the {field}",
        )
    cmp_.add_argument(
        "--encoding", default="utf-8", help="encoding of the input files (default: utf-8)"
    )
    cmp_.add_argument(
        "--random-state", type=int, default=0, help="seed for resampling (default: 0)"
    )
    cmp_.add_argument(
        "--drop-duplicates", action="store_true",
        help="leave republished copies out of the analysis (they are listed in the report)",
    )
    cmp_.add_argument(
        "--n-resamples", type=int, default=1000,
        help="bootstrap resamples and permutations (default: 1000)",
    )
    cmp_.add_argument(
        "--min-count", type=int, default=None, metavar="N",
        help="fewest uses of a term in the corpus for it to be tested as distinctive "
             "(default: 3, or 5 from 100 articles on, lowered for a corpus too small for it)",
    )
    sub.add_parser("examples", help="list the bundled demo corpora")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (2 on bad input)."""
    args = _parser().parse_args(argv)
    try:
        if args.command == "examples":
            print("\n".join(list_examples()))
            return 0
        return _compare(args)
    except (ValueError, TypeError, OSError) as e:  # CorpusError is a ValueError
        print(f"framing: error: {one_line(str(e)) or e.__class__.__name__}", file=sys.stderr)
        return 2


def one_line(message: str) -> str:
    """A message on one line: line breaks (a parser's, a file name's) become spaces.

    Examples
    --------
    >>> one_line("bad row\\n  at line 3\\r\\n")
    'bad row at line 3'
    """
    return re.sub(r"\s*[\r\n\v\f\x1c-\x1e\x85\u2028\u2029]+\s*", " ", message).strip()


def _compare(args: argparse.Namespace) -> int:
    if args.example:
        folder = example_path(args.example)
        source = folder
        actors = args.actors or (folder / "actors.json" if (folder / "actors.json").exists() else None)
        concepts = args.concepts or (folder / "concepts.json" if (folder / "concepts.json").exists() else None)
    else:
        source, actors, concepts = Path(args.source), args.actors, args.concepts
    columns = {k: getattr(args, f"{k}_column") for k in ("text", "outlet", "doc_id", "title", "date")}
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        corpus = load_corpus(source, encoding=args.encoding, **{k: v for k, v in columns.items() if v})
    for w in caught:
        if not issubclass(w.category, SkippedWarning):  # counted below, with where they are listed
            print(f"framing: warning: {one_line(str(w.message))}", file=sys.stderr)
    given = len(corpus) + len(corpus.skipped)
    classifier = FrameClassifier.load(args.classifier) if args.classifier else None
    within = None if args.within.lower() == "none" else args.within
    result = compare(corpus, actors, concepts, by=args.by, within=within, random_state=args.random_state,
                     n_resamples=args.n_resamples, min_count=args.min_count, classifier=classifier, unit=args.unit,
                     duplicates="drop" if args.drop_duplicates else "keep")
    out = Path(args.out)
    path = result.report(out)
    skipped = result.corpus.skipped
    if len(skipped):
        reasons = skipped["reason"].astype(str).str.replace(r" of .*| \(.*", "", regex=True)
        counts = ", ".join(f"{n} {r}" for r, n in reasons.value_counts(sort=False).items())
        print(f"framing: warning: {len(skipped)} of {given} article(s) skipped ({one_line(counts)}); "
              f"listed in {out / 'tables' / 'skipped.csv'} and the report", file=sys.stderr)
    print(f"framing: {len(result.corpus)} of {given} articles from {len(result.groups)} {args.by}s analysed; "
          f"report: {path}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
