"""Sanity check of the bundled frame dictionary on NewsWCL50 (no gold frame labels).

NewsWCL50 covers 10 events, each reported by 5 US outlets. Without frame
annotations the check is one of face validity: for each event, the frames
expected from the event itself (written down from its topic: a tariff dispute
should be economic, a lawsuit legal, a missile test about security) are
compared with the dimensions ``framing.frames`` finds, by mean article share
and by each article's dominant frame. Coverage is the share of sentences that
evoke at least one dimension.

Also reported, as a cross-topic check on development data: coverage and top
dimensions per topic of the BABE sentences (their word lists were checked for
ambiguity on these sentences, so this part is not independent).

Run: ``python -m validation.frames_sanity`` from the repository root.
"""

from __future__ import annotations

import sys
import warnings

import pandas as pd

from framing import load_corpus
from framing.measures.frames import OTHER, frames
from validation.shared_data import SHARED_DATA, newswcl50_articles

#: What each NewsWCL50 event is about (from its articles' URLs) and the frame
#: dimensions that topic should bring out.
EVENTS = {
    0: (
        "Pompeo's secret meeting with Kim Jong Un",
        {"external_regulation", "security_and_defense"},
    ),
    1: ("Comey's memos handed to Congress", {"political", "legality", "crime_and_punishment"}),
    2: (
        "North Korea suspends nuclear and missile tests",
        {"security_and_defense", "external_regulation"},
    ),
    3: (
        "Democrats sue Russia and the Trump campaign",
        {"legality", "political", "crime_and_punishment"},
    ),
    4: ("Trump may leave the Iran nuclear deal", {"external_regulation", "security_and_defense"}),
    5: (
        "Trump to visit the UK (protests planned)",
        {"external_regulation", "political", "public_opinion"},
    ),
    6: (
        "Migrant caravan reaches the US border",
        {
            "legality",
            "crime_and_punishment",
            "security_and_defense",
            "quality_of_life",
            "policy_prescription",
        },
    ),
    7: (
        "US steel and aluminium tariffs",
        {"economic", "external_regulation", "policy_prescription"},
    ),
    8: ("Mueller's questions for Trump", {"legality", "crime_and_punishment", "political"}),
    9: (
        "Netanyahu's presentation on Iran's nuclear archive",
        {"security_and_defense", "external_regulation"},
    ),
}


def markdown(table: pd.DataFrame, digits: int = 3) -> str:
    """A DataFrame as a Markdown table (no extra dependency)."""

    def cell(v) -> str:
        return f"{v:.{digits}f}" if isinstance(v, float) else str(v)

    lines = ["| " + " | ".join(map(str, table.columns)) + " |", "|" + " --- |" * table.shape[1]]
    lines += [
        "| " + " | ".join(cell(v) for v in row) + " |" for row in table.itertuples(index=False)
    ]
    return "\n".join(lines)


def coverage(corpus) -> dict[str, float]:
    """Share of sentences evoking a dimension, and with at least one matched term."""
    sents = frames(corpus, level="sentence")
    evoked = 1 - sents.loc[sents["frame"] == OTHER, "evoked"].mean()
    matched = sents.groupby(["doc_id", "sent_id"], sort=False)["count"].sum().gt(0).mean()
    return {"sentences": int((sents["frame"] == OTHER).sum()), "evoked": evoked, "matched": matched}


def event_table(corpus) -> pd.DataFrame:
    arts = frames(corpus, by="event", level="article")
    rows = []
    for event, (about, expected) in EVENTS.items():
        a = arts[arts["event"] == event]
        shares = a[a["frame"] != OTHER].groupby("frame", sort=False)["share"].mean()
        top = shares.sort_values(ascending=False, kind="stable").head(3)
        dominant = a.loc[a["dominant"], "frame"]
        rows.append(
            {
                "event": event,
                "about": about,
                "top frames (mean share of sentences)": ", ".join(
                    f"{f} {s:.2f}" for f, s in top.items()
                ),
                "dominant frames of the 5 articles": ", ".join(
                    f"{f} x{n}" for f, n in dominant.value_counts().items()
                ),
                "top frame expected": top.index[0] in expected,
                "articles with an expected dominant frame": int(dominant.isin(expected).sum()),
                "n_articles": len(dominant),
            }
        )
    return pd.DataFrame(rows)


def baseline(corpus) -> tuple[str, int, int]:
    """The corpus-wide top frame, and for how many events and articles it is expected.

    A dictionary that ignored the event would give every event (and article)
    this frame; the per-event result must beat it to show event-specific signal.
    """
    arts = frames(corpus, by="event", level="article")
    shares = arts[arts["frame"] != OTHER].groupby("frame", sort=False)["share"].mean()
    top = shares.idxmax()
    events = [e for e, (_, expected) in EVENTS.items() if top in expected]
    n_articles = int(arts.loc[arts["dominant"], "event"].isin(events).sum())
    return top, len(events), n_articles


def outlet_differences(corpus) -> pd.DataFrame:
    out = frames(corpus, n_resamples=2000, random_state=0)
    return (
        out.drop_duplicates("frame").sort_values("p_value")[["frame", "p_value", "q_value"]].head(3)
    )


def event_differences(corpus) -> int:
    """Dimensions whose share differs between events at q < 0.05 (a positive control)."""
    out = frames(corpus, by="event", n_resamples=2000, random_state=0)
    return int((out.drop_duplicates("frame")["q_value"] < 0.05).sum())


def babe_topics() -> tuple[dict[str, float], pd.DataFrame]:
    table = pd.read_csv(SHARED_DATA / "babe_mbic" / "data" / "final_labels_SG2.csv", sep=";")
    table = table[["text", "outlet", "topic"]].dropna()
    table["topic"] = table["topic"].replace(
        {"blm": "black lives matter", "gun-control": "gun control", "vaccines": "vaccine"}
    )
    table["doc_id"] = [f"babe-{i}" for i in range(len(table))]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # sentences without an outlet are skipped
        corpus = load_corpus(table)
    arts = frames(corpus, by="topic", level="article")
    shares = arts[arts["frame"] != OTHER].groupby(["topic", "frame"])["share"].mean().unstack()
    top = shares.apply(
        lambda r: ", ".join(f"{f} {s:.2f}" for f, s in r.nlargest(2).items()), axis=1
    )
    return coverage(corpus), top.rename("top frames (share of sentences)").reset_index()


def main() -> None:
    corpus = load_corpus(newswcl50_articles().drop(columns=["gold_starts"]))
    cov = coverage(corpus)
    print(
        f"NewsWCL50: {len(corpus)} articles, {cov['sentences']} sentences; "
        f"sentences evoking a dimension: {cov['evoked']:.3f}; "
        f"with at least one matched term: {cov['matched']:.3f}\n"
    )
    events = event_table(corpus)
    print(markdown(events.drop(columns="n_articles")))
    print(
        f"\ntop frame among the expected ones: {int(events['top frame expected'].sum())}/10 events; "
        f"articles whose dominant frame is expected: "
        f"{int(events['articles with an expected dominant frame'].sum())}/{int(events['n_articles'].sum())}\n"
    )
    top, hits, n_hits = baseline(corpus)
    print(
        f"baseline (the corpus-wide top frame, {top}, for every event and article): "
        f"expected for {hits}/10 events, {n_hits}/{len(corpus)} articles\n"
    )
    print("Outlets compared over all 50 articles (smallest p-values):")
    print(markdown(outlet_differences(corpus)))
    print(
        f"\nEvents compared (positive control): {event_differences(corpus)}/15 dimensions "
        "differ between events at q < 0.05"
    )
    if (SHARED_DATA / "babe_mbic").exists():
        bcov, top = babe_topics()
        print(
            f"\nBABE (development data): {bcov['sentences']} sentences; evoking a dimension: "
            f"{bcov['evoked']:.3f}; with a matched term: {bcov['matched']:.3f}\n"
        )
        print(markdown(top))


if __name__ == "__main__":
    sys.exit(main())
