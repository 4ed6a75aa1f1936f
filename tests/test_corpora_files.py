"""Checks on the bundled demo corpora under ``corpora/``, read as plain files.

The demo corpora drive the examples, notebooks and charts, so these tests pin
down their format (front matter, body layout, lengths), their honesty rules
(synthetic, fictional outlets, no quotation placed near a real person's name)
and the word-choice contrasts they were written to show, without going through
the corpus loader.
"""

from __future__ import annotations

import datetime as dt
import fnmatch
import json
import re
from collections import Counter
from functools import cache
from itertools import combinations
from pathlib import Path

import pytest
import yaml

from framing._nlp.segment import segment
from framing._nlp.text import clean_text, tokenize, tokenize_pattern

CORPORA = Path(__file__).resolve().parents[1] / "corpora"

SPECS = {
    "rafah": {
        "event": "rafah-operations",
        "n_docs": (10, 12),
        "words": (400, 900),
        "n_outlets": (6, 99),
        "dates": (dt.date(2024, 5, 6), dt.date(2024, 5, 15)),
    },
    "plant-closure": {
        "event": "vantrell-plant-closure",
        "n_docs": (6, 8),
        "words": (300, 700),
        "n_outlets": (4, 5),
        "dates": (dt.date(2024, 9, 1), dt.date(2024, 9, 30)),
    },
}
REQUIRED_KEYS = ("outlet", "title", "date", "event", "synthetic", "intended_frame")

# Real people the texts may mention in narrative, never near a quotation mark.
REAL_NAMES = (
    "Biden",
    "Netanyahu",
    "Gallant",
    "Gantz",
    "Herzog",
    "Blinken",
    "Sullivan",
    "Kirby",
    "Lloyd Austin",
    "Trump",
    "Harris",
    "Schumer",
    "Mike Johnson",
    "McConnell",
    "Pelosi",
    "Bernie Sanders",
    "Sinwar",
    "Haniyeh",
    "Deif",
    "Guterres",
    "Lazzarini",
    "Griffiths",
    "McCain",
    "Karim Khan",
    "Sisi",
    "Ramaphosa",
    "Abbas",
    "Hagari",
)
# Real news organisations: none may appear as an outlet or anywhere in a text.
REAL_OUTLETS = (
    "Reuters",
    "Associated Press",
    "AFP",
    "Agence France",
    "CNN",
    "BBC",
    "Al Jazeera",
    "New York Times",
    "Washington Post",
    "Wall Street Journal",
    "The Guardian",
    "Fox News",
    "MSNBC",
    "NPR",
    "Politico",
    "Axios",
    "Bloomberg",
    "Times of Israel",
    "Haaretz",
    "Jerusalem Post",
    "Ynet",
    "Middle East Eye",
    "The Hill",
    "USA Today",
    "Financial Times",
)
# Pairs where one actor's alias deliberately sits inside another actor's alias
# (resolved by longest match).
INTENDED_NESTED_ALIASES = {
    ("Israel", "Israel Defense Forces"),
    ("families", "families of the hostages"),
    ("families", "hostage families"),
    ("Calder Falls", "Calder Falls officials"),
}
QUOTE_MARKS = re.compile(r"[\"“”‘]|(?<![A-Za-z])['’]|['’](?![A-Za-z])")
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def _read(path: Path) -> tuple[dict, str]:
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\n"), f"{path}: must open with a '---' line"
    _, front, body = text.split("---\n", 2)
    meta = yaml.safe_load(front)
    assert isinstance(meta, dict), f"{path}: front matter is not a mapping"
    return meta, body


@cache
def _articles(name: str) -> list[tuple[Path, dict, str]]:
    paths = sorted(p for p in (CORPORA / name).glob("*.md") if p.name != "README.md")
    return [(p, *_read(p)) for p in paths]


def _words(body: str) -> int:
    return len(body.split())


def _tokens(name: str) -> dict[str, list[str]]:
    return {p.stem: tokenize(meta["title"] + "\n\n" + body) for p, meta, body in _articles(name)}


def _match(tokens: list[str], i: int, pattern: tuple[str, ...]) -> bool:
    if i + len(pattern) > len(tokens):
        return False
    for tok, pat in zip(tokens[i : i + len(pattern)], pattern, strict=True):
        if any(c in pat for c in "*?"):
            if not fnmatch.fnmatchcase(tok, pat):
                return False
        elif tok != pat:
            return False
    return True


def _count(tokens: list[str], groups: dict[str, list[str]]) -> Counter:
    """Non-overlapping longest-match counts of every ``(group, label)``."""
    patterns = sorted(
        ((tokenize_pattern(lab), g, lab) for g, labs in groups.items() for lab in labs),
        key=lambda x: -len(x[0]),
    )
    counts: Counter = Counter()
    i = 0
    while i < len(tokens):
        for pat, group, label in patterns:
            if _match(tokens, i, pat):
                counts[group, label] += 1
                i += len(pat)
                break
        else:
            i += 1
    return counts


@cache
def _label_counts(name: str, which: str) -> dict[str, Counter]:
    """Per outlet, counts of each label (concepts one at a time, actors jointly)."""
    spec = json.loads((CORPORA / name / f"{which}.json").read_text(encoding="utf-8"))
    outlet_of = {p.stem: meta["outlet"] for p, meta, _ in _articles(name)}
    out: dict[str, Counter] = {}
    for doc, toks in _tokens(name).items():
        c = out.setdefault(outlet_of[doc], Counter())
        if which == "concepts":
            for group, labels in spec.items():
                c.update({lab: n for (_, lab), n in _count(toks, {group: labels}).items()})
        else:
            c.update({lab: n for (_, lab), n in _count(toks, spec).items()})
    return out


# --- format -------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(SPECS))
def test_front_matter(name):
    spec = SPECS[name]
    arts = _articles(name)
    lo, hi = spec["n_docs"]
    assert lo <= len(arts) <= hi, f"{name}: {len(arts)} articles, expected {lo}-{hi}"
    for path, meta, _ in arts:
        missing = [k for k in REQUIRED_KEYS if k not in meta]
        assert not missing, f"{path}: front matter lacks {missing}"
        assert meta["synthetic"] is True, f"{path}: synthetic must be true"
        assert meta["event"] == spec["event"], f"{path}: event {meta['event']!r}"
        assert isinstance(meta["date"], dt.date), f"{path}: date is not YYYY-MM-DD"
        first, last = spec["dates"]
        assert first <= meta["date"] <= last, f"{path}: date {meta['date']} out of range"
        assert SLUG.fullmatch(path.stem), f"{path}: doc_id must be a lower-case slug"
        assert meta["title"].strip() and meta["outlet"].strip()


@pytest.mark.parametrize("name", sorted(SPECS))
def test_body_layout_and_length(name):
    lo, hi = SPECS[name]["words"]
    for path, _, body in _articles(name):
        assert body.startswith("\n") is False, f"{path}: blank line after front matter"
        assert body.endswith("\n") and not body.endswith("\n\n"), f"{path}: ending"
        paragraphs = body.rstrip("\n").split("\n\n")
        for par in paragraphs:
            assert par.strip() and "\n" not in par, f"{path}: paragraph layout: {par[:60]!r}"
            assert not re.match(r"#|[-*+] |\d+\. ", par), f"{path}: markdown: {par[:60]!r}"
            assert "**" not in par and not re.search(r"\]\(", par), f"{path}: markdown"
        assert len(paragraphs) >= 6, f"{path}: only {len(paragraphs)} paragraphs"
        n = _words(body)
        assert lo <= n <= hi, f"{path}: {n} words, expected {lo}-{hi}"


@pytest.mark.parametrize("name", sorted(SPECS))
def test_outlets_are_fictional_and_numerous(name):
    lo, hi = SPECS[name]["n_outlets"]
    arts = _articles(name)
    outlets = Counter(meta["outlet"] for _, meta, _ in arts)
    assert lo <= len(outlets) <= hi, f"{name}: {len(outlets)} outlets"
    for path, meta, body in arts:
        text = meta["outlet"] + "\n" + meta["title"] + "\n" + body
        for real in REAL_OUTLETS:
            assert not re.search(rf"\b{re.escape(real)}\b", text), f"{path}: {real!r}"


def test_doc_ids_unique_across_corpora():
    ids = Counter(p.stem for name in SPECS for p, _, _ in _articles(name))
    assert not [d for d, n in ids.items() if n > 1], ids


def test_rafah_has_repeat_outlets():
    outlets = Counter(meta["outlet"] for _, meta, _ in _articles("rafah"))
    assert sum(n >= 2 for n in outlets.values()) >= 3, outlets


@pytest.mark.parametrize("name", sorted(SPECS))
def test_quote_style_consistent_per_outlet(name):
    styles: dict[str, set[str]] = {}
    for _, meta, body in _articles(name):
        s = styles.setdefault(meta["outlet"], set())
        if '"' in body:
            s.add("straight")
        if "“" in body or "”" in body:
            s.add("curly")
    for outlet, s in styles.items():
        assert len(s) == 1, f"{outlet} mixes quote styles: {s}"
    assert {"straight", "curly"} == set().union(*styles.values())


@pytest.mark.parametrize("name", sorted(SPECS))
def test_readme_says_illustrative_and_lists_outlets(name):
    readme = (CORPORA / name / "README.md").read_text(encoding="utf-8")
    low = " ".join(readme.lower().split())
    for phrase in ("illustrative", "fictional", "not real reporting", "synthetic"):
        assert phrase in low, f"{name}/README.md does not say {phrase!r}"
    for _, meta, _ in _articles(name):
        assert meta["outlet"] in readme, f"{name}/README.md omits {meta['outlet']!r}"
        assert meta["intended_frame"] in readme, meta["intended_frame"]


# --- actors and concepts ---------------------------------------------------------


@pytest.mark.parametrize("name", sorted(SPECS))
@pytest.mark.parametrize("which", ["actors", "concepts"])
def test_json_shape(name, which):
    spec = json.loads((CORPORA / name / f"{which}.json").read_text(encoding="utf-8"))
    assert isinstance(spec, dict) and spec
    for key, labels in spec.items():
        assert isinstance(key, str) and key.strip()
        assert isinstance(labels, list) and labels, f"{which}: {key!r} has no labels"
        assert all(isinstance(lab, str) and lab.strip() for lab in labels)
        norm = [tokenize_pattern(lab) for lab in labels]
        assert len(set(norm)) == len(norm), f"{which}: {key!r} repeats a label"


@pytest.mark.parametrize("name", sorted(SPECS))
@pytest.mark.parametrize("which", ["actors", "concepts"])
def test_every_label_occurs(name, which):
    spec = json.loads((CORPORA / name / f"{which}.json").read_text(encoding="utf-8"))
    total: Counter = Counter()
    for c in _label_counts(name, which).values():
        total.update(c)
    never = [lab for labels in spec.values() for lab in labels if total[lab] == 0]
    assert not never, f"{name}/{which}.json labels never matched (longest match): {never}"


@pytest.mark.parametrize("name", sorted(SPECS))
def test_actor_aliases_do_not_collide(name):
    spec = json.loads((CORPORA / name / "actors.json").read_text(encoding="utf-8"))
    owner: dict[tuple[str, ...], str] = {}
    for actor, aliases in spec.items():
        for alias in aliases:
            key = tokenize_pattern(alias)
            assert key not in owner, f"{alias!r} belongs to {owner[key]!r} and {actor!r}"
            owner[key] = actor
    raw = {tokenize_pattern(a): a for aliases in spec.values() for a in aliases}
    for short, long in combinations(sorted(owner, key=len), 2):
        if owner[short] == owner[long] or len(short) >= len(long):
            continue
        inside = any(long[i : i + len(short)] == short for i in range(len(long)))
        if inside:
            pair = (raw[short], raw[long])
            assert pair in INTENDED_NESTED_ALIASES, f"unplanned nested aliases {pair}"


# --- honesty rules ---------------------------------------------------------------


def _real_name_quote_problems(text: str) -> list[str]:
    """Places where a real person's name comes near a quotation mark.

    A name may not share a sentence with a quotation mark, and no quotation
    mark may stand within 60 characters of it, even across a sentence break.
    """
    text = clean_text(text)
    problems = []
    for _, start, end, _ in segment(text):
        sent = text[start:end]
        for real in REAL_NAMES:
            for m in re.finditer(rf"\b{re.escape(real)}\b", sent):
                at = start + m.start()
                window = text[max(0, at - 60) : at + len(real) + 60]
                if QUOTE_MARKS.search(sent) or QUOTE_MARKS.search(window):
                    problems.append(f"{real!r} in {sent!r}")
    return problems


@pytest.mark.parametrize("name", sorted(SPECS))
def test_no_quotation_near_real_names(name):
    for path, meta, body in _articles(name):
        problems = _real_name_quote_problems(meta["title"] + "\n\n" + body)
        assert not problems, f"{path}: quotation near a real person's name: {problems}"


@pytest.mark.parametrize(
    "text",
    [
        'Biden said: "We will not supply the weapons."',
        'Netanyahu said Israel would act, arguing that "total victory" requires it.',
        'Israel will act, Netanyahu said. "We will go in," he added.',
        "The prime minister, Netanyahu, called the pause ‘unacceptable’.",
    ],
)
def test_real_name_check_catches_planted_quotes(text):
    assert _real_name_quote_problems(text)


def test_real_name_check_allows_narrative_mentions():
    text = (
        "Prime Minister Benjamin Netanyahu has said Israel will enter Rafah. "
        "Israel’s army and Hamas’s tunnels were mentioned in the same sentence as "
        "the Biden administration, far from any quotation mark in this "
        "paragraph or in the paragraph that follows it.\n\n"
        '"We are ready," an Israeli military spokesperson said.'
    )
    assert _real_name_quote_problems(text) == []


# --- planted contrasts -------------------------------------------------------------


def _shingles(body: str, n: int = 5) -> set[tuple[str, ...]]:
    toks = tokenize(body)
    return {tuple(toks[i : i + n]) for i in range(len(toks) - n + 1)}


@pytest.mark.parametrize("name", sorted(SPECS))
def test_exactly_the_planted_near_duplicate(name):
    arts = _articles(name)
    planted = {
        frozenset((p.stem, meta["republished_from"]))
        for p, meta, _ in arts
        if "republished_from" in meta
    }
    sh = {p.stem: _shingles(body) for p, _, body in arts}
    for a, b in combinations(sorted(sh), 2):
        jac = len(sh[a] & sh[b]) / len(sh[a] | sh[b])
        if frozenset((a, b)) in planted:
            assert jac > 0.7, f"{a} / {b}: republication too far apart ({jac:.2f})"
        else:
            assert jac < 0.1, f"{a} / {b}: unplanned overlap ({jac:.2f})"
    assert len(planted) == (1 if name == "rafah" else 0)


def _abbrev(outlet: str) -> str:
    """Initials of an outlet name without a leading "The" (Harbor Lantern -> HL)."""
    return "".join(w[0] for w in outlet.removeprefix("The ").split())


@pytest.mark.parametrize("name", sorted(SPECS))
def test_readme_count_table_matches_corpus(name):
    """The label-count table in each README is what the corpus gives today.

    Rows name labels joined by " / " (their counts are summed); a row ending
    in "(actor)" counts actor aliases, any other row concept labels.
    """
    readme = (CORPORA / name / "README.md").read_text(encoding="utf-8")
    concepts = _label_counts(name, "concepts")
    actors = _label_counts(name, "actors")
    by_abbrev = {_abbrev(o): o for o in concepts}
    lines = [ln for ln in readme.splitlines() if ln.startswith("| ")]
    header = next(ln for ln in lines if ln.startswith("| label |"))
    columns = [c.strip() for c in header.strip("|").split("|")][1:]
    assert set(columns) == set(by_abbrev), f"{name}: table columns {columns}"
    rows = [ln for ln in lines[lines.index(header) + 1 :] if not ln.startswith("| ---")]
    assert len(rows) >= 8, f"{name}: count table too short"
    for row in rows:
        cells = [c.strip() for c in row.strip("|").split("|")]
        label, values = cells[0], [int(v) for v in cells[1:]]
        source = actors if label.endswith(" (actor)") else concepts
        labels = label.removesuffix(" (actor)").split(" / ")
        expected = [sum(source[by_abbrev[a]][lab] for lab in labels) for a in columns]
        assert values == expected, f"{name}/README.md row {label!r}: {values} != {expected}"


def _outlets_using(counts: dict[str, Counter], label: str) -> set[str]:
    return {o for o, c in counts.items() if c[label] > 0}


def test_rafah_label_contrasts():
    c = _label_counts("rafah", "concepts")
    ironvale, lantern, wire = (
        c["The Ironvale Dispatch"],
        c["Harbor Lantern"],
        c["Meridian Wire Service"],
    )
    assert ironvale["terrorists"] >= 8 and ironvale["militants"] == 0
    assert wire["militants"] >= 4 and wire["terrorists"] == 0
    assert lantern["terrorists"] == 0 and lantern["militants"] == 0
    assert _outlets_using(c, "incursion") == {"The Lexmere Review"}
    assert lantern["invasion"] + lantern["assault"] > lantern["operation"]
    assert ironvale["counterterrorism operation"] >= 2
    assert wire["invasion"] == 0 and wire["assault"] == 0
    assert _outlets_using(c, "massacre") == {
        "The Ironvale Dispatch",
        "Harbor Lantern",
        "The Sablewood Standard",
    }
    assert _outlets_using(c, "Hamas-run health ministry") == {"The Ironvale Dispatch"}
    assert ironvale["Gaza's health ministry"] == 0 and lantern["Gaza's health ministry"]
    assert _outlets_using(c, "detainees") == {"Harbor Lantern"}
    assert lantern["hostages"] == 0 and ironvale["hostages"] >= 4
    assert ironvale["died"] + ironvale["lost their lives"] >= 2
    assert ironvale["killed"] == 0 and lantern["killed"] >= 4
    assert lantern["claimed"] >= 3 and lantern["admitted"] >= 1
    assert ironvale["alleged"] >= 2 and ironvale["claimed"] >= 2
    assert _outlets_using(c, "forcible transfer") == {"The Lexmere Review"}
    assert lantern["starvation"] + lantern["famine"] >= 4


def test_rafah_actor_contrasts():
    a = _label_counts("rafah", "actors")
    assert a["The Ironvale Dispatch"]["IDF"] >= 10
    assert a["Harbor Lantern"]["IDF"] == 0
    assert a["Harbor Lantern"]["Israeli strikes"] >= 2
    assert a["Harbor Lantern"]["children"] >= 10 and a["The Ironvale Dispatch"]["children"] == 0
    assert _outlets_using(a, "the president") == {"The Capitol Ledger"}


def test_plant_closure_label_contrasts():
    c = _label_counts("plant-closure", "concepts")
    business, labour = c["Strandway Business Journal"], c["Millstone Labor News"]
    assert _outlets_using(c, "restructuring") == {"Strandway Business Journal"}
    assert _outlets_using(c, "layoffs") | _outlets_using(c, "mass layoffs") == {
        "Millstone Labor News"
    }
    assert business["workers"] == 0 and labour["workers"] >= 5
    assert _outlets_using(c, "right-sizing") == {"Strandway Business Journal"}
    assert _outlets_using(c, "corporate welfare") == {"Calder Falls Courier"}
    assert labour["greed"] and business["greed"] == 0
