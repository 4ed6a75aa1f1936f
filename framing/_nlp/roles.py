"""Narrative roles: is an entity cast as hero, villain or victim?

The features are general, not topical: what framing's clause rules say the
entity does or suffers (agent or patient of a harm verb, subject of an
agentless passive or of an intransitive harm verb such as "died", agent of a
verb of helping, protecting, negotiating or opposing, object of blame), the
sentiment of the sentence toward it (:mod:`framing._nlp.target`), emotive
words tied to the mention (framing's emotive lexicon by category: suffering
and fear, violence and condemnation, praise), whether the mention is quoted or
is a speaker, and whether it names a vulnerable group of people (civilians,
children, residents, ...). The only word lists are the verb classes and
vulnerable-group nouns below, written for framing; no feature is a word of
the training data. For whole-article input the features of every mention of
the same entity in the article are averaged and given beside the mention's
own, so "the other mentions of the entity" inform each one.

A multinomial logistic regression over these features, trained on the
narrative-framing climate articles (Frermann et al. 2023; MIT) and stored as
JSON in ``framing/models/entity_roles.json``, gives the probabilities;
``docs/validation.md`` has the figures.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

import numpy as np
import pandas as pd

from .._validate import check_top_n
from . import english as en
from .grammar import Parse
from .match import singular
from .relations import read_target, sentence_parse
from .segment import segment
from .target import (
    _emotive,
    _find_mention,
    _lexicon,
    _resolve_targets,
    _score_targets,
    _tokens,
)

__all__ = ["ROLE_LABELS", "FEATURES", "entity_roles", "mention_features"]

ROLE_LABELS = ("hero", "villain", "victim")
_MODEL_FILE = "entity_roles.json"

# -- verb classes and nouns (written for framing; lemmas) --------------------------------

#: Helping, saving, protecting, providing, repairing, leading and agreeing.
HELP_VERBS = frozenset(
    """help aid assist rescue save protect defend shield support fund finance
    provide deliver supply donate feed shelter house treat heal care evacuate
    free release liberate negotiate mediate broker agree resolve solve fix
    restore rebuild build repair invest develop lead champion promote propose
    introduce pass sign approve enact adopt commit pledge ensure secure
    improve strengthen cut reduce lower curb tackle address prevent stop ban
    regulate clean welcome praise thank win achieve succeed pioneer innovate
    create offer allow grant""".split()
)
#: Opposing, fighting or combating something.
OPPOSE_VERBS = frozenset(
    """fight combat oppose resist counter confront challenge battle sue
    condemn denounce criticize criticise protest demand urge warn""".split()
)
#: Threatening, blocking, deceiving or undoing: what a villain is said to do.
HARMFUL_ACTS = frozenset(
    """threaten deny block obstruct reject refuse ignore undermine violate
    lie mislead deceive exploit pollute weaken dismantle gut scrap repeal
    abandon withdraw roll rollback cancel halt sabotage manipulate bully
    intimidate silence suppress censor cheat steal loot smuggle fuel
    provoke escalate invade occupy""".split()
)
#: Fighting, targeting and defeating: their object is cast as an adversary.
OPPOSED_VERBS = frozenset(
    """fight combat oppose resist counter confront battle defeat dismantle
    target tackle eradicate eliminate crush pursue hunt""".split()
)
#: Blaming, accusing and prosecuting: their object is cast as a wrongdoer.
BLAME_VERBS = frozenset(
    """blame accuse condemn criticize criticise denounce sue charge indict
    investigate sanction prosecute convict fine punish fault slam""".split()
)
#: Suffering, enduring and losing: their subject is cast as a victim.
SUFFER_VERBS = frozenset(
    """suffer endure face lose flee starve struggle cope survive fear mourn
    grieve lack need risk bear beg plead""".split()
)
#: Nouns of vulnerable groups of people and of living things harmed.
VULNERABLE = frozenset(
    """civilian civilians child children kid kids baby babies infant infants
    woman women girl girls boy boys family families resident residents
    people person persons community communities villager villagers refugee
    refugees migrant migrants patient patients victim victims survivor
    survivors hostage hostages prisoner prisoners detainee detainees worker
    workers farmer farmers poor elderly population populations citizen
    citizens inhabitant inhabitants student students youth generation
    generations animal animals wildlife species household households
    neighbourhood neighborhood neighbourhoods neighborhoods
    displaced homeless vulnerable""".split()
)
#: Head nouns of plans, laws and agreements.
POLICY_NOUNS = frozenset(
    """plan plans deal deals act acts bill bills law laws policy policies
    agreement agreements accord accords treaty treaties regulation
    regulations rule rules program programme programs programmes standard
    standards initiative initiatives proposal proposals reform reforms
    ceasefire truce framework strategy package legislation measure measures
    mandate target targets resolution pact protocol scheme""".split()
)
_VICTIM_EMOTIVE = frozenset(("suffering", "fear"))
_VILLAIN_EMOTIVE = frozenset(("violence", "deception", "stigma", "dehumanisation", "condemnation", "derision"))
_HERO_EMOTIVE = frozenset(("praise",))
_REPORTING = frozenset(
    """say tell claim report announce add write argue assert insist state
    tweet note explain confirm deny warn acknowledge admit""".split()
)
_PRONOUNS = en.PRONOUNS | frozenset("his her their its our my your".split())
_TIED = frozenset(("pred", "attr", "mod", "poss", "obj", "by", "subj"))

#: Features of one mention, in model order.
FEATURES = (
    "agent",
    "patient",
    "passive_subject",
    "passive_subject_with_agent",
    "intransitive_harm",
    "agent_of_harm",
    "patient_of_harm",
    "passive_subject_of_harm",
    "agent_of_help",
    "patient_of_help",
    "agent_of_opposing",
    "agent_of_harmful_act",
    "patient_of_blame",
    "opposed",
    "agent_of_suffering",
    "emotive_victim",
    "emotive_villain",
    "emotive_hero",
    "positive_words",
    "negative_words",
    "sentiment_negative",
    "sentiment_positive",
    "in_quote",
    "speaker",
    "vulnerable_group",
    "pronoun",
    "lead_sentence",
    "mention_negative",
    "mention_positive",
    "mention_harmful",
    "policy",
    "plural",
)
# Which token a feature is tied to, for the evidence: the predicate's head or the word.
_DESCRIBE = {
    "agent_of_harm": "does harm",
    "patient_of_harm": "is harmed",
    "passive_subject_of_harm": "is harmed, no agent named",
    "intransitive_harm": "dies or is hurt, no cause named",
    "agent_of_help": "helps or protects",
    "patient_of_help": "is helped",
    "agent_of_opposing": "opposes",
    "agent_of_harmful_act": "threatens, blocks or undoes",
    "patient_of_blame": "is blamed",
    "agent_of_suffering": "suffers",
    "emotive_victim": "suffering words",
    "emotive_villain": "violence or condemnation words",
    "emotive_hero": "praise words",
    "positive_words": "positive words",
    "negative_words": "negative words",
    "sentiment_negative": "negative sentiment toward it",
    "sentiment_positive": "positive sentiment toward it",
    "in_quote": "inside a quotation",
    "speaker": "is quoted as speaker",
    "vulnerable_group": "a vulnerable group",
    "pronoun": "a pronoun",
    "lead_sentence": "in the first sentence",
    "mention_negative": "named with negative words",
    "mention_positive": "named with positive words",
    "mention_harmful": "named as a harm",
    "policy": "a plan, law or agreement",
    "plural": "a plural",
    "opposed": "is fought or opposed",
    "villain_cues": "does harm, threatens or is blamed",
    "victim_cues": "is harmed, suffers or is vulnerable",
    "hero_cues": "helps, protects or opposes a harm",
    "agent": "agent",
    "patient": "object of a verb",
    "passive_subject": "subject of an agentless passive",
    "passive_subject_with_agent": "subject of a passive",
}


@dataclass
class _Mention:
    values: np.ndarray  # len(FEATURES)
    words: dict  # feature -> the word it was read from


def _lemma(word: str) -> str:
    return en.lemma_of(word) if word else word


def mention_features(
    sentence: str,
    start: int,
    end: int,
    *,
    sentiment: tuple[float, float] = (0.0, 0.0),
    lead: bool = False,
    p: Parse | None = None,
    toks=None,
) -> tuple[np.ndarray, dict[str, str]]:
    """The :data:`FEATURES` of one mention and the words they come from.

    Parameters
    ----------
    sentence : str
        The sentence holding the mention.
    start, end : int
        Character span of the mention in ``sentence``.
    sentiment : (float, float)
        ``(p_negative, p_positive)`` of the target sentiment toward it.
    lead : bool
        The sentence is the headline or first sentence of its article.

    Examples
    --------
    >>> x, words = mention_features("Militants killed three villagers.", 0, 9)
    >>> bool(x[FEATURES.index("agent_of_harm")]), words["agent_of_harm"]
    (True, 'killed')
    """
    if toks is None:
        toks = _tokens(sentence)
    if p is None:
        p = sentence_parse(sentence)
    r = read_target(sentence, start, end, p=p, toks=toks)
    x = np.zeros(len(FEATURES))
    words: dict[str, str] = {}

    def put(name: str, value: float = 1.0, word: str = "") -> None:
        k = FEATURES.index(name)
        x[k] = max(x[k], value)
        if word and name not in words:
            words[name] = word

    role = r.role
    g = r.group
    head = p.words[g.head] if g is not None else ""
    head_raw = sentence[p.spans[g.head][0] : p.spans[g.head][1]] if g is not None else ""
    lemma = g.lemma if g is not None else ""
    if role in ("agent", "patient", "passive_subject", "passive_subject_with_agent", "intransitive_harm"):
        put(role, 1.0, head_raw)
    if g is not None and not r.pred_negated:
        harm = r.harm
        agentive = role == "agent"
        if harm is not None and harm != "death":
            if agentive:
                put("agent_of_harm", 1.0, head_raw)
            elif role == "patient":
                put("patient_of_harm", 1.0, head_raw)
            elif role == "passive_subject":
                put("passive_subject_of_harm", 1.0, head_raw)
            elif role == "passive_subject_with_agent":
                put("patient_of_harm", 1.0, head_raw)
        if role == "intransitive_harm":
            put("intransitive_harm", 1.0, head_raw)
        if lemma in HELP_VERBS:
            if agentive and g.voice == "active" or role == "agent" and g.voice == "passive":
                put("agent_of_help", 1.0, head_raw)
            elif role in ("patient", "passive_subject", "passive_subject_with_agent"):
                put("patient_of_help", 1.0, head_raw)
        if lemma in OPPOSE_VERBS and agentive:
            put("agent_of_opposing", 1.0, head_raw)
        if (lemma in HARMFUL_ACTS or head in HARMFUL_ACTS) and agentive:
            put("agent_of_harmful_act", 1.0, head_raw)
        if lemma in BLAME_VERBS and role in ("patient", "passive_subject", "passive_subject_with_agent"):
            put("patient_of_blame", 1.0, head_raw)
        if lemma in OPPOSED_VERBS and role in ("patient", "passive_subject", "passive_subject_with_agent"):
            put("opposed", 1.0, head_raw)
        if lemma in SUFFER_VERBS and agentive and g.voice == "active":
            put("agent_of_suffering", 1.0, head_raw)
        if lemma in _REPORTING and agentive:
            put("speaker", 1.0, head_raw)
    lex = _lexicon()
    pos = neg = 0.0
    for i, (tok, s, e) in enumerate(toks):
        rel = r.relation[i]
        if rel not in _TIED:
            continue
        raw = sentence[s:e]
        cat = _emotive(tok)
        if cat is not None and not r.negated[i]:
            if cat in _VICTIM_EMOTIVE:
                put("emotive_victim", 1.0, raw)
            elif cat in _VILLAIN_EMOTIVE:
                put("emotive_villain", 1.0, raw)
            elif cat in _HERO_EMOTIVE:
                put("emotive_hero", 1.0, raw)
        v = lex.get(tok)
        if v is not None and rel != "by" and rel != "subj":
            v = v * (-0.74 if r.negated[i] else 1.0)
            if v > 0:
                pos += v
                words.setdefault("positive_words", raw)
            elif v < 0:
                neg -= v
                words.setdefault("negative_words", raw)
    x[FEATURES.index("positive_words")] = math.log1p(pos)
    x[FEATURES.index("negative_words")] = math.log1p(neg)
    x[FEATURES.index("sentiment_negative")] = sentiment[0]
    x[FEATURES.index("sentiment_positive")] = sentiment[1]
    if r.in_quote:
        put("in_quote")
    if r.first <= r.last:
        mention_words = [toks[i][0] for i in range(r.first, r.last + 1)]
        raw = sentence[start:end]
        head = mention_words[-1]
        if any(w in VULNERABLE for w in mention_words):
            put("vulnerable_group", 1.0, raw)
        if all(w in _PRONOUNS for w in mention_words):
            put("pronoun")
        mpos = sum(max(lex.get(w, 0.0), 0.0) for w in mention_words)
        mneg = sum(max(-lex.get(w, 0.0), 0.0) for w in mention_words)
        if mneg:
            put("mention_negative", math.log1p(mneg), raw)
        if mpos:
            put("mention_positive", math.log1p(mpos), raw)
        if any(_emotive(w) in _VILLAIN_EMOTIVE for w in mention_words):
            put("mention_harmful", 1.0, raw)
        if head in POLICY_NOUNS or any(w in POLICY_NOUNS for w in mention_words[-2:]):
            put("policy", 1.0, raw)
        if singular(head) != head and head not in _PRONOUNS:
            put("plural")
        # "the fight against X", "efforts to combat X"
        before = r.first - 1
        while before >= 0 and p.tags[before] == "DET":
            before -= 1
        if before >= 0 and p.words[before] == "against":
            put("opposed", 1.0, "against")
    if lead:
        put("lead_sentence")
    return x, words


# -- the model ---------------------------------------------------------------------------


@cache
def _model() -> dict:
    path = resources.files("framing") / "models" / _MODEL_FILE
    doc = json.loads(path.read_text(encoding="utf-8"))
    if tuple(doc["mention_features"]) != FEATURES:
        raise RuntimeError(
            f"{_MODEL_FILE} was trained with other features than this version of framing "
            "reads; rebuild it with python -m validation.train_entity_roles"
        )
    return {
        "coef": np.asarray(doc["coef"], dtype=float),
        "intercept": np.asarray(doc["intercept"], dtype=float),
        "columns": list(doc["columns"]),
        "doc": doc,
    }


#: Cues of each role, pooled into one count per role for the model: rare
#: constructions (a harm verb in climate coverage, a rescue in a budget story)
#: share the weight of their role instead of each getting a weight of its
#: own from the few cases a training set holds.
CUES = {
    "villain_cues": ("agent_of_harm", "agent_of_harmful_act", "patient_of_blame", "opposed", "mention_harmful",
                     "emotive_villain"),
    "victim_cues": ("patient_of_harm", "passive_subject_of_harm", "intransitive_harm", "agent_of_suffering",
                    "patient_of_help", "emotive_victim", "vulnerable_group"),
    "hero_cues": ("agent_of_help", "agent_of_opposing", "emotive_hero"),
}
_POOLED = frozenset(f for fs in CUES.values() for f in fs)
# Reported per mention but not read by the model: being quoted as a speaker
# marks heroes in climate coverage (scientists, activists) and every side in
# war coverage, so it would not carry over.
_REPORTED_ONLY = frozenset(("speaker",))
#: Features the model reads directly (the others are read through :data:`CUES`).
MODEL_FEATURES = (*(f for f in FEATURES if f not in _POOLED and f not in _REPORTED_ONLY), *CUES)
_INDEX = {f: i for i, f in enumerate(FEATURES)}
_DIRECT = np.array([_INDEX[f] for f in FEATURES if f not in _POOLED and f not in _REPORTED_ONLY])
_POOL = [np.array([_INDEX[f] for f in fs]) for fs in CUES.values()]


def _model_view(v: np.ndarray) -> np.ndarray:
    """A :data:`FEATURES` vector as the model reads it (:data:`MODEL_FEATURES`)."""
    return np.concatenate([v[_DIRECT], [np.minimum(v[idx], 1.0).sum() for idx in _POOL]])


_POOLED_INDEX = np.array(sorted(_INDEX[f] for f in _POOLED))


def entity_summary(rows: np.ndarray) -> np.ndarray:
    """What all mentions of an entity say together: the mean of each feature,
    except that a role cue counts when any mention has it."""
    rows = np.atleast_2d(rows)
    out = rows.mean(axis=0)
    out[_POOLED_INDEX] = rows[:, _POOLED_INDEX].max(axis=0)
    return out


def design_row(own: np.ndarray, others: np.ndarray, n_mentions: int) -> np.ndarray:
    """The model's input for one mention: its own features, the mean features
    of all mentions of its entity in the text (:func:`entity_summary`; both as
    :data:`MODEL_FEATURES`),
    and log(1 + mentions)."""
    return np.concatenate([_model_view(own), _model_view(others), [math.log1p(n_mentions)]])


def columns() -> list[str]:
    """Names of the columns of :func:`design_row`."""
    return [*MODEL_FEATURES, *("entity_" + f for f in MODEL_FEATURES), "log_mentions"]


def _predict(X: np.ndarray, model: dict | None = None) -> np.ndarray:
    model = _model() if model is None else model
    z = X @ model["coef"].T + model["intercept"]
    z -= z.max(axis=1, keepdims=True)
    p = np.exp(z)
    return p / p.sum(axis=1, keepdims=True)


def _evidence(X: np.ndarray, probs: np.ndarray, words: list[dict], coef: np.ndarray, top_n: int) -> list[str]:
    """The features that pushed each mention toward its role most.

    A feature's push is its value times (coefficient of the chosen role minus
    the mean coefficient of the other two); the mention's own value and the
    mean over its entity's mentions are added up per feature.
    """
    k = len(MODEL_FEATURES)
    out = []
    for i in range(len(X)):
        c = int(probs[i].argmax())
        other = [r for r in range(len(ROLE_LABELS)) if r != c]
        push = X[i] * (coef[c] - coef[other].mean(axis=0))
        own_x = X[i, :k]
        total = push[:k] + push[k : 2 * k]
        parts = []
        for j in np.argsort(-total)[:top_n]:
            if total[j] < 0.05:
                break
            name = MODEL_FEATURES[j]
            members = CUES.get(name, (name,))
            found = [(m, words[i].get(m)) for m in members if m in words[i]]
            if found:
                text = "; ".join(f"{_DESCRIBE.get(m, m)} ({w!r})" for m, w in found[:2])
            else:
                text = _DESCRIBE.get(name, name.replace("_", " "))
                if not own_x[j]:
                    text = "other mentions: " + text
            parts.append(f"{text} {total[j]:+.2f}")
        out.append(", ".join(parts))
    return out


# -- texts and mentions ------------------------------------------------------------------


def _sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of a text (a sentence or a whole article)."""
    spans = [(s, e) for _, s, e, _ in segment(text)]
    return spans or [(0, len(text))]


def _entity_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Every occurrence in ``text`` of the mention ``text[start:end]``
    (case-insensitive, whole words), the mention itself included."""
    needle = text[start:end].strip()
    out = []
    pos = 0
    while True:
        found = _find_mention(text[pos:], needle)
        if found is None:
            break
        s, e = found[0] + pos, found[1] + pos
        out.append((s, e))
        pos = e
    if (start, end) not in out:
        out.append((start, end))
    return sorted(set(out))


def _locate(sentences: list[tuple[int, int]], s: int) -> int:
    for k, (a, b) in enumerate(sentences):
        if a <= s < b:
            return k
    return max(0, min(len(sentences) - 1, next((k for k, (a, _) in enumerate(sentences) if a > s), len(sentences)) - 1))


def _text_rows(texts: list[str], spans: list[tuple[int, int]]):
    """For each target, the sentences and spans of all mentions of its entity,
    which of them is the target, and whether each is in the lead sentence."""
    sent_cache: dict[str, list[tuple[int, int]]] = {}
    plan = []
    for text, (start, end) in zip(texts, spans, strict=True):
        sents = sent_cache.get(text)
        if sents is None:
            sents = sent_cache[text] = _sentences(text)
        mentions = []
        target_k = 0
        for s, e in _entity_spans(text, start, end):
            k = _locate(sents, s)
            a, b = sents[k]
            e = min(e, b)
            if (s, e) == (start, min(end, b)):
                target_k = len(mentions)
            mentions.append((text[a:b], s - a, e - a, k == 0 and len(sents) > 1))
        plan.append((mentions, target_k))
    return plan


def _score_plan(plan, top_n: int, return_raw: bool = False):
    """Design rows, probabilities and evidence of planned targets."""
    flat = [m for mentions, _ in plan for m in mentions]
    if flat:
        _, _, probs, _ = _score_targets([m[0] for m in flat], [(m[1], m[2]) for m in flat], top_n=0)
    else:
        probs = np.zeros((0, 3))
    feats = []
    for (sentence, s, e, lead), pr in zip(flat, probs, strict=True):
        feats.append(mention_features(sentence, s, e, sentiment=(float(pr[0]), float(pr[2])), lead=lead))
    X, words, raw = [], [], []
    k = 0
    for mentions, target_k in plan:
        block = feats[k : k + len(mentions)]
        k += len(mentions)
        own, own_words = block[target_k]
        mean = entity_summary(np.array([f for f, _ in block]))
        X.append(design_row(own, mean, len(mentions)))
        words.append(own_words)
        raw.append((own, mean, len(mentions)))
    X = np.asarray(X).reshape(len(plan), len(columns()))
    if return_raw:
        return X, words, raw
    return X, words


def entity_roles(
    texts: str | Sequence[str],
    targets: str | tuple[int, int] | Sequence[str | tuple[int, int]],
    *,
    top_n: int = 3,
) -> pd.DataFrame:
    """Is each target cast as hero, villain or victim?

    Reads who does what to whom around each target: an entity that kills,
    attacks, threatens or blocks reads as a villain; one that is killed,
    displaced, suffers or is helped as a victim; one that helps, protects,
    rescues, negotiates or fights a harm as a hero. The text may be one
    sentence or a whole article; in an article every other mention of the
    same entity (the same words, case-insensitive) informs the target's role.

    Parameters
    ----------
    texts : str or sequence of str
        A sentence or an article per target.
    targets : str, (int, int) or sequence of them
        One target per text: its mention as a string (the first
        case-insensitive whole-word occurrence is used) or a ``(start, end)``
        character span.
    top_n : int, default=3
        How many features to list in ``evidence``.

    Returns
    -------
    pandas.DataFrame
        One row per target, in input order: ``target`` (as written),
        ``start``, ``end``, ``role`` (the most probable of ``"hero"``,
        ``"villain"``, ``"victim"``), ``p_hero``, ``p_villain``, ``p_victim``,
        ``n_mentions`` (mentions of the entity in its text) and ``evidence``:
        the features that pushed most toward the role, with the word each was
        read from, as ``"does harm ('shelled') +1.10, negative words
        ('deadly') +0.40"``; a number is the feature's push on the log-odds of
        the role against the mean of the other two.

    Raises
    ------
    ValueError, TypeError
        As :func:`framing.target_sentiment`: lengths differ, a text is empty,
        a mention is not found or a span is invalid.

    See Also
    --------
    target_sentiment : Sentiment toward a target.
    actor_roles : The roles of actors per outlet, over a corpus.

    Notes
    -----
    A multinomial logistic regression over 26 features of the mention and
    the same 26 averaged over all mentions of the entity in the text (see
    the module docstring of :mod:`framing._nlp.roles`), trained on the 1,944
    hero / villain / victim annotations of the narrative-framing climate
    articles (Frermann, Li, Khanehzar & Mikolajczak 2023; MIT). The
    cross-validated figures, against a mapping of target sentiment
    (negative = villain, positive = hero), are in ``docs/validation.md``.

    References
    ----------
    .. [1] Frermann, L., Li, J., Khanehzar, S., & Mikolajczak, G. (2023).
       Conflicts, villains, resolutions: Towards models of narrative media
       framing. In *Proceedings of ACL 2023*, 8712-8732.

    Examples
    --------
    >>> from framing import entity_roles
    >>> df = entity_roles(
    ...     ["Militants shelled the village overnight, killing four residents.",
    ...      "Rescue teams pulled survivors from the rubble and treated the wounded."],
    ...     ["Militants", "Rescue teams"])
    >>> df["role"].tolist()
    ['villain', 'hero']
    >>> df.columns.tolist()
    ['target', 'start', 'end', 'role', 'p_hero', 'p_villain', 'p_victim', 'n_mentions', 'evidence']
    """
    top_n = check_top_n(top_n)
    texts, spans = _resolve_targets(texts, targets)
    plan = _text_rows(texts, spans)
    X, words = _score_plan(plan, top_n)
    model = _model()
    probs = _predict(X, model) if len(X) else np.zeros((0, 3))
    evidence = _evidence(X, probs, words, model["coef"], int(top_n)) if top_n else [""] * len(X)
    return pd.DataFrame(
        {
            "target": [t[s:e] for t, (s, e) in zip(texts, spans, strict=True)],
            "start": np.asarray([s for s, _ in spans], dtype=np.int64),
            "end": np.asarray([e for _, e in spans], dtype=np.int64),
            "role": pd.Series(np.asarray(ROLE_LABELS, dtype=object)[probs.argmax(axis=1)] if len(X) else [],
                              dtype=object),
            "p_hero": probs[:, 0],
            "p_villain": probs[:, 1],
            "p_victim": probs[:, 2],
            "n_mentions": np.asarray([len(m) for m, _ in plan], dtype=np.int64),
            "evidence": evidence,
        }
    )
