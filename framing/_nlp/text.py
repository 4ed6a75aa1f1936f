"""Text clean-up and the shared tokenizer.

Every feature in framing reads tokens through :func:`token_spans` or
:func:`tokenize`, so that a label, an alias, a lexicon entry and a counted term
are always normalised the same way:

* lower-cased;
* curly apostrophes and quotes folded to straight ones (``’`` -> ``'``);
* hyphenated compounds kept whole (``full-scale``, ``counter-terrorism``);
* numbers kept, with their thousands separators and decimals (``1,200``,
  ``3.5``, ``21st``, ``1990s``): death tolls matter;
* dotted abbreviations kept whole (``u.s.``, ``u.n.``);
* the possessive ``'s`` split off (``israel's`` -> ``israel``, ``'s``) while
  contractions stay whole (``don't``, ``isn't``).

Normalisation maps one character to one character, so token offsets index the
original string.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache
from itertools import compress
from operator import not_

from bs4 import BeautifulSoup

__all__ = [
    "clean_text",
    "find_dateline",
    "fold",
    "tokenize",
    "token_spans",
]

# --- cleaning ----------------------------------------------------------------

_SPACES = {
    "\u00a0": " ",  # no-break space
    "\u1680": " ",
    "\u2000": " ",
    "\u2001": " ",
    "\u2002": " ",
    "\u2003": " ",
    "\u2004": " ",
    "\u2005": " ",
    "\u2006": " ",
    "\u2007": " ",
    "\u2008": " ",
    "\u2009": " ",
    "\u200a": " ",
    "\u202f": " ",
    "\u205f": " ",
    "\u3000": " ",
    "\t": " ",
    "\u2028": "\n",
    "\u2029": "\n\n",
    "\x0b": "\n",
    "\x0c": "\n",
}
_INVISIBLE = dict.fromkeys(map(ord, "\ufeff\u200b\u200c\u200d\u2060\u00ad"), None)
_SPACE_TABLE = str.maketrans(_SPACES) | _INVISIBLE
# The characters the table changes, to skip or localise the translation.
_SPACE_CHARS = re.compile("[" + re.escape("".join(map(chr, _SPACE_TABLE))) + "]")
# Anything that collapsing the spaces of each line would change: white space
# other than a plain space or a line break, two spaces, a space at a line's
# start or end.
_UNTIDY = re.compile(r"[^\S\n ]| {2}|^ | $", re.MULTILINE)

# Real markup, not a "<" and a ">" in plain text ("x<y then y>z"): a closing tag
# of an HTML element, an opening one without attributes or with name="value"
# ones, a comment, CDATA or a doctype.
_HTML_NAMES = (
    "a abbr address article aside audio b big blockquote body br button caption center cite code col "
    "colgroup dd del details dfn div dl dt em embed figcaption figure font footer form h1 h2 h3 h4 h5 "
    "h6 head header hr html i iframe img input ins kbd label legend li link main mark meta nav noscript "
    "ol option p picture pre q s samp script section select small source span strike strong style sub "
    "summary sup svg table tbody td template textarea tfoot th thead time title tr tt u ul var video wbr"
).split()
_ATTRIBUTE = r"""[A-Za-z_:][-\w:.]*\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+)"""
_TAG = re.compile(
    rf"</(?:{'|'.join(_HTML_NAMES)})\s*>"
    rf"|<(?:{'|'.join(_HTML_NAMES)})(?=[\s/>])(?:\s+{_ATTRIBUTE})*\s*/?>"
    r"|<!--|<!\[CDATA\[|<!doctype\s",
    re.IGNORECASE,
)
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_BLOCK_TAGS = (
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "section",
    "article",
    "header",
    "footer",
    "figure",
    "figcaption",
    "table",
    "tr",
    "pre",
    "hr",
)
_DROP_TAGS = ("script", "style", "noscript", "template", "head")


def _strip_html(text: str) -> str:
    """Text content of an HTML fragment, block elements becoming paragraphs."""
    soup = BeautifulSoup(text, "html.parser")
    for tag in soup.find_all(_DROP_TAGS):
        tag.decompose()
    for tag in soup.find_all(_BLOCK_TAGS):
        if tag.name in ("br", "hr"):
            tag.replace_with("\n")
        else:
            tag.insert_before("\n\n")
            tag.insert_after("\n\n")
    return soup.get_text()


def clean_text(text: str) -> str:
    """Normalise the text of one article as scraped or saved.

    Removes byte-order marks and invisible characters, turns Windows and old
    Mac line endings into ``\\n``, strips HTML tags and decodes entities (with
    :mod:`bs4`'s parser, only when the text contains real markup: a closing
    tag of an HTML element, or an opening one without attributes or with
    ``name="value"`` attributes, a comment, CDATA or a doctype; a ``<`` and a
    ``>`` in plain text stay), turns
    non-breaking and other Unicode spaces into plain spaces, collapses runs of
    spaces, and keeps paragraphs as blocks separated by one blank line when the
    text has blank lines (single line breaks are kept otherwise). Curly quotes
    and apostrophes are kept as written; the tokenizer folds them.

    Parameters
    ----------
    text : str
        Raw article text.

    Returns
    -------
    str
        The cleaned text, stripped of leading and trailing white space.

    Examples
    --------
    >>> clean_text("<p>Gaza&nbsp;City</p><p>Second &amp; last</p>")
    'Gaza City\\n\\nSecond & last'
    >>> clean_text("\\ufeffOne\\r\\nTwo")
    'One\\nTwo'
    >>> clean_text("if x<y then y>z")  # no markup: kept as written
    'if x<y then y>z'
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _TAG.search(text):
        text = _strip_html(text)
    elif _ENTITY.search(text):
        text = html.unescape(text)
    if _SPACE_CHARS.search(text):
        text = text.translate(_SPACE_TABLE)
    if _UNTIDY.search(text):
        text = "\n".join(" ".join(line.split()) for line in text.split("\n"))
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip()


# A dateline opens a wire story: "WASHINGTON —", "GAZA CITY, May 7 (Reuters) -",
# "WEST PALM BEACH, Fla. —", "RAFAH, Gaza Strip (AP) —". The place is written in
# capitals; the dash (or a colon) ends it.
_DATELINE = re.compile(
    r"""^
    (?P<dateline>
      (?:
        (?P<place>[A-Z][A-Z'.\-]+(?:\ [A-Z][A-Z'.\-]+){0,4})   # PLACE in capitals
        (?:,\ [A-Z][A-Za-z.\-]+(?:\ [A-Z][A-Za-z.\-]+){0,3})?  # , Region
        (?:,?\ (?:[A-Z][a-z]{2,8}\.?\ \d{1,2}|\d{1,2}\ [A-Z][a-z]{2,8}))?  # date
        (?:,?\ \d{4})?
        (?:\ \((?P<agency>[A-Za-z][A-Za-z .&\-]{0,40})\))?    # (Reuters)
      |
        (?P<titled>[A-Z][a-z]+(?:\ [A-Z][a-z]+){0,3})           # Place (AFP)
        \ \([A-Z][A-Za-z .&\-]{0,40}\)
      |
        (?:[A-Z][a-z]{2,8}\.?\ \d{1,2})(?:,?\ \d{4})?         # April 29 (UPI)
        \ \([A-Z][A-Za-z .&\-]{0,40}\)
      )
    )
    \s*(?:—|–|--|-|:)\s+
    (?=["“'‘]?[A-Z0-9])
    """,
    re.VERBOSE,
)


def find_dateline(text: str) -> int:
    """Length of the dateline prefix of ``text`` (0 if there is none).

    Examples
    --------
    >>> s = "GAZA CITY, May 7 (Reuters) - Strikes hit the south."
    >>> s[find_dateline(s):]
    'Strikes hit the south.'
    >>> find_dateline("WASHINGTON — The president said.")
    13
    >>> find_dateline("The White House said on Monday.")
    0
    >>> find_dateline("Washington (AFP) – Special counsel Robert Mueller")
    19
    >>> find_dateline("A Rafah (AP) - No")
    0
    """
    m = _DATELINE.match(text)
    if m is None:
        return 0
    return m.end()


# --- normalisation and tokens ------------------------------------------------

_FOLD = str.maketrans(
    {
        "\u2019": "'",
        "\u2018": "'",
        "\u02bc": "'",
        "\u2032": "'",
        "`": "'",
        "\u00b4": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u00a0": " ",
    }
)


# The same mapping as pairs: every character maps to one character and no
# target is also a source, so replacing them one by one equals translate(),
# and ``str.replace`` is many times faster than a dict-driven translate().
_FOLD_PAIRS = tuple((chr(k), v) for k, v in _FOLD.items())


def fold(text: str) -> str:
    """Lower-case ``text`` and fold typographic quotes, keeping its length.

    Examples
    --------
    >>> fold("Israel’s “Operation”")
    'israel\\'s "operation"'
    """
    folded = text
    for char, plain in _FOLD_PAIRS:
        if char in folded:
            folded = folded.replace(char, plain)
    lowered = folded.lower()
    if len(lowered) == len(folded):
        return lowered
    # A few characters (such as "İ") grow when lower-cased; keep offsets exact.
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in folded)


_NUM = r"\d+(?:[.,:]\d+)*(?:st|nd|rd|th|s|m|bn|k)?"
_WORD = r"[^\W_]+"
_PART = rf"(?:{_NUM}|{_WORD})"
_TOKEN_RE = re.compile(
    rf"""
    (?=[^\W_]|')                        # every token starts so: skip the rest fast
    (?:
      (?:[^\W\d_]\.){{2,}}(?![^\W_])     # dotted abbreviations: u.s. u.n. d.c.
    | {_PART}(?:-{_PART})*               # words, numbers, hyphenated compounds
      (?:'(?!s\b)[^\W_]+)?               # contractions: don't, o'brien
    | '(?=s\b)s                          # the possessive 's, split off
    )
    """,
    re.VERBOSE,
)


def tokenize(text: str) -> list[str]:
    """Tokens of ``text``, normalised as described in this module.

    Examples
    --------
    >>> tokenize("Israel’s full-scale operation killed 1,200, the U.S. said.")
    ['israel', "'s", 'full-scale', 'operation', 'killed', '1,200', 'the', 'u.s.', 'said']
    """
    return _TOKEN_RE.findall(fold(text))


def token_spans(text: str) -> list[tuple[str, int, int]]:
    """Tokens of ``text`` with their character offsets ``(token, start, end)``.

    Examples
    --------
    >>> token_spans("Hamas’s fighters")
    [('hamas', 0, 5), ("'s", 5, 7), ('fighters', 8, 16)]
    """
    return [(m.group(), m.start(), m.end()) for m in _TOKEN_RE.finditer(fold(text))]


# Characters stripped from both ends of a white-space separated piece before
# testing whether the piece is one plain word. None of them can start a token
# or sit at the edge of a token that could be left in a piece of letters only.
_EDGE = '.,;:!?"()[]{}-\u2013\u2014\u2026/*&%$#@+=<>|\\~^'


def _piece_tokens(folded: str, mark: str | None = None) -> list[str]:
    """``_TOKEN_RE.findall(folded)``, faster on ordinary prose.

    ``folded`` is text already passed through :func:`fold`. Tokens never
    contain white space, and the pattern looks neither behind a token nor
    further ahead than a word boundary, which white space and the end of a
    string satisfy alike, so the text splits at white space into pieces
    tokenised one by one. A piece that is one run of letters once the
    punctuation in ``_EDGE`` is stripped from its ends is itself the single
    token (the pattern reads a run of letters as one word, and those
    characters are never part of a token there); other pieces (numbers,
    possessives, hyphens, abbreviations, other characters) go through the
    pattern. ``tests/_nlp/test_fast_paths.py`` checks the equality.

    A piece equal to ``mark`` (one that yields no token, such as ``"\\x00"``)
    becomes the empty string, which is never a token: a boundary marker.
    """
    pieces = folded.split()
    odd = list(compress(range(len(pieces)), map(not_, map(str.isalpha, pieces))))
    if not odd:
        return pieces
    findall = _TOKEN_RE.findall
    out: list[str] = []
    i0 = 0
    for i in odd:
        out += pieces[i0:i]
        piece = pieces[i]
        core = piece.strip(_EDGE)
        if core.isalpha():
            out.append(core)
        elif piece == mark:
            out.append("")
        else:
            out += findall(piece)
        i0 = i + 1
    out += pieces[i0:]
    return out


@lru_cache(maxsize=4096)
def tokenize_pattern(pattern: str) -> tuple[str, ...]:
    """Tokens of a user-supplied label or alias, keeping ``*`` and ``?`` globs."""
    return tuple(t for t, _ in _pattern_pieces(pattern))


def _pattern_pieces(pattern: str) -> list[tuple[str, str]]:
    """(token, the token as written) of a user-supplied label or alias."""
    parts = []
    for piece in pattern.split():
        folded = fold(piece)
        if any(c in piece for c in "*?"):
            parts.append((folded.strip('.,;:!"()'), piece))
        else:
            parts.extend((m.group(), piece[m.start():m.end()]) for m in _TOKEN_RE.finditer(folded))
    return parts


_DOTTED = re.compile(r"(?:[^\W\d_]\.){2,}")


def abbreviation_key(token: str) -> str:
    """A token with the periods of a dotted abbreviation removed ("u.s." -> "us").

    Examples
    --------
    >>> [abbreviation_key(t) for t in ["u.s.", "us", "f.b.i.", "dr.", "3.5"]]
    ['us', 'us', 'fbi', 'dr.', '3.5']
    """
    return token.replace(".", "") if "." in token and _DOTTED.fullmatch(token) else token


def is_acronym(written: str) -> bool:
    """Whether a token as written is an acronym: dotted ("U.S.") or all capitals ("NATO", "US").

    Examples
    --------
    >>> [is_acronym(w) for w in ["U.S.", "US", "NATO", "Us", "us", "I", "F.B.I."]]
    [True, True, True, False, False, False, True]
    """
    if _DOTTED.fullmatch(written.lower()):
        return not any(c.islower() for c in written)
    return len(written) >= 2 and written.isalpha() and written.isupper()


def acronym_pattern_tokens(pattern: str) -> tuple[bool, ...]:
    """For each token of :func:`tokenize_pattern`, whether it is written as an acronym."""
    return tuple(is_acronym(w) for _, w in _pattern_pieces(pattern))
