"""Verb inflection and lemmas for framing's English word base.

The irregular verbs of English and the common verbs of news writing (data files
in ``framing/lexicons/data/english``, read on first use), regular spelling rules
for every other verb, and the lemma of a verb form. Import these names from
:mod:`framing._nlp.english`, which re-exports them.

Written for framing by its authors (BSD-3-Clause).
"""

from __future__ import annotations

from functools import cache
from importlib import resources

__all__ = [
    "EED_PARTICIPLES",
    "NOT_GERUNDS",
    "NOT_PARTICIPLES",
    "inflections",
    "irregular_verbs",
    "known_forms",
    "lemma_of",
    "verb_forms",
    "verbs",
]

#: Words ending in -ed that are not verb forms.
NOT_PARTICIPLES = frozenset(
    """bed red need seed speed feed breed bleed creed deed greed weed reed shed
    sled wed hundred sacred naked wicked rugged ragged crooked kindred wretched
    jagged shred steed tweed proceed succeed exceed indeed heed embed
    fred ted ned ed med ahmed mohammed muhammed mohamed hamed saeed
    khaled walid rasheed rashed majed zayed fahed sayed reed infrared moped
    biped beloved blessed dogged bearded hooded walled gated
    wooded masked famed""".split()
)

#: -eed words that are participles of verbs ending in -ee.
EED_PARTICIPLES = frozenset("agreed freed decreed guaranteed disagreed refereed".split())

#: Words ending in -ing that are nouns or prepositions, not verb forms.
NOT_GERUNDS = frozenset(
    """thing things king ring spring evening morning during nothing something
    anything everything sibling ceiling wedding darling sterling string swing
    wing sling sting beijing viking pudding bring sing ping ming cling fling
    wring bling awning inkling lightning offspring""".split()
)




def _data_lines(name: str) -> list[str]:
    """Lines of ``framing/lexicons/data/english/<name>`` without comments."""
    text = (resources.files("framing.lexicons") / "data" / "english" / name).read_text(
        encoding="utf-8"
    )
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


@cache
def irregular_verbs() -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
    """Irregular verbs: ``{base: (past forms, participle forms)}``, read once from
    ``irregular_verbs.tsv``."""
    table = {}
    for line in _data_lines("irregular_verbs.tsv")[1:]:  # after the header
        base, past, part = line.split("\t")
        table[base] = (tuple(past.split("/")), tuple(part.split("/")))
    return table


@cache
def verbs() -> frozenset[str]:
    """Common verb lemmas of news writing (``news_verbs.txt``) and the irregular verbs."""
    return frozenset(_data_lines("news_verbs.txt")) | frozenset(irregular_verbs())


def _regular_forms(base: str) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
    """(-s form, -ed forms, -ing forms) of a regular verb.

    The final consonant is doubled after a single stressed vowel ("kidnapped",
    "quitting", "beginning"); verbs ending in a vowel and "l" have both the
    American and the British spelling ("canceled", "cancelled"); "-ic" takes a
    "k" ("panicked"); "-ie" becomes "-ying" ("dying").
    """
    if base.endswith("ie"):
        ed, ing = (base + "d",), (base[:-2] + "ying",)
    elif base.endswith("e") and not base.endswith(("ee", "ye", "oe")):
        ed, ing = (base + "d",), (base[:-1] + "ing",)
    elif base.endswith("ee") or base.endswith("oe") or base.endswith("ye"):
        ed, ing = (base + "d",), (base + "ing",)
    elif base.endswith("y") and len(base) > 1 and base[-2] not in "aeiou":
        ed, ing = (base[:-1] + "ied",), (base + "ing",)
    elif _doubles(base):
        ed, ing = (base + base[-1] + "ed",), (base + base[-1] + "ing",)
    elif _british_l(base):
        ed, ing = (base + "ed", base + "led"), (base + "ing", base + "ling")
    elif base.endswith("ic") and len(base) > 3:
        ed, ing = (base + "ked",), (base + "king",)
    else:
        ed, ing = (base + "ed",), (base + "ing",)
    if base.endswith(("s", "x", "z", "ch", "sh", "o")):
        s = base + "es"
    elif base.endswith("y") and len(base) > 1 and base[-2] not in "aeiou":
        s = base[:-1] + "ies"
    else:
        s = base + "s"
    return s, ed, ing


# Verbs of more than one syllable stressed on the last: the final consonant doubles.
_DOUBLING = frozenset(
    """kidnap worship compel patrol control propel repel expel equip occur refer
    prefer transfer admit commit submit omit permit regret forget rebel
    abhor deter confer incur acquit begin forbid rebut abet allot embed
    beset offset reset typeset upset input output outbid outrun overrun rerun
    underpin""".split()
)
_VOWELS = "aeiou"


def _vowel_groups(word: str) -> int:
    """Vowel groups of a word ("u" after "q" is no vowel): about its syllables."""
    vowel = [c in _VOWELS and not (c == "u" and word[i - 1 : i] == "q") for i, c in enumerate(word)]
    return sum(1 for i, v in enumerate(vowel) if v and (i == 0 or not vowel[i - 1]))


def _doubles(base: str) -> bool:
    if base in _DOUBLING:
        return True
    if len(base) < 3 or base[-1] in _VOWELS + "wxy":
        return False
    before = base[-3] in _VOWELS and base[-4:-2] != "qu"  # "quit", "quip": "u" is no vowel
    if base[-2] not in _VOWELS or before:
        return False
    return _vowel_groups(base) == 1


def _british_l(base: str) -> bool:
    """A verb of two or more syllables ending in one vowel and "l" ("cancel",
    "label", "travel", "fuel"): British English doubles the "l"."""
    return (
        len(base) > 3
        and base[-1] == "l"
        and base[-2] in _VOWELS
        and (base[-3:] == "uel" or (base[-3] not in _VOWELS and _vowel_groups(base) > 1))
    )


@cache
def verb_forms(base: str) -> dict[str, tuple[str, ...]]:
    """Inflected forms of a verb: keys ``base``, ``s``, ``past``, ``participle``, ``ing``.

    Examples
    --------
    >>> verb_forms("kill")["past"], verb_forms("strike")["participle"]
    (('killed',), ('struck', 'stricken'))
    >>> verb_forms("kidnap")["past"], verb_forms("target")["past"]
    (('kidnapped',), ('targeted',))
    """
    s, ed, ing = _regular_forms(base)
    if base in ("be", "have", "do", "go"):
        s = {"be": "is", "have": "has", "do": "does", "go": "goes"}[base]
    irregular = irregular_verbs()
    if base in irregular:
        past, part = irregular[base]
    else:
        past, part = ed, ed
    return {"base": (base,), "s": (s,), "past": past, "participle": part, "ing": ing}


@cache
def _form_index() -> dict[str, dict[str, str]]:
    """``{form: {kind: lemma}}`` for every known verb."""
    index: dict[str, dict[str, str]] = {}
    for base in sorted(verbs()):
        for kind, forms in verb_forms(base).items():
            for f in forms:
                index.setdefault(f, {}).setdefault(kind, base)
    return index


def known_forms(word: str) -> dict[str, str]:
    """``{kind: lemma}`` for a known verb form (empty if unknown)."""
    return _form_index().get(word, {})


_SILENT_E = (
    "v",
    "c",
    "at",
    "ut",
    "us",
    "ur",
    "iz",
    "yz",
    "dg",
    "rg",
    "rs",
    "ns",
    "ps",
    "bl",
    "pl",
    "tl",
    "dl",
)


# Endings of a stem (after "-ed"/"-ing" is cut off) whose verb ends in a silent
# "e" when a consonant precedes them: "revis(ed)", "disclos(ed)", "defin(ed)",
# "compil(ed)", "invok(ed)", "conspir(ed)", "decid(ed)", "subscrib(ed)".
_SILENT_E_AFTER_CONSONANT = (
    "is", "os", "in", "il", "ok", "ir", "id", "ib", "um", "ag", "ap", "uc", "ul", "az", "ed",
    "as",
)
# Vowel pairs before a final consonant: no silent "e" ("heat", "float", "wait").
_VOWEL_PAIRS = ("ea", "oa", "ou", "ai", "ei", "ee", "oo", "oi", "au", "ie", "eu", "ui")
# Two consonants that can open an English syllable ("snar(ed)", "scor(ed)").
_ONSETS = frozenset(
    "bl br ch cl cr dr fl fr gl gr gu pl pr sc sh sk sl sm sn sp st sw th tr tw wh wr qu".split()
)
# Prefixes before a one-syllable verb: "dislik(ed)", "unnam(ed)", "misguid(ed)".
_PREFIXES = ("mis", "dis", "un", "re", "pre", "over", "under", "out", "en", "show", "up")


def _one_syllable_e(stem: str) -> bool:
    """A one-syllable stem ending in one vowel and one consonant: its verb
    ends in a silent "e" (else the consonant would be doubled): "hop(ed)"."""
    vowels = "aeiou"
    return (
        len(stem) > 1
        and _vowel_groups(stem) == 1
        and stem[-2] in vowels
        and stem[-1] not in vowels + "wxy"
        and (len(stem) < 3 or stem[-3] not in vowels)  # not "suit", "dial", "feud"
        and (stem[0] in vowels or stem[1] in vowels or stem[:2] in _ONSETS)  # not "nder"
    )


def _regular_lemma(stem: str) -> str:
    """The lemma of an unknown regular verb from its stem (the form without
    "-ed" or "-ing"), by English spelling rules."""
    vowels = "aeiou"
    if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in vowels + "lszf":
        return stem[:-1]  # "stopped"; not "staffing", "wooing"
    if stem.endswith("ll") and stem[:-1] in verbs():
        return stem[:-1]  # "cancelled", "travelling"
    if stem.endswith("ck") and (stem[:-1] in verbs() or (stem.endswith("ick") and _vowel_groups(stem) > 1)):
        return stem[:-1]  # "panicked", "trafficking"
    if stem.endswith("u") or stem.endswith("th"):
        return stem + "e"  # "plagued", "argued", "clothing"
    if len(stem) > 2 and stem[-1] == "l" and stem[-2] not in vowels + "lrw":
        return stem + "e"  # "singled", "puzzled", not "curled"
    if stem[-1] not in vowels + "wxy" and stem.endswith(_VOWEL_PAIRS, 0, len(stem) - 1):
        # "heat", "float", "tout", "wait"; but "cause", "raise", "seize", "leave"
        return stem + "e" if stem[-1] in "szvcg" else stem
    if _one_syllable_e(stem):
        return stem + "e"  # "hoped", "timing", "framed"
    for prefix in _PREFIXES:
        tail = stem[len(prefix) :]
        if stem.startswith(prefix) and len(tail) > 2 and tail[0] not in vowels and _one_syllable_e(tail):
            return stem + "e"  # "disliked", "unnamed", "underscored"
    if len(stem) > 2 and stem[-3] not in vowels and stem.endswith(_SILENT_E_AFTER_CONSONANT):
        return stem + "e"
    if stem.endswith(_SILENT_E) or (stem.endswith("ud") and not stem.endswith("aud")):
        return stem + "e"
    if len(stem) > 4 and stem.endswith(("ang", "eng", "ung", "ing")):
        return stem + "e"  # "challenged", "infringed", "lunging"; not "banged", "longing"
    return stem


def lemma_of(word: str) -> str:
    """The lemma of a verb form (a best guess for verbs not in the lists).

    Examples
    --------
    >>> [lemma_of(w) for w in ["killed", "struck", "bombed", "kidnapped", "displaced", "dies", "carried"]]
    ['kill', 'strike', 'bomb', 'kidnap', 'displace', 'die', 'carry']
    >>> [lemma_of(w) for w in ["unnerved", "created", "stopped", "shelled"]]
    ['unnerve', 'create', 'stop', 'shell']
    """
    if word in NOT_PARTICIPLES or word in NOT_GERUNDS:
        return word
    forms = known_forms(word)
    for kind in ("participle", "past", "s", "ing", "base"):
        if kind in forms:
            return forms[kind]
    for suffix, repl in (("ied", "y"), ("ies", "y")):
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            return word[: -len(suffix)] + repl
    if word.endswith("ying") and len(word) == 5:
        return word[0] + "ie"  # "dying", "vying"; not "decrying"
    if word.endswith("eed") and len(word) > 4:
        return word[:-1]  # "decreed", "refereed"
    for suffix in ("ed", "ing"):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            stem = word[: -len(suffix)]
            if stem in verbs():
                return stem
            if stem + "e" in verbs():
                return stem + "e"
            return _regular_lemma(stem)
    if word.endswith("s") and word[:-1] in verbs():
        return word[:-1]
    return word


def inflections(lemma: str) -> list[str]:
    """The lemma and its inflected forms: -s form, past, participle(s), -ing.

    Multi-word verbs inflect their first word; "according to" has no forms.

    Examples
    --------
    >>> inflections("say")
    ['say', 'says', 'said', 'saying']
    >>> inflections("point out")
    ['point out', 'points out', 'pointed out', 'pointing out']
    """
    if lemma == "according to":
        return [lemma]
    head, _, rest = lemma.partition(" ")
    tail = f" {rest}" if rest else ""
    forms = verb_forms(head)
    out = [lemma]
    for kind in ("s", "past", "participle", "ing"):
        for f in forms[kind]:
            if f + tail not in out:
                out.append(f + tail)
    return out
