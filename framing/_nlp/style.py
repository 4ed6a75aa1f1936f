"""House style and boilerplate: the lines an outlet prints around its stories.

Scraped articles carry what the outlet's site prints around every story:
"UPDATE:" notes, "Related:" links, newsletter prompts, "Enlarge this image"
captions, photo credits and bylines. Counted as words, they make an outlet
look distinctive for how its web pages are built, not for how it frames the
event. The rules here find those lines from the corpus itself, never from a
list of outlets:

* a line repeated in two or more of one outlet's articles (compared after
  folding case, digits and spaces);
* a short line opened by a label the outlet uses in three or more articles
  ("UPDATE:", "Related:", "SEE ALSO:");
* a short line closed by the button of a media player, without punctuation
  before it ("Senators weigh the bill on 'Morning Report' Listen", "Watch
  Video", "Listen · 3:45");
* a short line holding a word triple that is the outlet's own signature: in
  a fifth or more of its articles and almost none of the other outlets'
  ("Replay More Videos", "Enlarge this image");
* a sentence of twelve words or more printed word for word inside longer
  lines of three or more of one outlet's articles: a newsletter prompt or a
  donation appeal run into the text;
* a photo caption ("FILE - In this ... photo", "(AP Photo/Jane Doe)") or an
  embedded social-media post ("pic.twitter.com/...", "— Name (@handle) May 7, 2013",
  a video's title closed by "YouTube");
* a byline ("By Jane Doe", "By Jane Doe and John Roe, Reuters") or a
  contributors' line ("Jane Doe contributed to this report.");
* a photo or video credit ("Photo: ...", ".../Getty Images", "AP Photo/...");
* a link card run into a sentence (``link``): the page's pop-up card for a
  person scraped with the text, that is the person's full name run together
  with the headlines of related stories and closed by a "MORE" link
  ("... for Donald Trump Donald John TrumpSenators weigh ... MORE in the
  polls"). Unlike the other kinds it is a span inside a line.

A line is a paragraph's line of text; the spans returned are character
offsets into the article.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from .bulk import paused_gc
from .english import FUNCTION_WORDS, NAME_ABBREVIATIONS

__all__ = ["BoilerplateLine", "boilerplate_lines"]

#: A short line is at most this many words (a prefix repeated at its start makes it boilerplate).
SHORT_LINE_WORDS = 25
#: A line repeated in two articles and longer than this is the same story printed twice,
#: not boilerplate ...
LONG_LINE_WORDS = 40
#: ... unless the outlet prints it in three or more articles, as it does a newsletter
#: prompt; longer lines are never boilerplate by repetition.
REPEATED_PROMPT_WORDS = 100
#: A line this long opened by a recurring label is a scraped widget run together
#: (a photo gallery, a video list), not prose.
WIDGET_WORDS = 150
#: A line's first word alone can be a signature only in lines of at most this many words.
LABEL_LINE_WORDS = 10
# ... and when it is not a word that opens sentences of prose ("Other officials ...", "Mr. Doe ...")
OPENERS = FUNCTION_WORDS | NAME_ABBREVIATIONS
#: A word triple of short lines in this share of an outlet's articles (and in almost no
#: other outlet's) marks the lines holding it ("replay more videos", "enlarge this image").
SIGNATURE_SHARE = 0.2
OTHERS_SHARE = 0.02

_LINE = re.compile(r"[^\n]+")
_SPACE = re.compile(r"\s+")
_DIGITS = re.compile(r"\d+")
_BYLINE = re.compile(
    r"^\s*(?:by|BY|By)\s+(?:[A-Z][\w.'’-]*\s*){1,4}(?:(?:,|and|&)\s*(?:[A-Z][\w.'’-]*\s*){1,4})*"
    r"(?:[,|–—-]\s*[\w .'’&-]{0,40})?\s*$"
)
_CONTRIBUTORS = re.compile(r"\b(?:contributed|contributing) (?:to )?(?:this )?report(?:ing|ed)?\.?\s*$", re.IGNORECASE)
#: A photo or video caption: "FILE - In this ... photo ...", "FILE PHOTO: ...", "... (AP Photo/Jane Doe,
#: File)", "... REUTERS/Jane Doe", "... (Sept. 3) AP".
_CAPTION = re.compile(
    r"^\s*FILE(?: PHOTO)?\s*[-–—:]|\((?:AP |Reuters |AFP )?Photo\b[^)]*\)\s*$"
    r"|\b(?:REUTERS|AFP|AP|EPA)/[A-Z]|\)\s*(?:AP|Reuters|AFP)\s*$"
)
#: A line closed by a media player's button: the button's word after a title that has no
#: sentence punctuation at its end, optionally with the clip's length.
_PLAYER = re.compile(
    r"(?<![.!?:;,])\s+(Listen|Watch|Play|Enlarge|Download)(?: (?:Now|Live|Video|Audio|Image))?"
    r"(?:\s*[·•|-]?\s*\d{1,2}:\d{2}(?::\d{2})?)*\s*$"
)
#: An embedded social-media post: a link to its picture, or "— Name (@handle) May 7, 2013".
_EMBED = re.compile(r"pic\.twitter\.com/|(?<![.!?:;,])\s(?:YouTube|Vimeo)\s*$|[—-]\s*[^()\n]{1,60}\(@\w{1,30}\)\s+\w+\s+\d{1,2},\s+\d{4}\s*$")
_CREDIT = re.compile(
    r"\b(?:photo(?:graph)?s?|image|picture|video)\s*(?:by|:|credit|courtesy)"
    r"|/\s*(?:getty|ap|afp|reuters|epa|shutterstock|zuma|bloomberg)\b"
    r"|\bgetty images\b|\bap photo\b|\bfile photo\b",
    re.IGNORECASE,
)


# Characters a case-blind pattern matches to an ASCII letter that str.lower() does not
# give it ("\u0130", "\u0131" for "i", "\u017f" for "s").
_CASE_BLIND_EXTRA = ("\u0130", "\u0131", "\u017f")


def _guarded(pattern: re.Pattern, needles: tuple[str, ...]):
    """``pattern.search``, skipped on a line holding none of ``needles``: substrings every
    match holds (lower-case ones, compared with the line lower-cased, for a case-blind
    pattern). Most lines hold none, and a substring test is far cheaper than the search."""
    blind = bool(pattern.flags & re.IGNORECASE)

    def search(line: str):
        text = line.lower() if blind else line
        for n in needles:
            if n in text:
                return pattern.search(line)
        if blind and not line.isascii():
            for c in _CASE_BLIND_EXTRA:
                if c in line:
                    return pattern.search(line)
        return None

    return search


@dataclass(frozen=True)
class BoilerplateLine:
    """One boilerplate line of one article: where it is, why, and how often its outlet prints it."""

    article: int
    start: int
    end: int
    kind: str  # "repeated", "label", "signature", "byline", "credit", "embed", "link"
    key: str  # the folded line (or its folded start) that repeats; a link card's folded name
    n_articles: int  # the outlet's articles holding it


# white space that _SPACE.sub would change: a run, or a character other than a space
_ODD_SPACE = re.compile(r"\s\s|[^\S ]")
_OTHER_SPACE = re.compile(r"[^\S ]")
_ASCII_DIGITS = "0123456789"


def _odd_space(text: str) -> bool:
    """``_ODD_SPACE.search(text) is not None``, in half the time: white space other
    than a space is odd, and so is a run of spaces (the alternation is slow to scan)."""
    return "  " in text or _OTHER_SPACE.search(text) is not None


def _has_digit(text: str) -> bool:
    """Whether ``_DIGITS`` matches in ``text``: for ASCII text, ten substring tests
    (a third of the time of the pattern's scan)."""
    if text.isascii():
        return any(map(text.__contains__, _ASCII_DIGITS))
    return _DIGITS.search(text) is not None


def _fold(line: str) -> str:
    return _fold_odd(line)[0]


def _fold_odd(line: str) -> tuple[str, bool]:
    """:func:`_fold` of ``line``, and whether it holds odd white space (a run, or a
    character other than a space)."""
    low = line.lower()
    if _has_digit(low):
        low = _DIGITS.sub("0", low)
    odd = _odd_space(low)
    if odd:
        low = _SPACE.sub(" ", low)
    return low.strip(" .:;,-–—|"), odd


# the searches of the rules above, each skipped on a line without what its matches hold
_player = _guarded(_PLAYER, ("Listen", "Watch", "Play", "Enlarge", "Download"))
_contributors = _guarded(_CONTRIBUTORS, ("contribut",))
_credit = _guarded(_CREDIT, ("photo", "image", "picture", "video", "/", "getty"))
_caption = _guarded(_CAPTION, ("FILE", "Photo", "/", ")"))
_embed = _guarded(_EMBED, ("pic.twitter.com/", "YouTube", "Vimeo", "(@"))


@paused_gc
def boilerplate_lines(texts: Sequence[str], groups: Sequence[str]) -> list[BoilerplateLine]:
    r"""The boilerplate lines of every text (``groups``: the outlet of each text).

    Examples
    --------
    >>> texts = ["UPDATE: talks resumed.\nThe army said the strike hit a depot.\nSign up for our newsletter",
    ...          "The minister spoke at noon.\nSign up for our newsletter", "By Jane Doe\nRain fell."]
    >>> [(b.article, b.kind, b.key) for b in boilerplate_lines(texts, ["A", "A", "B"])]
    [(0, 'repeated', 'sign up for our newsletter'), (1, 'repeated', 'sign up for our newsletter'), (2, 'byline', 'by jane doe')]
    """
    lines = [[(m.start(), m.end(), m.group()) for m in _LINE.finditer(t)] for t in texts]
    size = Counter(groups)
    whole: dict[tuple[str, str], set[int]] = defaultdict(set)
    labels: dict[tuple[str, str], set[int]] = defaultdict(set)
    grams: dict[str, dict[str, set[int]]] = defaultdict(lambda: defaultdict(set))
    prompts: dict[tuple[str, str], set[int]] = defaultdict(set)
    folded = []
    for a, (group, ls) in enumerate(zip(groups, lines, strict=True)):
        row = []
        for _, _, line in ls:
            key, odd = _fold_odd(line)
            words = key.split()
            label = _label(line)
            # word triples of a short line, and its first two words anchored at its start
            # (as "w1 w2 w3" strings; the triples after "^" hold every plain one)
            if words and len(words) <= SHORT_LINE_WORDS:
                tri = set(map(" ".join, zip(["^", *words], words, words[1:], strict=False)))
                # a first word alone marks a label line ("Watch", "Advertisement"), not a
                # sentence of prose that opens with an honorific or a function word
                if len(words) <= LABEL_LINE_WORDS and words[0].rstrip(".") not in OPENERS:
                    tri.add("^ ^ " + words[0])
            else:
                tri = set()
            found = _prompts(line, key, odd)
            row.append((key, label, words, tri, found))
            for _, _, piece in found:
                prompts[(group, piece)].add(a)
            if key:
                whole[(group, key)].add(a)
            if label:
                labels[(group, label)].add(a)
            for g in tri:
                grams[g][group].add(a)
        folded.append(row)
    signature = _signatures(grams, size)
    out = []
    for a, (group, ls, row) in enumerate(zip(groups, lines, folded, strict=True)):
        own = signature.get(group, ())
        for (s, e, line), (key, label, words, tri, found) in zip(ls, row, strict=True):
            if not key:
                continue
            n_whole = len(whole[(group, key)])
            n_label = len(labels[(group, label)]) if label else 0
            marks = [g for g in tri if g in own] if own else []
            if n_whole >= 2 and len(words) <= LONG_LINE_WORDS or (
                n_whole >= 3 and len(words) <= REPEATED_PROMPT_WORDS
            ):
                out.append(BoilerplateLine(a, s, e, "repeated", key, n_whole))
            elif n_label >= 3 and n_label >= 0.1 * size[group] and (
                len(words) <= SHORT_LINE_WORDS or len(words) > WIDGET_WORDS
            ):
                out.append(BoilerplateLine(a, s, e, "label", label, n_label))
            elif len(words) <= SHORT_LINE_WORDS and (button := _player(line)):
                out.append(BoilerplateLine(a, s, e, "label", button.group(1).lower(), 1))
            elif marks:
                best = max(marks, key=lambda m: (signature[group][m], m))
                out.append(BoilerplateLine(a, s, e, "signature", best, signature[group][best]))
            elif len(words) <= LONG_LINE_WORDS and _contributors(line):
                out.append(BoilerplateLine(a, s, e, "byline", key, 1))
            elif len(words) <= SHORT_LINE_WORDS and _BYLINE.match(line):
                out.append(BoilerplateLine(a, s, e, "byline", key, 1))
            elif len(words) <= SHORT_LINE_WORDS and _credit(line) or (
                len(words) <= REPEATED_PROMPT_WORDS and _caption(line)
            ):
                out.append(BoilerplateLine(a, s, e, "credit", key, 1))
            elif _embed(line):
                out.append(BoilerplateLine(a, s, e, "embed", key, 1))
            else:
                for ps, pe, piece in found:
                    n_piece = len(prompts[(group, piece)])
                    if n_piece >= PROMPT_ARTICLES:
                        out.append(BoilerplateLine(a, s + ps, s + pe, "repeated", piece, n_piece))
    cards = [(a, s, e, name) for a, text in enumerate(texts) if " MORE" in text for s, e, name in link_cards(text)]
    holding: dict[tuple[str, str], set[int]] = defaultdict(set)
    for a, _, _, name in cards:
        holding[(groups[a], name)].add(a)
    out += [BoilerplateLine(a, s, e, "link", name, len(holding[(groups[a], name)])) for a, s, e, name in cards]
    return out


#: A link card (a name, the related headlines and "MORE") is at most this many words.
CARD_WORDS = 120
_MORE = re.compile(r"(?<=\S) MORE\b")
_WORD = re.compile(r"\S+")
# a capitalised word of a name as the card writes it: "Diane", "D'Alesandro", "(Chuck)", "Ocasio-Cortez"
_NAME_WORD = re.compile(r"\(?[A-Z][\w'’-]*\)?")
# a lower-case letter followed by a capital or a digit inside a word: where a name runs into a headline
_JOIN = re.compile(r"[a-z](?=[A-Z0-9])")
_SURNAME_PREFIXES = ("Mc", "Mac")


def _run_on(word: str) -> int:
    """Where a capitalised word runs into the next one ("TrumpSenators": 5), or 0.

    The joint must leave a word of three letters or more before it, so that
    "McConnell", "DeSantis" or "LaHood" are not read as two words run together
    (while "McConnellSenate" is, at "Senate").
    """
    if not word[:1].isupper():
        return 0
    for m in _JOIN.finditer(word):
        head = word[: m.end()]
        if len(head) >= 3 and head not in _SURNAME_PREFIXES:
            return m.end()
    return 0


def link_cards(text: str) -> list[tuple[int, int, str]]:
    r"""The link cards run into ``text``: (start, end, the card's name folded).

    A card starts at a person's full name whose last word runs into the first
    headline ("Donald John TrumpSenators weigh ..."), right after the
    sentence's own mention of the surname, and ends with the "MORE" that
    closes it, at most :data:`CARD_WORDS` words later.

    Examples
    --------
    >>> t = "The lead of Donald Trump Donald John TrumpSenators weigh a deal Talks stall MORE grew."
    >>> [(t[s:e], name) for s, e, name in link_cards(t)]
    [('Donald John TrumpSenators weigh a deal Talks stall MORE', 'donald john trump')]
    """
    out = []
    done = 0
    for more in _MORE.finditer(text):
        words = [(m.start(), m.group()) for m in _WORD.finditer(text, done, more.start())][-CARD_WORDS:]
        done = more.end()
        for i, (_, word) in enumerate(words):
            joint = _run_on(word)
            if not joint or i == 0:
                continue
            surname = word[:joint]
            # the capitalised run before it: the sentence's own mention, then the card's name
            first = i
            while first > 0 and _NAME_WORD.fullmatch(words[first - 1][1]):
                first -= 1
            run = [w for _, w in words[first:i]]
            if not run:
                continue
            mention = max((k for k, w in enumerate(run) if w == surname), default=-1)
            name = run[mention + 1 :] or run[-1:]
            begin = words[i - len(name)][0]
            out.append((begin, more.end(), " ".join([*name, surname]).lower()))
            break
    return out


#: A sentence of this many words or more that one outlet prints, word for word, inside
#: longer lines of this many of its articles is a prompt run into the text ("You agree to
#: receive occasional updates ...", a donation appeal), not prose.
PROMPT_WORDS = 12
PROMPT_ARTICLES = 3
# The sentences of a line are the matches of r"[^.!?]*[.!?]+(?=\s|$)|[^.!?]+$". That
# pattern, tried at every position of a run that a "3.5" or "U.S" ends, takes time
# quadratic in the run; the same matches are the segments (a run without sentence
# punctuation, then a run of it) closed by white space or the end of the line, and the
# final run without punctuation (tests/_nlp/test_fast_paths.py checks the equality).
_SEGMENT = re.compile(r"[^.!?]*([.!?]*)")


def _sentence_spans(line: str) -> list[tuple[int, int]]:
    n = len(line)
    return [
        (s, e)
        for m in _SEGMENT.finditer(line)
        for s, e in (m.span(),)
        if s != e and (m.start(1) == e or e == n or line[e].isspace())
    ]


def _prompts(line: str, key: str, odd: bool) -> list[tuple[int, int, str]]:
    """The sentences of a line of :data:`PROMPT_WORDS` words or more: (start, end, folded).

    ``key, odd`` are :func:`_fold_odd` of the line: a sentence holds a digit only if the
    folded line holds a "0", and odd white space only if the line does."""
    if line.count(" ") < PROMPT_WORDS:
        return []
    out = []
    digits = "0" in key
    for s, e in _sentence_spans(line):
        text = line[s:e]
        if len(text.split()) < PROMPT_WORDS:
            continue  # folding never adds a word
        piece = text.lower()
        if digits:
            piece = _DIGITS.sub("0", piece)
        if odd and _odd_space(piece):
            piece = _SPACE.sub(" ", piece)
        piece = piece.strip(" .:;,-–—|")
        if piece.count(" ") + 1 >= PROMPT_WORDS:
            out.append((s + len(text) - len(text.lstrip()), e, piece))
    return out


_LABEL = re.compile(r"^\W*([A-Za-z]+)")


def _label(line: str) -> str | None:
    """The first word of a line that a colon follows within its first eight words
    ("UPDATE:", "Related:", "READ MORE:", "Update at 11:20 a.m. ET:"), folded."""
    m = _LABEL.match(line)
    if m is None or ":" not in " ".join(line.split(None, 8)[:8]):
        return None
    return m.group(1).lower()


def _signatures(grams: dict[str, dict[str, set[int]]], size: Counter) -> dict[str, dict[str, int]]:
    """Per outlet, the word triples of short lines that are its own: in at least
    :data:`SIGNATURE_SHARE` of its articles (and three), in almost none of the
    other outlets' (below :data:`OTHERS_SHARE`), and not holding a word of the
    outlet's own name (a line naming the outlet, "the Daily Ledger's reporter",
    is prose; its name is house style of its own). Returns outlet -> triple -> articles."""
    total = sum(size.values())
    out: dict[str, dict[str, int]] = defaultdict(dict)
    own = {g: {w for w in re.findall(r"\w+", g.lower()) if w not in FUNCTION_WORDS} for g in size}
    for gram, per in grams.items():
        for group, arts in per.items():
            n = len(arts)
            if n < 3 or n < SIGNATURE_SHARE * size[group]:
                continue
            if own[group] and not own[group].isdisjoint(re.findall(r"[^\W\d_]+", gram)):
                continue
            others = sum(len(v) for g, v in per.items() if g != group)
            rest = total - size[group]
            if rest and others > OTHERS_SHARE * rest:
                continue
            out[group][gram] = n
    return out
