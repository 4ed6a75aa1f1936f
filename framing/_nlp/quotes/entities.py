"""Speakers as entities: names merged, pronouns and titles resolved, speakers mapped to actors.

Each speaker of an article becomes an entity:

* a name ("Hillary Rodham Clinton", "Mrs. Clinton", "Clinton") is one person,
  keyed by first and last name ("hillary clinton"); a surname alone, or an
  honorific and a surname, joins the person of the article with that surname
  (the most recent one whose gender fits, when two share it);
* "he" and "she" take the most recent person of a compatible gender who spoke
  or opened a sentence before them, "they" the most recent group, "it" the most
  recent organisation or document;
* a title ("the senator", "the Republican candidate") takes the most recent
  person the article gave that title;
* other speakers ("officials", "a spokesman for the ministry") are entities of
  their own, named by their words.

Gender comes from the text only: honorifics ("Mr.", "Mrs."), gendered nouns
("a spokeswoman") and the usual gender of common first names
(:func:`framing._nlp.english.first_names`, the ``first_names`` lexicon); a person of unknown gender fits
both pronouns.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache

from .. import english as en
from ..text import fold, tokenize
from .doc import _Doc

__all__ = ["Entity", "looks_like_person", "match_actors", "resolve_pronouns", "speaker_entities"]

_PERSON_PRONOUNS = frozenset({"he", "she"})
_GENDER_OF_PRONOUN = {"he": "m", "she": "f"}
_WORD = re.compile(r"[\w'’.&-]+")
_PARTICLES = frozenset("de da del della di van von der den al bin ibn la le st. st".split())
_SUFFIXES = frozenset("jr jr. sr sr. ii iii iv".split())
# capitalised words that open a sentence or a place name, not a person's name
_NOT_FIRST = (
    en.QUOTE_TIME_WORDS | en.NP_DETERMINERS | en.ADJUNCT_PREPOSITIONS | en.CLAUSE_WORDS | en.SPEAKER_PRONOUNS
    | frozenset(
        """january february march april june july august september october november december
        north south east west new san los las saint fort lake mount former even like to as for
        of also but and so if when while after before more most many some just only""".split()
    )
)
_POSSESSIVE = re.compile(r"['’]s?$")
_NAME_MENTION = re.compile(
    r"\b(?:(?P<title>Mr|Mrs|Ms|Miss|Dr|Sen|Rep|Gov|Gen|President|Senator|Governor|Secretary|Speaker|Judge|"
    r"Justice|Mayor|Rev|Prof)\.?\s+)?"
    r"(?P<name>[A-Z][a-zA-Z'’-]+(?:\s+(?:[A-Z]\.|[A-Z][a-zA-Z'’-]+|de|van|von|al|bin|del|di|la)){0,3})"
)


@lru_cache(maxsize=1 << 16)
def _norm(word: str) -> str:
    # memoised: called about 500 times an article, on a few thousand distinct words
    return fold(word).strip(".,;:'’\"()").lower()


@dataclass
class Entity:
    """A speaker of an article: a person, a group of people or a body."""

    key: str  # "hillary clinton", "clinton", "officials", "the ministry"
    name: str  # shown: "Hillary Clinton"
    kind: str  # "person", "group" or "body"
    gender: str | None = None  # "m", "f" or None
    last: str | None = None  # surname of a person
    first: str | None = None
    roles: set[str] = field(default_factory=set)

    def fits(self, pronoun: str) -> bool:
        if pronoun in _PERSON_PRONOUNS:
            g = _GENDER_OF_PRONOUN[pronoun]
            return self.kind == "person" and self.gender in (None, g)
        if pronoun == "they":
            return self.kind in ("group", "body")
        if pronoun == "it":
            return self.kind == "body"
        return False


def looks_like_person(speaker: str) -> bool:
    """A named person or a person's role ("Ms Lind", "a spokesman"), not an organisation."""
    words = re.findall(r"[\w'’.-]+", speaker)
    if not words:
        return False
    low = [w.lower().rstrip(".") for w in words]
    if low[0] in en.SPEAKER_PRONOUNS:
        return False
    if any(w in en.BODY_NOUNS and w not in ("spokesman", "spokeswoman") for w in low):
        return any(w in en.PERSON_NOUNS for w in low[-2:])
    if low[-1].endswith("s") and low[-1] not in en.PERSON_NOUNS and not words[-1][0].isupper():
        return False  # plural: "officials", "residents"
    return words[-1][0].isupper() or any(w in en.PERSON_NOUNS for w in low)


def _looks_like_body(speaker: str) -> bool:
    """An organisation or a document, singular ("the ministry", "the report")."""
    low = [w.lower() for w in re.findall(r"[\w'’.-]+", speaker)]
    return (
        bool(low)
        and low[0] not in en.SPEAKER_PRONOUNS
        and any(w in en.BODY_NOUNS for w in low)
        and not looks_like_person(speaker)
    )


def _split_name(words: list[str]) -> tuple[list[str], list[str]]:
    """(role words, name words) of a speaker phrase: the name is the run of
    capitalised words that ends it ("Republican presidential candidate | Donald Trump"),
    or that ends its part before an affiliation ("Jonas Feld | of the Relief Network")."""
    low = [_norm(w) for w in words]
    for k, w in enumerate(low):
        if w in ("of", "from", "at", "with") and 0 < k and words[k - 1][:1].isupper():
            before, after = words[:k], words[k:]
            roles, name = _split_name(before)
            if len(name) >= 2 or (name and roles):
                return roles + after, name
            break
    end = len(words)
    while end > 0 and (words[end - 1].startswith("(") or _norm(words[end - 1]) in _SUFFIXES):
        end -= 1  # "(D-Calif.)", "Jr."
    k = end
    while k > 0 and (words[k - 1][:1].isupper() or (_norm(words[k - 1]) in _PARTICLES and k < end)):
        k -= 1
    name = words[k:end]
    roles = words[:k]
    titles = [m for m, w in enumerate(name[:-1]) if _norm(w) in en.NAME_TITLES]
    if titles:
        # "Sen. Bernie Sanders", "French President François Hollande"
        roles += name[: titles[-1] + 1]
        name = name[titles[-1] + 1 :]
    return roles, name


def _parse(speaker: str, appositive: str | None) -> Entity:
    """The entity a speaker phrase names (not yet merged with the article's others)."""
    key, shown, kind, gender, last, first, roles = _parsed(speaker, appositive)
    return Entity(key, shown, kind, gender, last, first, set(roles))


@lru_cache(maxsize=1 << 15)
def _parsed(speaker: str, appositive: str | None) -> tuple:
    """:func:`_parse` as a tuple (memoised: a speaker is often quoted again)."""
    words = _WORD.findall(speaker)
    low = [_norm(w) for w in words]
    roles, name = _split_name(words)
    role_words = {en.NAME_TITLES.get(_norm(w), _norm(w)) for w in roles}
    role_words |= {_norm(w) for w in _WORD.findall(appositive or "")}
    gender = None
    for w in list(role_words):
        if w in ("m", "f"):
            gender = w
        elif w in en.GENDERED_NOUNS:
            gender = gender or en.GENDERED_NOUNS[w]
    role_words -= {"m", "f", ""}
    name_low = [_norm(w) for w in name]
    is_org = any(w in en.ORGANISATION_WORDS for w in name_low) or (
        len(name) < 2 and any(w in en.BODY_NOUNS for w in low[-1:])
    )  # ("Jonas Feld of the Relief Network" is a person; "the ministry" a body)
    plural = len(name) == 1 and len(words) == 1 and low[0].endswith("s") and (
        low[0][:-1] in en.PERSON_NOUNS or low[0][:-2] in en.PERSON_NOUNS or low[0] in en.ADDRESSEE_NOUNS
    )  # "Officials said" opening a sentence
    if name and not is_org and not plural and not (len(name) == 1 and low[0] in ("the", "a", "an") and not roles):
        first = name_low[0] if len(name) > 1 else None
        if first and len(first) <= 2 and first.endswith("."):
            first = None  # an initial: "J. Smith"
        last = name_low[-1]
        if first and gender is None:
            gender = en.first_names().get(first)
        shown = f"{name[0]} {name[-1]}" if len(name) > 1 else name[0]
        key = f"{first} {last}" if first else last
        return key, shown.strip(".,"), "person", gender, last, first, frozenset(role_words)
    body = [w for w in low if w not in ("the", "a", "an")]
    key = " ".join(body) or speaker.lower()
    shown = speaker.strip()
    if plural or low and low[-1].endswith("s") and low[-1] not in en.PERSON_NOUNS and not words[-1][:1].isupper():
        kind = "group"  # "officials", "many voters"
    elif " and " in f" {' '.join(low)} " or any(w in en.QUANTITY_SUBJECTS or w[:1].isdigit() for w in low):
        kind = "group"  # "Clinton and Sanders", "42%"
    elif looks_like_person(speaker):
        kind = "person"
    else:
        kind = "body"
    return key, shown, kind, gender, None, None, frozenset(role_words | set(body))


@lru_cache(maxsize=1 << 15)
def _name_mention(title: str | None, written: str):
    """What one match of ``_NAME_MENTION`` tells (memoised on its title and
    name as written; an article repeats its names): ``None`` for no name, else
    ``(surname, the gender its honorific gives or None, person or None,
    whether the person can stand behind a pronoun)``, the person as ``(key,
    shown, gender, first, roles)``."""
    name = [_POSSESSIVE.sub("", w) for w in written.split()]
    while name and _norm(name[-1]) in _SUFFIXES:
        name = name[:-1]
    while len(name) > 1 and _norm(name[0]) in en.NAME_TITLES:
        title, name = title or name[0], name[1:]  # "Professor Paul Gronke", "Vice President Joe Biden"
    if not name:
        return None
    last = _norm(name[-1])
    honorific = bool(title) and _norm(title) in ("mr", "mrs", "ms", "miss")
    surname_gender = en.NAME_TITLES[_norm(title)] if honorific else None
    first = _norm(name[0]) if len(name) > 1 else None
    if first in _NOT_FIRST or first in en.NUMBER_WORDS or any(_norm(w) in en.ORGANISATION_WORDS for w in name):
        return last, surname_gender, None, False
    if first is None and not title:
        return last, surname_gender, None, False
    person = (
        f"{first} {last}" if first else last,
        f"{name[0]} {name[-1]}" if first else name[-1],
        en.first_names().get(first or "") or (en.NAME_TITLES.get(_norm(title)) if title else None),
        first,
        frozenset({en.NAME_TITLES[_norm(title)]} if title and not honorific else ()),
    )
    return last, surname_gender, person, bool(first in en.first_names() or title)


def _imperative(written: str, text: str, start: int) -> bool:
    """The first word of a capitalised run at the start of a sentence, a
    headline or a paragraph is a verb and not a first name ("Let Israel
    finish", "Ask Democrats"): a command, not part of the name."""
    first = _norm(written.split(None, 1)[0])
    if first not in en.VERBS or first in en.first_names() or first in en.NAME_TITLES:
        return False
    before = text[max(0, start - 3) : start].rstrip(" \t\"'“‘(")
    return not before or before[-1] in ".!?:\n"


class _Article:
    """The people an article names, for merging name variants and resolving pronouns."""

    def __init__(self, text: str) -> None:
        self.by_key: dict[str, Entity] = {}
        self.by_last: dict[str, list[Entity]] = {}
        self.surname_gender: dict[str, str] = {}
        self.mentions: list[tuple[int, Entity]] = []  # (position, person) of every full name
        self.seen: dict[int, list[int]] = {}  # id(entity) -> positions of its mentions
        for m in _NAME_MENTION.finditer(text):
            title, written = m.group("title"), m.group("name")
            if title is None and " " in written and _imperative(written, text, m.start()):
                written = written.split(None, 1)[1]  # "Let Israel finish the job": "Israel"
            found = _name_mention(title, written)
            if found is None:
                continue
            last, surname_gender, person, surely = found
            if surname_gender is not None:
                self.surname_gender.setdefault(last, surname_gender)
            if person is not None:
                key, shown, gender, first, roles = person
                ent = self.add(Entity(key, shown, "person", gender, last, first, set(roles)), m.start())
                if surely:
                    # only names that are surely people's ("Wall Street", "Rust Belt"
                    # and "One BLM" are not) can stand behind a pronoun or a title
                    self.mentions.append((m.start(), ent))
                self.seen.setdefault(id(ent), []).append(m.start())
        self.mention_pos = [p for p, _ in self.mentions]
        for ents in self.by_last.values():
            for e in ents:
                if e.gender not in ("m", "f"):
                    e.gender = self.surname_gender.get(e.last or "")

    def add(self, ent: Entity, pos: int) -> Entity:
        """Merge ``ent`` into the article's entities; return the entity it is."""
        if ent.kind != "person":
            known = self.by_key.setdefault(ent.key, ent)
            known.roles |= ent.roles
            return known
        if ent.gender is None and ent.last:
            ent.gender = self.surname_gender.get(ent.last)
        same = self.by_last.get(ent.last or "", [])
        if ent.first is None:
            # "Clinton", "Mrs. Clinton": the person with that surname, of the
            # fitting gender, mentioned last before this position
            fitting = [e for e in same if ent.gender in (None, e.gender) or e.gender is None]
            if fitting:
                best = max(fitting, key=lambda e: self._last_seen(e, pos))
                best.roles |= ent.roles
                if best.gender is None:
                    best.gender = ent.gender
                return best
        else:
            for e in same:
                if e.first == ent.first:
                    e.roles |= ent.roles
                    e.gender = e.gender or ent.gender
                    return e
            for e in same:
                if e.first is None and ent.gender in (None, e.gender):
                    # a surname seen first ("Clinton said") now named in full
                    e.first, e.key, e.name = ent.first, ent.key, ent.name
                    e.roles |= ent.roles
                    e.gender = e.gender or ent.gender
                    self.by_key[e.key] = e
                    return e
        self.by_key[ent.key] = ent
        if ent.last:
            self.by_last.setdefault(ent.last, []).append(ent)
        return ent

    def _last_seen(self, ent: Entity, pos: int) -> int:
        seen = self.seen.get(id(ent), [])
        k = bisect.bisect_right(seen, pos)
        return seen[k - 1] if k else -1

    def named_before(self, pronoun: str, pos: int, reach: int = 1200) -> tuple[Entity, dict] | None:
        """The person named last before ``pos`` (within ``reach`` characters) whom
        ``pronoun`` fits: the antecedent of a pronoun whose person never spoke before."""
        k = bisect.bisect_left(self.mention_pos, pos)
        for p, e in reversed(self.mentions[max(0, k - 30) : k]):
            if pos - p > reach:
                return None
            if e.fits(pronoun):
                return e, {"speaker": e.name, "appositive": None}
        return None

    def titled(self, head: str, pos: int) -> Entity | None:
        """The person named last before ``pos`` (among the 200 names before it) who
        holds the title ``head``."""
        k = bisect.bisect_right(self.mention_pos, pos)
        for _, e in reversed(self.mentions[max(0, k - 200) : k]):
            if head in e.roles:
                return e
        return None


def _subject_names(doc: _Doc) -> list[dict]:
    """Named people opening a sentence ("Marta Ilves, 67, had been waiting")."""
    out = []
    for k, (a, b) in enumerate(doc.sent_tok):
        e = a
        while e < b and doc.cap(e) and (e == a or not doc.boundary_before(e)) and doc.word(e) not in en.SPEAKER_PRONOUNS:
            e += 1
        if e - a >= 2 and doc.word(a) not in en.NP_DETERMINERS and (e >= b or not doc.cap(e)):
            s0, s1 = doc.span(a, e)
            name = doc.text[s0:s1]
            if (
                looks_like_person(name)
                and doc.word(a) not in _NOT_FIRST
                and doc.word(a) not in en.NUMBER_WORDS  # "Four Hamas battalions"
                and not _imperative(name, doc.text, s0)
                and not any(doc.word(m) in en.ORGANISATION_WORDS for m in range(a, e))
                and not any(doc.word(m) in en.QUOTE_TIME_WORDS or doc.word(m) in en.CLAUSE_WORDS for m in range(a, e))
            ):
                out.append(
                    {"speaker": name, "speaker_start": s0, "sent": k, "paragraph": doc.sents[k][0], "appositive": None}
                )
    return out


def _title_head(speaker: str) -> str | None:
    """'the senator' -> 'senator', 'the Republican presidential candidate' -> 'candidate'."""
    words = [_norm(w) for w in _WORD.findall(speaker)]
    if len(words) < 2 or words[0] != "the" or any(w[:1].isdigit() for w in words):
        return None
    if any(w[:1].isupper() for w in _WORD.findall(speaker)[1:]) and not all(
        _norm(w) in en.ORGANISATION_WORDS or _norm(w) in ("republican", "democratic", "former", "vermont")
        for w in _WORD.findall(speaker)[1:]
        if w[:1].isupper()
    ):
        return None
    head = words[-1]
    return head if head in en.PERSON_NOUNS or head in en.NAME_TITLES.values() or head in ("billionaire", "mogul", "nominee") else None


def speaker_entities(rows: list[dict], text: str, names: list[dict] = (), window: int = 3) -> None:
    """Give every row its speaker entity; resolve pronoun and title speakers.

    Sets, in place, ``speaker_entity`` (the entity's name: "Hillary Clinton"
    for "Mrs. Clinton"), ``entity_key`` (its key, for merging across articles),
    ``entity_kind`` ("person", "group", "body"), ``entity_gender`` ("m", "f" or
    None), ``speaker_source`` ("name", "pronoun", "title", "previous" or None
    without a speaker), ``pronoun`` (the pronoun as written, else None) and
    ``unresolved`` (a pronoun with no antecedent). A resolved pronoun's
    ``speaker`` becomes its antecedent as written there. ``names`` are people
    opening sentences (:func:`_subject_names`), antecedents besides the
    speakers. Pronouns look back at most ``window`` paragraphs ("he", "she"),
    two ("they") or one ("it").
    """
    article = _Article(text)

    def pos(r):
        return r["speaker_start"] if r["speaker_start"] >= 0 else r["start"]

    events = sorted(
        [(pos(r), 0, r) for r in rows] + [(n["speaker_start"], 1, n) for n in names], key=lambda x: (x[0], x[1])
    )
    recent: list[tuple[Entity, int, int, dict]] = []  # (entity, paragraph, sentence, source), newest last
    for row in rows:
        row["pronoun"], row["unresolved"] = None, False
        row["speaker_entity"] = row["entity_key"] = row["entity_kind"] = row["entity_gender"] = None
        row["speaker_source"] = None
    for _, is_name, r in events:
        sp = r["speaker"]
        if not sp:
            continue
        low = sp.strip().lower()
        if is_name:
            ent = article.add(_parse(sp, None), r["speaker_start"])
            recent.append((ent, r["paragraph"], r["sent"], r))
            continue
        if low in en.SPEAKER_PRONOUNS:
            r["pronoun"] = sp
            found = _antecedent(recent, low, r, window)
            if found is None and low in _PERSON_PRONOUNS and r.get("sent_start") is not None:
                found = article.named_before(low, r["sent_start"])
                if found is None:
                    # a profile's subject may speak again paragraphs after last
                    # named: a named person of that gender, further back
                    found = _antecedent(recent, low, r, 4 * window, gendered=True)
            r["speaker_source"] = "pronoun"
            if found is None:
                r["unresolved"] = True
                continue
            ent, src = found
            r["speaker"], r["appositive"] = src["speaker"], src.get("appositive") or r.get("appositive")
            _set(r, ent)
            recent.append((ent, r["paragraph"], r["sent"], src))
            continue
        head = _title_head(sp)
        titled = article.titled(head, r["speaker_start"]) if head else None
        if titled is not None:
            _set(r, titled)
            r["speaker_source"] = "title"
            recent.append((titled, r["paragraph"], r["sent"], r))
            continue
        ent = article.add(_parse(sp, r.get("appositive")), r["speaker_start"])
        _set(r, ent)
        r["speaker_source"] = "previous" if r.get("inherited") else "name"
        recent.append((ent, r["paragraph"], r["sent"], r))
        if len(recent) > 64:
            del recent[:32]
    for row in rows:
        if row["entity_key"] is not None:
            ent = article.by_key.get(row["entity_key"])
            if ent is not None:  # a surname named in full later in the article
                _set(row, ent)


def _antecedent(recent, pronoun: str, row: dict, window: int, gendered: bool = False):
    """The most recent entity before ``row`` that ``pronoun`` can stand for
    (``gendered``: a named person whose gender is known to be the pronoun's)."""
    limit = window if pronoun in _PERSON_PRONOUNS else (2 if pronoun == "they" else 1)
    for ent, para, sent, src in reversed(recent):
        if row["paragraph"] - para > limit:
            return None
        if sent >= row["sent"]:
            continue
        if ent.fits(pronoun) and (not gendered or (ent.gender is not None and ent.last is not None)):
            return ent, src
    return None


def _set(row: dict, ent: Entity) -> None:
    row["speaker_entity"], row["entity_key"] = ent.name, ent.key
    row["entity_kind"], row["entity_gender"] = ent.kind, ent.gender


def resolve_pronouns(rows: list[dict], names: list[dict] = (), window: int = 3, text: str = "") -> None:
    """Resolve pronoun speakers in place (see :func:`speaker_entities`)."""
    speaker_entities(rows, text, names, window)


def match_actors(rows: list[dict], patterns) -> None:
    """Set ``actor`` on every row from its speaker (or the speaker's appositive).

    ``patterns`` is a :class:`framing._nlp.match.PatternSet` of actor aliases. An
    alias counts when it names the speaker or whom the speaker speaks for: the
    head of the phrase ("the Calveran army"), its possessor ("Calvera's army
    chief"), a name before a noun of speaking for ("the Trump campaign") or after
    one ("a spokeswoman for the Calveran government", "an aide to Trump"); not
    when the phrase is about the actor ("George Conway, a vocal critic of Mr.
    Trump", "a Trump critic"). The longest such alias wins; among equally long
    ones the last. When the speaker matches no alias, its appositive ("Hanne
    Lind, the network's coordinator") is tried.
    """
    for row in rows:
        row["actor"] = None
        for text in (row.get("speaker"), row.get("appositive")):
            if not text:
                continue
            tokens = tokenize(text)
            found = [m for m in patterns.find(tokens) if _speaks_for(tokens, m[1], m[2])]
            if found:
                best = max(found, key=lambda m: (m[2] - m[1], m[1]))
                row["actor"] = patterns.groups[best[0]]
                break


def _speaks_for(tokens: list[str], i: int, j: int) -> bool:
    """Does the alias at tokens[i:j] name the phrase's speaker or whom it speaks for?"""
    words = [t.lower() for t in tokens]
    after = words[j] if j < len(words) else None
    while i > 0 and words[i - 1] in en.NAME_TITLES:
        i -= 1  # "a critic of Mr. Trump": the preposition comes before the title
    if after in ("'s", "’s"):
        return True  # "Calvera's army chief", "Trump's spokeswoman"
    if after is None:
        # the alias ends the phrase: its head, unless it is the object of a
        # preposition after a noun that does not speak for it
        if i >= 2 and words[i - 1] in ("for", "of", "to", "at", "with", "from", "in"):
            k = i - 2
            while k >= 0 and words[k] in ("the", "a", "an"):
                k -= 1
            return k >= 0 and words[k] in en.SPEAKS_FOR_NOUNS
        if i >= 1 and words[i - 1] in ("for", "of", "to", "at", "with", "from", "in", "about", "against", "on"):
            return False
        return True
    if after in ("in", "of", "from", "at", "on", "near", "across", "who", "which", "that"):
        return True  # the alias is the head: "farmers in the valley", "officials of the party"
    # a modifier: "the Trump campaign", "UN figures" speak for their actor, "a Trump critic" not
    return after in en.SPEAKS_FOR_NOUNS or after in en.BODY_NOUNS or after in en.DOCUMENT_NOUNS or after in (
        "figures", "data", "numbers", "statistics"
    )
