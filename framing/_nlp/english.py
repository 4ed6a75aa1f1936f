"""The English word base of framing: word classes, negators, reporting verbs, inflection.

Every module of framing that needs to know something about English words reads
it from here, so that each piece of word knowledge is written once. Everything
is lower case, as the shared tokenizer writes it (straight apostrophes). The
sections, in order:

* verbs and their inflection: the irregular verbs of English and the common
  verbs of news writing (data files in ``framing/lexicons/data/english``, read
  on first use), :func:`verb_forms`, :func:`inflections` and :func:`lemma_of`
  (the engine is :mod:`framing._nlp.inflect`, re-exported here);
* auxiliaries and negation;
* closed word classes: determiners, pronouns, prepositions, conjunctions,
  numbers and quantities, adverbs, particles, function words;
* spelling: words whose ending ("-ly", "-ed", "-ing", "-s") misleads;
* names, titles and abbreviations (the sentence splitter's list included);
* reporting and thinking verbs, and the evidential and hedging verbs of
  raising passives ("is said to", "is expected to");
* verb classes for the clause rules of :mod:`framing._nlp.grammar`
  (intransitive, transitive, object control, ditransitive, harm);
* passive exceptions: participles that are adjectives, and "by" phrases that
  name no agent (time, means, place, amount);
* the contexts of noun phrases used by label suggestion.

VADER's own word lists (its negators, boosters and idioms) are part of its
algorithm and stay in :mod:`framing._nlp.vader`.

Written for framing by its authors from general knowledge of English
(BSD-3-Clause); no list is copied from another lexicon. The data files and
their provenance are described in ``framing/lexicons/data/SOURCES.md``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ..lexicons import load_lexicon
from .inflect import (
    EED_PARTICIPLES,
    NOT_GERUNDS,
    NOT_PARTICIPLES,
    inflections,
    irregular_verbs,
    known_forms,
    lemma_of,
    verb_forms,
    verbs,
)

__all__ = [
    "ADJECTIVAL_PARTICIPLES",
    "BE_FORMS",
    "EED_PARTICIPLES",
    "EVIDENTIAL_VERBS",
    "FUNCTION_WORDS",
    "GET_FORMS",
    "HAVE_FORMS",
    "HONORIFICS",
    "MODALS",
    "NEGATORS",
    "NEWS_ABBREVIATIONS",
    "NOT_GERUNDS",
    "NOT_PARTICIPLES",
    "PERSONAL_PRONOUNS",
    "REPORTING_FORMS",
    "REPORTING_VERBS",
    "SENTENCE_STARTERS",
    "inflections",
    "irregular_verbs",
    "known_forms",
    "lemma_of",
    "verb_forms",
    "verbs",
]

# -- verbs and their inflection ---------------------------------------------------
# The engine (irregular and news verbs from data files, regular spelling rules,
# lemmas) is framing._nlp.inflect; its names are re-exported here.


def __getattr__(name: str):
    # IRREGULAR and VERBS are read from data files on first use, not at import
    if name == "IRREGULAR":
        return irregular_verbs()
    if name == "VERBS":
        return verbs()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# -- auxiliaries and negation ---------------------------------------------------------

#: Forms of "be" that can start a passive ("'s" is handled by context).
BE_FORMS = frozenset(
    """am is are was were be been being isn't aren't wasn't weren't i'm you're
    we're they're ain't""".split()
)
#: Forms of "get" that can start a passive ("got hit").
GET_FORMS = frozenset("get gets got gotten getting".split())
#: Forms of "have" (perfect auxiliary or main verb).
HAVE_FORMS = frozenset(
    """have has had having hasn't haven't hadn't i've you've we've they've
    i'd you'd he'd she'd we'd they'd""".split()
)
#: Modal auxiliaries and their contractions.
MODALS = frozenset(
    """will would can could may might must shall should ought won't wouldn't
    can't cannot couldn't mustn't shouldn't mightn't i'll you'll he'll she'll
    we'll they'll it'll""".split()
)
#: Forms of "do".
DO_FORMS = frozenset("do does did don't doesn't didn't".split())
#: Negation inside a verb group ("was not killed", "hadn't been told").
NEGATIONS = frozenset("not never n't".split())
#: Words that negate what follows them in a clause ("no evidence", "without
#: warning", "hardly fair"); a token ending in "n't" negates too.
NEGATORS = frozenset(
    """not no never nor neither none nobody nothing nowhere without cannot
    hardly barely rarely seldom""".split()
)

# -- closed word classes ----------------------------------------------------------------

DETERMINERS = frozenset(
    """the a an this these those my your his its our their some any no every
    each either neither another such all both many much several few fewer more
    most less enough whose same other own entire whole""".split()
)
# "her" is a determiner or an object pronoun; "that" a determiner, relative
# pronoun or complementiser; the rules treat them by context.
SUBJECT_PRONOUNS = frozenset("i you he she it we they who there".split())
OBJECT_PRONOUNS = frozenset(
    """me you him her it us them myself yourself himself herself itself
    ourselves themselves""".split()
)
PRONOUNS = (
    SUBJECT_PRONOUNS
    | OBJECT_PRONOUNS
    | frozenset(
        """someone somebody something nobody nothing anyone anybody anything
    everyone everybody everything one mine yours hers ours theirs those""".split()
    )
)
#: Personal pronouns in every case, possessives and reflexives: the words of
#: "us" and "them" that distinctive-term counts keep.
PERSONAL_PRONOUNS = frozenset(
    """i me my mine myself we us our ours ourselves you your yours yourself
    yourselves he him his himself she her hers herself it its itself they them
    their theirs themselves""".split()
)
#: Possessive determiners.
POSSESSIVES = frozenset("their his her its our my your".split())
PREPOSITIONS = frozenset(
    """in on at by for with from to of into onto over under about against
    between among amid amidst through throughout during after before since
    until till near across along around behind beyond inside outside toward
    towards upon within without via per despite following including like
    unlike than as off up down past beside besides below above beneath except
    amongst alongside regarding concerning plus""".split()
)
#: Prepositions that can also open a clause ("after gunmen opened fire").
CLAUSE_PREPOSITIONS = frozenset("after before since until till as than".split())
CONJUNCTIONS = frozenset("and or but nor yet".split())
SUBORDINATORS = frozenset(
    """because although though while whereas if unless when whenever where
    wherever whether once so""".split()
)
RELATIVES = frozenset("who whom which that whose".split())
#: Question words: closed-class words of the target-sentiment relations.
WH_WORDS = frozenset("why how when where what which who whom whose".split())
NUMBER_WORDS = frozenset(
    """one two three four five six seven eight nine ten eleven twelve thirteen
    fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty
    fifty sixty seventy eighty ninety hundred hundreds thousand thousands
    million millions billion billions dozen dozens scores""".split()
)
#: Nouns of quantity: in "dozens of Palestinians" the actor takes the role of
#: the whole phrase.
QUANTITY_NOUNS = NUMBER_WORDS | frozenset(
    """some many most all none several each both number majority minority
    handful rest half tens lot lots plenty score""".split()
)
#: Words that modify a number: "by more than 300 drones", "about 800,000 people".
QUANTIFIERS = frozenset(
    """more less fewer than at least up to some about nearly almost around over
    roughly approximately estimated an only just""".split()
)
#: Adverbs that may sit inside a verb group ("was reportedly not killed").
ADVERBS = frozenset(
    """not never also reportedly allegedly later already still all both each
    then now just only even ever often always sometimes soon again once first
    last twice long since subsequently eventually apparently initially
    previously repeatedly widely further quickly almost nearly mostly largely
    partly fully badly well yet thus therefore instead reportedly too so very
    more most less least quite rather really far no longer ago earlier
    allegedly seemingly""".split()
)
#: Degree words that mark an adjectival participle ("very worried").
DEGREE_ADVERBS = frozenset(
    """very more most too so quite rather less least extremely deeply
    increasingly fairly pretty somewhat really particularly especially
    incredibly terribly awfully hugely genuinely truly""".split()
)
#: Particles of phrasal verbs ("carried out", "cut off").
PARTICLES = frozenset(
    "away back out up down off over around along forward apart ahead home together aside".split()
)
#: Function words: determiners, pronouns, prepositions, conjunctions,
#: auxiliaries, frequent adverbs and reporting verbs. A suggested label never
#: starts or ends with one, so content words such as "fire" or "bill" stay.
FUNCTION_WORDS = frozenset(
    """
    a an the this that these those some any each every no all both either neither
    another other such what which who whom whose whatever whichever
    i me my mine we us our ours you your yours he him his she her hers it its they
    them their theirs myself ourselves yourself himself herself itself themselves
    one ones
    of in on at by for with about against between into through during before after
    above below to from up down out off over under again further then once here
    there when where why how than too very via per upon onto toward towards among
    amid across along around behind beyond despite except inside outside since
    until unless within without like near
    and but or nor so yet if because as while although though whether
    be is are was were been being am have has had having do does did doing done
    will would shall should can could may might must ought
    not no nor only own same just also even still ever never always often
    already now soon later today yesterday tomorrow
    s 's t don't doesn't didn't isn't aren't wasn't weren't won't can't couldn't
    said says say saying told tells tell according added asked
    more most less least much many few several lot lots
    """.split()
)

# -- spelling: endings that mislead --------------------------------------------------------

#: Words ending in -ly that are not adverbs.
NOT_LY_ADVERBS = frozenset(
    """family italy july rally ally supply reply apply fly holy daily weekly
    monthly yearly likely friendly elderly lonely ugly belly bully jelly
    assembly monopoly anomaly folly tally rely imply comply multiply ply sly
    deadly costly early only hourly lovely silly orderly bodily kindly lively
    curly oily woolly""".split()
)
#: Common nouns ending in -ed (a short list for candidate phrases).
ED_NOUNS = frozenset("bed creed feed greed hundred red seed shed speed need breed".split())
#: Words ending in -s that are not plurals (never singularised).
NOT_PLURALS = frozenset(
    """hamas texas kansas arkansas christmas series species lens gas atlas alias
    canvas bias chaos ethos thanks sometimes always perhaps whereas does its this
    his hers ours yours theirs tunis paris athens""".split()
)
#: Endings of adjectives ("dangerous", "Palestinian", "military").
ADJECTIVE_SUFFIXES = ("ous", "ful", "less", "ive", "able", "ible", "ical", "ian", "ish", "ese", "ary")
#: Adjectives of nationality ending in -i ("Israeli", "Iraqi").
I_ADJECTIVES = frozenset(
    """israeli iraqi saudi pakistani bangladeshi kuwaiti yemeni omani somali
    qatari emirati afghani azerbaijani nepali thai bahraini""".split()
)
#: Verbs that begin with "un" (other un-...-ed words are adjectives: "unarmed").
UN_VERBS = frozenset(
    """uncovered unveiled unleashed unlocked unloaded undermined unearthed
    unblocked unsealed untied unpacked unmasked unplugged unravelled
    unraveled""".split()
)
#: Hyphenated prefixes of verbs ("re-elected"); other hyphenated words are adjectives.
VERB_PREFIXES = ("re-", "co-", "pre-", "over-", "under-", "mis-", "out-", "de-", "un-")

# -- names, titles and abbreviations ---------------------------------------------------------

#: Honorifics before a personal name.
HONORIFICS = frozenset("mr mrs ms miss dr sir dame lord lady".split())
#: Abbreviations that stand before a name ("Gov.", "Sgt."): their period ends no phrase.
NAME_ABBREVIATIONS = HONORIFICS | frozenset(
    "gov sen rep st gen col lt sgt capt jr sr prof".split()
)
#: Abbreviations of news copy, lower case and without the final period, as
#: Punkt stores them: titles, ranks, months, days, companies, streets,
#: dotted country names, US states.
NEWS_ABBREVIATIONS = frozenset(
    """
    mr mrs ms mx dr prof rev fr sr jr st hon messrs mmes msgr res ret
    sen sens rep reps gov govs pres amb atty supt dist insp det
    gen lt col maj capt cpl sgt pvt adm cmdr cmdre brig cdr lt.col ens spc
    jan feb mar apr jun jul aug sep sept oct nov dec
    mon tue tues wed thu thur thurs fri sat sun
    inc corp co ltd llc plc bros dept univ assn assoc intl natl govt
    ave blvd rd hwy mt ft pt sq
    no nos vol vols pp approx est fig figs vs v etc cf al ca
    a.m p.m e.g i.e u.s u.n u.k u.s.a u.a.e e.u d.c n.y l.a s.f
    ala ariz ark calif colo conn del fla ga ill ind kan kans ky la md mass
    mich minn miss mo mont neb nev n.h n.j n.m n.c n.d okla ore pa r.i s.c
    s.d tenn tex va vt wash wis wyo
    """.split()
)
#: Words that, capitalised after an abbreviation, almost always open a
#: sentence (general English only: no names of places or peoples).
SENTENCE_STARTERS = frozenset(
    """
    the a an he she it they we i you his her their its our this that these
    those there here but and or so yet however meanwhile still also in on at
    after before when while as if since although though according during
    what who why how where some many most several both each one two three
    officials
    """.split()
)
#: Short words left lower case in a title-case headline.
TITLE_SMALL_WORDS = frozenset("a an the of in on at to for and or but by as with from".split())
#: Words that, before "may", make it the month or a name ("in May", "Theresa May").
MAY_NOT_MODAL_BEFORE = frozenset(
    "in of on since until till by from to during through early late mid last next this "
    "theresa mrs ms minister".split()
)

# -- reporting, thinking and evidential verbs ----------------------------------------------

#: Verbs that report or think (lemmas): a noun phrase after them may be the
#: subject of a complement clause ("Medics said the victims included ...").
REPORTING_VERBS = frozenset(
    """say tell claim believe think know report deny warn argue insist add
    note announce confirm allege suggest predict fear hope expect acknowledge
    admit assert state explain write tweet contend concede estimate show
    reveal find feel learn hear see understand agree recall declare testify
    indicate conclude""".split()
)
#: The most frequent reporting verbs as written (inflected forms), and
#: "according": they stand between a speaker and what is said.
REPORTING_FORMS = frozenset(
    """said says say saying told tells according claimed claims claim added
    adds wrote writes argued argues asserted insisted stated states
    tweeted noted explained announced""".split()
)
#: Verbs of saying, believing, expecting and estimating whose passive with a
#: to-infinitive ("is said to", "is expected to", "was reported to have
#: fled", "are believed to be") or with "that" ("it is believed that") marks
#: what is reported, believed or expected, not something done to the subject.
#: ("was found to have", "is seen as" and "is considered the favourite" stay
#: passives; "is supposed to" tells an obligation and is no passive.)
EVIDENTIAL_VERBS = frozenset(
    """say report believe think expect know consider understand allege rumor
    rumour presume estimate fear feel reckon claim suspect assume project
    forecast predict anticipate""".split()
)

# -- verb classes for the clause rules ---------------------------------------------------------

#: Copular verbs: their subjects are neither agents nor patients.
COPULAS = frozenset("be seem become remain".split())
#: Verbs that link a subject to a description ("stay closed", "looks worried").
LINKING_VERBS = COPULAS | frozenset({"stay", "look", "sound", "feel", "prove", "keep"})
#: Verbs read as intransitive when a bare past form has no object
#: ("Protesters gathered outside", "talks stalled"): not headline passives.
INTRANSITIVE_VERBS = frozenset(
    """advance arrive appear become camp clash collapse come continue crash decline
    depart die go head seem
    disappear dock drown emerge end erupt escalate escape explode fail fall flee
    gather happen land live march meet migrate occur perish plunge protest rally
    react rebound recover remain resign respond resume retire retreat return
    rise rush sleep soar stall start stay step struggle succeed succumb surge
    survive talk testify travel vanish vote wait walk work sit cling interfere pore zero side jump campaign plummet""".split()
)
#: Verbs that take an object and a to-infinitive ("told to leave"): without
#: an object, the bare participle is passive.
OBJECT_CONTROL_VERBS = frozenset(
    """tell order ask urge force warn allow advise instruct encourage permit
    require invite compel persuade pressure oblige direct authorize authorise
    forbid instruct assign""".split()
)
#: Verbs whose passive may keep an object ("were denied food").
DITRANSITIVE_VERBS = frozenset(
    """deny give offer grant refuse award send show tell promise allow pay
    charge lend teach ask hand sell owe""".split()
)
#: Verbs that (almost) always take an object: without one after a bare
#: participle, the participle is passive ("interviews conducted during ...").
TRANSITIVE_VERBS = frozenset(
    """conduct create cause note express deliver provide publish enact order
    design build produce issue commission impose fund sign write launch
    kill wound injure maim destroy demolish displace detain arrest abduct
    kidnap execute massacre murder slaughter assassinate imprison jail deport
    expel evict torture abuse rape seize capture confiscate bury rescue
    release free transfer relocate hold house raze flatten target make take
    give bring put send use obtain carry present place earmark allocate file sack
    lodge submit approve adopt draft propose deploy station post supply donate
    sell buy recall retrieve cite""".split()
)
#: Verbs with an "as" complement ("identified as the gunman", "described as
#: a terrorist"): "as" after their participle opens no clause.
AS_VERBS = frozenset(
    """identify describe see know regard list designate label brand classify
    portray characterize characterise define hail dismiss treat use view cast
    choose elect appoint recognize recognise name rank count""".split()
)
#: Verbs of dying: their subject dies without anyone named as the cause.
DEATH_VERBS = frozenset("die perish succumb drown".split())
#: Verbs after which "dead" tells a death ("were found dead", "left dead").
DEAD_AFTER_VERBS = frozenset(
    "find leave fear report confirm declare presume pronounce believe think lie".split()
)
#: Nouns of bodily harm ("sustained injuries", "suffered burns").
INJURY_NOUNS = frozenset(
    "injury injuries wound wounds burn burns fracture fractures trauma".split()
)
#: Words after an evidential participle that make a hedged small clause:
#: "are feared dead", "was reported missing".
EVIDENTIAL_STATES = frozenset("dead alive missing".split())
#: Resultative adjectives that do not make a bare participle active
#: ("Two journalists shot dead").
RESULTATIVES = frozenset("dead alive free loose open shut".split())

# -- passive exceptions: adjectival participles, "by" phrases without an agent ----------------

#: Participles that after "be" describe a state or feeling (adjectival) and
#: are not counted as passives, unless a by-phrase names who caused it.
ADJECTIVAL_PARTICIPLES = frozenset(
    """tired interested concerned worried located situated married divorced
    engaged born pleased surprised shocked scared frightened terrified bored
    excited convinced disappointed satisfied delighted thrilled embarrassed
    confused exhausted devastated horrified alarmed outraged amazed annoyed
    ashamed astonished stunned troubled puzzled relieved dismayed saddened
    appalled disgusted frustrated overwhelmed heartbroken supposed involved
    based aged dressed armed equipped crowded drunk limited united mixed
    qualified skilled talented detailed sophisticated complicated experienced
    advanced animated inclined accustomed poised""".split()
)
#: Participles that, without "be", are adjectives rather than reduced
#: relatives ("polls based on ...", "a man armed with a knife").
BARE_ADJECTIVAL = frozenset(
    """based located situated born aged armed dressed equipped related limited
    skilled qualified interested concerned involved worried tired famed
    married upset""".split()
)
#: Participles that are adjectival only when "to" follows ("is set to",
#: "was opposed to", "is committed to"); otherwise verbal.
ADJECTIVAL_BEFORE_TO = frozenset(
    """bound set entitled obliged committed dedicated devoted opposed
    prepared determined inclined accustomed poised supposed related""".split()
)
#: Participles of intransitive verbs: never passive ("is gone", "has fallen").
#: ("done" and "finished" are adjectival after "be" in "we are done".)
INTRANSITIVE_PARTICIPLES = frozenset(
    "gone come become fallen risen arisen arrived died departed rid done finished".split()
)
#: Heads of "by" phrases of time: "by Friday", "by the end of the week".
BY_TIME = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january
    february march april may june july august september october november
    december jan feb mar apr jun jul aug sep sept oct nov dec today tomorrow
    tonight yesterday midnight noon dawn dusk morning afternoon evening night
    nightfall daybreak sunset sunrise end time start beginning middle close
    weekend week month year decade century then now deadline p.m. a.m. pm am
    o'clock hours minutes days weeks months years spring summer autumn fall
    winter christmas easter ramadan eid mid-may mid-june early late""".split()
)
#: Heads of "by" phrases of means, manner and place: "by truck", "by far".
BY_MEANS = frozenset(
    """car bus train plane air sea land road rail boat ship truck lorry foot
    hand phone telephone email e-mail mail post text letter video radio
    satellite force chance accident mistake far default design name law
    nature contrast comparison itself themselves himself herself myself
    yourself ourselves way means virtue dint proxy turns fax courier convoy
    helicopter parachute airdrop""".split()
)
#: Heads of "by" phrases of place, with or without a determiner: "by his side".
BY_PLACE = frozenset("side roadside river door window wayside bedside".split())
#: Heads of "by" phrases of amount: "by 20 percent", "by a wide margin".
BY_AMOUNT = frozenset(
    """percent percentage per cent % margin margins majority majorities points point votes vote factor half
    third quarter fold degrees dozen dozens hundreds thousands millions
    billions amount much little""".split()
)

#: Nouns of time that, without a determiner, make an adverbial, not an
#: object: "published Tuesday", "detained overnight".
TIME_WORDS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january
    february april june july august september october november december today
    tonight yesterday tomorrow overnight""".split()
)
#: Units of time: "last month", "two days later", "months earlier".
TIME_UNITS = frozenset(
    """second seconds minute minutes hour hours day days night nights week weeks
    weekend month months year years decade decades morning evening afternoon""".split()
)
#: Words that open a time adverbial before a unit: "last week", "this year".
TIME_LEADS = frozenset("last next this that every early late earlier".split())
#: Words after a unit that close a time adverbial: "days later", "years ago".
TIME_CLOSERS = frozenset("ago earlier later before after".split())

# -- contexts of noun phrases (label suggestion) ---------------------------------------------------

#: Words after which a noun phrase starts: determiners, possessives, prepositions.
NP_LEFT = frozenset(
    """a an the this that these those his her its their our my your 's of in on at by
    for with about against from into over under after before between among during
    without within across toward towards via per and or but as than""".split()
)
#: Words after which a verb rather than a noun follows.
VERB_LEFT = frozenset(
    """to will would shall should can could may might must do does did not never
    he she they we i who which it""".split()
)
#: Words before which a verb rather than a noun stands ("kill the ...").
VERB_RIGHT = frozenset("a an the his her its their him them me".split())
#: Words after which a noun, not a verb, follows.
NOUN_LEFT = frozenset("a an the this these those his her its their our my your 's".split())
#: Words that may stand inside a name or noun phrase ("Bank of England").
NAME_INNER_WORDS = frozenset({"'s", "of", "and"})


# -- quotation and attribution ------------------------------------------------------
# The word lists of the quotation and attribution rules (framing._nlp.quotes) and
# the reporting verbs, read from the bundled ``reporting_verbs`` lexicon (the one
# list of reporting verbs; its inflected forms come from :func:`verb_forms`).


@dataclass(frozen=True)
class ReportingVerb:
    """A reporting verb of the ``reporting_verbs`` lexicon."""

    lemma: str
    category: str
    weight: float


#: British spellings that news copy uses beside the forms :func:`verb_forms`
#: gives ("labelled" beside "labeled"), and the regular past of "forecast".
_SPELLING_VARIANTS = {"label": ("labelled", "labelling"), "forecast": ("forecasted",)}


def reporting_forms(lemma: str) -> list[str]:
    """The forms :func:`inflections` gives a reporting verb, then its British spellings.

    Examples
    --------
    >>> reporting_forms("label")
    ['label', 'labels', 'labeled', 'labelled', 'labeling', 'labelling']
    >>> reporting_forms("according to")
    ['according to']
    """
    head, _, rest = lemma.partition(" ")
    tail = f" {rest}" if rest else ""
    variants = [] if lemma == "according to" else [v + tail for v in _SPELLING_VARIANTS.get(head, ())]
    return list(dict.fromkeys(inflections(lemma) + variants))


@cache
def reporting_verbs() -> dict[str, ReportingVerb]:
    """Every form of the bundled reporting verbs -> its lemma, category and weight."""
    out: dict[str, ReportingVerb] = {}
    for term, category, weight in load_lexicon("reporting_verbs").itertuples(index=False):
        for form in reporting_forms(term):
            out.setdefault(form, ReportingVerb(term, category, float(weight)))
    return out


#: Verbs that attribute a quotation ('called the strikes "unacceptable"') but
#: do not by themselves report speech ("called the minister", "read the report").
NAMING_VERBS = frozenset(
    "call describe characterize characterise label dub term read continue brand".split()
)
#: Verbs whose object is what was said ("denied the allegation").
OBJECT_SPEECH_VERBS = frozenset(
    """accuse blame charge condemn denounce criticise criticize slam blast decry
    lambaste castigate fault rebuke assail berate chide scold deride ridicule attack
    mock deny reject dismiss refute rebut dispute contradict repudiate disavow disown
    downplay urge demand request implore beseech exhort encourage praise hail welcome
    applaud commend laud thank congratulate salute confirm""".split()
) | {"call for", "call on", "hit out", "lash out"}
#: Verbs whose first object is the addressee ("told reporters that ...").
ADDRESSEE_VERBS = frozenset("tell inform assure remind warn brief ask".split())
#: Verbs that take a bare reported clause ("said the talks had failed"); the
#: others report speech with "that" or in a final ", X noted." only, since
#: their bare object is rarely speech ("reported the attack", "explained the plan").
BARE_CLAUSE_VERBS = frozenset(
    """say tell add claim insist argue warn allege assert admit concede acknowledge suggest
    hint maintain contend stress emphasise emphasize declare vow promise pledge swear
    complain lament boast predict estimate speculate guess reiterate affirm reaffirm
    counter retort testify forecast""".split()
)
#: Verbs that come before their speaker after a quotation ('"...," said X').
INVERTING_VERBS = frozenset(
    """say add write ask reply respond continue explain note warn insist argue claim
    conclude counter retort complain admit concede acknowledge declare recall""".split()
)
#: Reporting verbs that are also common nouns ("an attack", "labor disputes"):
#: read as verbs only right after a plausible subject.
NOUN_LIKE_VERBS = frozenset(
    """report claim charge call comment answer reply request demand appeal promise pledge
    vow estimate forecast praise welcome guess note remark mention post tweet boast
    attack dispute warning question ridicule mock blame plea quote rebuke counter
    reason object continue state label brand term hail""".split()
)
#: Words before an -ing reporting verb that make it a participle clause
#: ("before adding", "while insisting").
PARTICIPLE_OPENERS = frozenset("before after while by when without as also on upon in and".split())
#: Documents that speak for someone ("a statement saying").
DOCUMENT_NOUNS = frozenset(
    """statement letter tweet post message note email video interview speech report release
    petition website ad ads advertisement commercial spot memo editorial column op-ed book
    article story survey poll bill resolution lawsuit complaint filing""".split()
)
#: Forms of verbs that take a to-infinitive ("plans to announce").
CATENATIVE_FORMS = frozenset(
    """plan plans planned planning expect expects expected set going want wants wanted try
    tries tried continue continues continued appear appears appeared seem seems seemed
    refuse refuses refused decline declines declined went go goes hope hopes hoped
    intend intends intended begin begins began begun start starts started need needs
    needed decide decides decided has have had used""".split()
)
#: Determiners that open a noun phrase (and the possessive "'s").
NP_DETERMINERS = frozenset(
    "the a an his her its their our my your this these those no any every such 's".split()
)
#: Subject pronouns a speaker can be.
SPEAKER_PRONOUNS = frozenset("he she they it we i you".split())
#: Words that open a clause.
CLAUSE_WORDS = frozenset(
    """that and but or because when while where which who whom whose as if since after
    before although though so than nor whether until unless once yet what how why""".split()
)
#: Prepositions that open an adjunct rather than a speaker's noun phrase.
ADJUNCT_PREPOSITIONS = frozenset(
    """on in at during after before since with by from following amid despite over under
    through across within without against into onto upon about like per via""".split()
)
#: Time words and sentence adverbs around an attribution ("said on Monday").
QUOTE_TIME_WORDS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday today yesterday tonight
    tomorrow earlier later recently previously meanwhile now then again also first last
    this next week weekend month year morning afternoon evening night once""".split()
)
#: Auxiliaries, adverbs and catenative verbs between a speaker and a verb
#: ("has repeatedly said", "plans to announce").
VERB_GROUP_WORDS = frozenset(
    """has have had will would could should might may must can did does do is was are were
    be been being not never also later then again once first further still just already
    even only ever often publicly privately separately repeatedly reportedly initially
    finally quickly flatly angrily bluntly sarcastically strongly quietly loudly simply
    didn't doesn't don't hasn't haven't hadn't won't wouldn't couldn't can't isn't wasn't
    both all
    plans plan planned expects expected set going went goes go want wants wanted tried
    tries try continued continues appeared appears seemed seems is to""".split()
)
#: Modals and auxiliaries that end a speaker's noun phrase when read backwards.
AUXILIARIES = frozenset("will would could should might may must can has have had is was are were".split())
#: Words ending in -ly that the attribution rules do not read as adverbs.
LY_NOUNS = frozenset("family ally rally italy supply reply assembly july belly bully fly holy".split())
#: Nouns of people, roles and titles ("a spokesman", "Sen.").
PERSON_NOUNS = frozenset(
    """spokesman spokeswoman spokesperson minister president official officer director
    coordinator envoy chief general commander leader secretary senator mayor governor
    lawmaker analyst expert resident farmer doctor witness teacher hydrologist economist
    adviser advisor ambassador lawyer professor shopkeeper man woman mother father son
    daughter husband wife brother sister neighbour neighbor strategist editor reporter
    journalist correspondent chairman chairwoman chair head founder owner worker
    engineer survivor victim student nurse medic prosecutor judge attorney aide
    representative rep sen gov mr mrs ms dr prof sheriff priest pope king queen prince
    candidate nominee voter activist campaigner historian scientist researcher people
    person actress actor""".split()
)
#: Nouns of organisations and documents that can speak ("the ministry said").
BODY_NOUNS = frozenset(
    """ministry government army military authority agency group network office council
    committee court party police union bank company firm organisation organization
    department administration campaign commission institute university foundation
    association federation coalition alliance forces force navy board service statement
    report poll survey study spokesman spokeswoman""".split()
)
#: The person told, after "told" ("told reporters").
ADDRESSEE_NOUNS = frozenset(
    """reporters journalists lawmakers senators congress parliament supporters investigators
    members delegates viewers listeners readers crowd audience convention committee court
    jury students them him her us me newspaper agency network broadcaster channel""".split()
)
#: Words that end the object of a verb such as "denied" ("denied the claim on Monday").
OBJECT_STOPS = frozenset("during before after while when since because".split())
#: Verbs whose to-infinitive reports what was promised or threatened ("vowed to fight").
PROMISE_VERBS = frozenset("vow promise pledge threaten swear".split())
#: Words that open a finite clause as its subject ("said he would run").
CLAUSE_SUBJECTS = frozenset("he she they it we i you there this".split())
#: Finite auxiliaries and modals: after a noun phrase they show that a clause
#: follows a reporting verb ("said the talks had failed").
FINITE_AUXILIARIES = frozenset(
    """is are was were has have had will would can could should may might must does did do
    isn't aren't wasn't weren't hasn't haven't hadn't won't wouldn't can't couldn't
    shouldn't doesn't didn't don't""".split()
)
#: Verbs whose noun-phrase object is what was said about ("described the
#: situation", "mentioned his record", "admitted wrongdoing").
TOPIC_VERBS = frozenset(
    """describe characterize characterise mention reiterate repeat recall acknowledge admit
    concede confess reveal disclose divulge predict forecast estimate question dispute
    stress emphasize emphasise underscore highlight explain note""".split()
)
#: Coordinating words that open a new clause after a parenthetical attribution.
COORDINATORS = frozenset("and but or nor yet so while although though whereas because".split())
#: Heads of quantities that can speak ("a majority said", "half say").
QUANTITY_SUBJECTS = frozenset(
    "percent majority minority half third quarter most many some few none both others all".split()
)
#: Participles after "those" or a noun of people that make a speaker ("those surveyed").
POLLED = frozenset("surveyed polled questioned interviewed asked sampled".split())
#: Words before a quoted title or name ('on "Meet the Press"', 'the film "Rafah"').
TITLE_OPENERS = frozenset(
    """on in of the a an titled entitled named called dubbed show film movie book song
    program programme series ad video album novel article column podcast website memoir
    documentary play slogan hashtag campaign""".split()
)
#: Words dropped from the start of a speaker's name when names are compared.
SPEAKER_HONORIFICS = frozenset("mr mrs ms mx dr prof sen rep gov gen the a an".split())
#: Honorifics and titles written before a name, with what they say: a gender
#: ("m", "f") or a role noun ("Sen." is a senator).
NAME_TITLES = {
    "mr": "m", "mrs": "f", "ms": "f", "miss": "f", "mx": "",
    "sen": "senator", "senator": "senator", "rep": "representative", "representative": "representative",
    "gov": "governor", "governor": "governor", "gen": "general", "general": "general",
    "president": "president", "pres": "president", "vice": "vice", "secretary": "secretary",
    "sec": "secretary", "dr": "doctor", "prof": "professor", "professor": "professor",
    "judge": "judge", "justice": "justice", "mayor": "mayor", "speaker": "speaker",
    "chairman": "chairman", "chairwoman": "chairwoman", "rev": "reverend", "reverend": "reverend",
    "pope": "pope", "king": "king", "queen": "queen", "prince": "prince", "princess": "princess",
    "sheriff": "sheriff", "attorney": "attorney", "lt": "lieutenant", "col": "colonel",
    "sgt": "sergeant", "capt": "captain", "adm": "admiral", "gen.": "general", "congressman": "congressman",
    "congresswoman": "congresswoman", "councilman": "councilman", "councilwoman": "councilwoman",
    "ambassador": "ambassador", "minister": "minister", "chancellor": "chancellor", "premier": "premier",
    "former": "former", "first": "first", "lady": "lady",
}
#: Nouns that tell a person's gender ("a spokeswoman", "his wife").
GENDERED_NOUNS = {
    **dict.fromkeys(
        """woman women spokeswoman congresswoman chairwoman businesswoman councilwoman
        actress wife mother daughter sister grandmother aunt niece girl queen princess lady
        widow bride""".split(),
        "f",
    ),
    **dict.fromkeys(
        """man men spokesman congressman chairman businessman councilman actor husband father
        son brother grandfather uncle nephew boy king prince widower groom""".split(),
        "m",
    ),
}
@cache
def first_names() -> dict[str, str]:
    """Common first names -> the gender they are usually given to ("f" or "m"),
    from the bundled ``first_names`` lexicon."""
    return dict(zip(*(load_lexicon("first_names")[c] for c in ("term", "category")), strict=True))


#: Capitalised words that make a name an organisation's ("the White House", "Fox News").
ORGANISATION_WORDS = frozenset(
    """house department committee party campaign news times post journal press association
    institute university college foundation council network agency office bureau commission
    court senate congress administration group fund pac inc corp company center centre club
    league union coalition alliance service services board bank reuters politico cnn fox nbc
    abc cbs msnbc npr bbc ap gop dnc rnc fbi cia nsa doj pentagon state states republicans
    democrats america church""".split()
)
#: Nouns of a speaker who speaks for someone else: "a spokesman for Clinton" is
#: Clinton's voice, "a critic of Clinton" is not.
SPEAKS_FOR_NOUNS = frozenset(
    """spokesman spokeswoman spokesperson spokespeople aide aides adviser advisers advisor
    advisors official officials representative representatives lawyer lawyers attorney
    attorneys campaign camp team staff staffer staffers office press secretary manager
    chairman chairwoman chair director head leader leaders member members minister
    ministry government administration president surrogate surrogates statement""".split()
)


# -- stance toward a label ------------------------------------------------------------------
# How a text holds a word it uses (framing._nlp.stance): "rather than an invasion" rejects
# it, "what critics call an invasion" attributes it to others.

#: Words that reject the word they come before ("not a massacre", "never an invasion").
REJECTING_WORDS = frozenset("not n't never no nor neither".split())
#: Phrases that reject the word after them ("rather than an invasion").
REJECTING_PHRASES = (
    ("rather", "than"), ("instead", "of"), ("far", "from"), ("short", "of"), ("as", "opposed", "to"),
    ("stopped", "short", "of"), ("stop", "short", "of"), ("refused", "to", "call"), ("refuses", "to", "call"),
    ("declined", "to", "call"), ("declines", "to", "call"), ("denied", "it", "was"), ("denies", "it", "is"),
    ("rejected", "the", "label"), ("rejects", "the", "label"), ("avoided", "calling"), ("avoids", "calling"),
    ("not", "calling"),
)
#: Words that hand the word after them to others ("so-called", "what critics call").
ATTRIBUTING_WORDS = frozenset(
    """so-called call calls called calling dub dubs dubbed dubbing term terms termed label labels labelled
    labeled describe describes described describing characterize characterizes characterized characterise
    characterised brand branded brands deem deemed alleged purported self-styled self-described""".split()
)
#: Words between which and the label no stance reaches (the end of a clause).
STANCE_BARRIERS = frozenset("but and or while whereas although though because since which who that".split())
