"""Outlet colours that do not depend on which other outlets are present."""

import itertools

import pytest
from matplotlib.colors import to_rgb

import framing
from framing.plot import outlet_colors
from framing.plot._layout import OUTLET_COLORS, _home

NAMES = ["Harbor Lantern", "The Capitol Ledger", "The Sablewood Standard", "Meridian Wire Service",
         "Ardmoor Valley Gazette", "The Ironvale Dispatch", "The Lexmere Review", "Rafah Post", "Der Spiegel",
         "新华社", "Le Monde", "Fox News", "CNN", "Reuters", "Al Jazeera", "BBC News"]


def contrast_on_white(color) -> float:
    def channel(x):
        return x / 12.92 if x <= 0.03928 else ((x + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(x) for x in to_rgb(color))
    return 1.05 / (0.2126 * r + 0.7152 * g + 0.0722 * b + 0.05)


def test_every_outlet_colour_is_readable_on_white():
    assert all(contrast_on_white(c) >= 3.0 for c in OUTLET_COLORS)
    assert len(set(OUTLET_COLORS)) == len(OUTLET_COLORS)


def test_known_answer_the_name_hash():
    # CRC-32 of the NFC, case-folded UTF-8 name, modulo the palette size
    assert _home("CNN", 12) == __import__("zlib").crc32(b"cnn") % 12
    assert outlet_colors(["CNN"]) == {"CNN": OUTLET_COLORS[_home("CNN", 12)]}
    # case and Unicode normal form do not change an outlet's colour
    assert outlet_colors(["cnn"])["cnn"] == outlet_colors(["CNN"])["CNN"]
    assert outlet_colors(["Caf\u00e9"])["Caf\u00e9"] == outlet_colors(["Cafe\u0301"])["Cafe\u0301"]


def test_adding_an_outlet_changes_no_other_colour_unless_they_collide():
    for k in range(2, 8):
        for names in itertools.combinations(NAMES[:9], k):
            before = outlet_colors(names)
            for new in NAMES:
                if new in names:
                    continue
                after = outlet_colors([*names, new])
                n = len(OUTLET_COLORS)
                for o in names:
                    at_home = before[o] == OUTLET_COLORS[_home(o, n)]
                    collides = _home(o, n) == _home(new, n)
                    if at_home and not collides:
                        assert after[o] == before[o], (names, new, o)
                assert len(set(after.values())) == len(after)  # no two outlets share a colour


def test_removing_an_outlet_keeps_the_others_without_a_collision():
    names = NAMES[:6]
    full = outlet_colors(names)
    n = len(OUTLET_COLORS)
    homes = [_home(o, n) for o in names]
    alone = [o for o, h in zip(names, homes, strict=True) if homes.count(h) == 1]
    assert alone, "the test needs outlets without a collision"
    for gone in names:
        fewer = outlet_colors([o for o in names if o != gone])
        for o in alone:
            if o != gone:
                assert fewer[o] == full[o]


def test_the_demo_outlets_keep_their_colours_when_one_is_added_or_removed():
    corpus = framing.load_example("rafah")
    n = len(OUTLET_COLORS)
    before = outlet_colors(corpus.outlets)
    taken = {_home(o, n) for o in corpus.outlets} | {OUTLET_COLORS.index(c) for c in before.values()}
    newcomer = next(f"Outlet {i}" for i in range(100) if _home(f"Outlet {i}", n) not in taken)
    after = outlet_colors([*corpus.outlets, newcomer])
    assert {o: after[o] for o in before} == before
    # removing an outlet: every outlet at its home colour keeps it (only one that collided may move)
    home = [o for o in corpus.outlets if before[o] == OUTLET_COLORS[_home(o, n)]]
    assert len(home) >= 5
    for gone in corpus.outlets:
        fewer = outlet_colors([o for o in corpus.outlets if o != gone])
        assert all(fewer[o] == before[o] for o in home if o != gone), gone


def test_collision_rule_sorted_first_keeps_its_home():
    n = len(OUTLET_COLORS)
    # find two names with the same home colour
    pool = [f"outlet {i}" for i in range(200)]
    a, b = next((x, y) for x, y in itertools.combinations(pool, 2) if _home(x, n) == _home(y, n))
    first, second = sorted([a, b])
    colors = outlet_colors([second, first])
    assert colors[first] == OUTLET_COLORS[_home(first, n)]
    assert colors[second] != colors[first]


def test_a_user_mapping_wins_and_other_outlets_avoid_its_colours():
    colors = outlet_colors(["A", "B", "C"], {"B": "#123456"})
    assert colors["B"] == "#123456"
    assert "#123456" not in (colors["A"], colors["C"])
    assert outlet_colors(["A", "B"], ["red", "blue"]) in ({"A": "red", "B": "blue"}, {"A": "blue", "B": "red"})
    with pytest.raises(ValueError, match="at least one colour"):
        outlet_colors(["A"], [])


def test_compare_palette_reaches_every_chart():
    import matplotlib.pyplot as plt

    corpus = framing.load_example("plant-closure")
    first = corpus.outlets[0]
    result = framing.compare(corpus, n_resamples=20, palette={first: "#ff00ff"})
    fig = result.plot("sentiment")
    lines = [line for ax in fig.axes for line in ax.lines if line.get_marker() == "D"]
    assert any(to_rgb(line.get_color()) == (1.0, 0.0, 1.0) for line in lines)
    plt.close(fig)
    fig = result.plot("sentiment", palette={first: "#00ff00"})
    lines = [line for ax in fig.axes for line in ax.lines if line.get_marker() == "D"]
    assert any(to_rgb(line.get_color()) == (0.0, 1.0, 0.0) for line in lines)
    plt.close(fig)
    with pytest.raises(ValueError, match="not colours"):
        framing.compare(corpus, n_resamples=20, palette={first: "not a colour"})
