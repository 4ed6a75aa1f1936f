"""English word lists for the clause rules of :mod:`framing._nlp.grammar`.

Written for framing by its authors (BSD-3-Clause): the irregular verbs of
English with their past tense and past participle, a list of common verbs in
news writing (so that present-tense and base forms such as "attacks" or "kill"
can be told from nouns by context), closed word classes, and the exception
lists the passive rules need (adjectival participles, intransitive verbs, "by"
phrases of time, means and amount). Everything is lower case, as the shared
tokenizer writes it. Nothing here is read from a file.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ..lexicons import load_lexicon

__all__ = [
    "ADJECTIVAL_PARTICIPLES",
    "BE_FORMS",
    "GET_FORMS",
    "HAVE_FORMS",
    "IRREGULAR",
    "MODALS",
    "VERBS",
    "lemma_of",
    "verb_forms",
]

# base | past tense(s) | past participle(s); "/" separates variants.
_IRREGULAR_TABLE = """
arise arose arisen
awake awoke awoken
bear bore borne/born
beat beat beaten/beat
become became become
befall befell befallen
begin began begun
behold beheld beheld
bend bent bent
beset beset beset
bet bet bet
bid bid bid
bind bound bound
bite bit bitten
bleed bled bled
blow blew blown
break broke broken
breed bred bred
bring brought brought
broadcast broadcast broadcast
build built built
burn burnt/burned burnt/burned
burst burst burst
buy bought bought
cast cast cast
catch caught caught
choose chose chosen
cling clung clung
come came come
cost cost cost
creep crept crept
cut cut cut
deal dealt dealt
dig dug dug
dive dove/dived dived
do did done
draw drew drawn
dream dreamt/dreamed dreamt/dreamed
drink drank drunk
drive drove driven
dwell dwelt dwelt
eat ate eaten
fall fell fallen
feed fed fed
feel felt felt
fight fought fought
find found found
flee fled fled
fling flung flung
fly flew flown
forbid forbade forbidden
forecast forecast forecast
forego forewent foregone
foresee foresaw foreseen
foretell foretold foretold
forget forgot forgotten
forgive forgave forgiven
forsake forsook forsaken
freeze froze frozen
get got got/gotten
give gave given
go went gone
grow grew grown
hang hung/hanged hung/hanged
have had had
hear heard heard
hide hid hidden
hit hit hit
hold held held
hurt hurt hurt
input input input
keep kept kept
kneel knelt knelt
know knew known
lay laid laid
lead led led
lean leant/leaned leant/leaned
leap leapt/leaped leapt/leaped
learn learnt/learned learnt/learned
leave left left
lend lent lent
let let let
lie lay lain
light lit/lighted lit/lighted
lose lost lost
make made made
mean meant meant
meet met met
mislay mislaid mislaid
mislead misled misled
misread misread misread
mistake mistook mistaken
misunderstand misunderstood misunderstood
offset offset offset
outbid outbid outbid
outdo outdid outdone
outgrow outgrew outgrown
outrun outran outrun
overcome overcame overcome
overdo overdid overdone
overhear overheard overheard
override overrode overridden
overrun overran overrun
oversee oversaw overseen
oversell oversold oversold
overtake overtook overtaken
overthrow overthrew overthrown
pay paid paid
partake partook partaken
plead pleaded/pled pleaded/pled
prove proved proven/proved
put put put
quit quit quit
read read read
rebuild rebuilt rebuilt
recast recast recast
redo redid redone
remake remade remade
repay repaid repaid
rerun reran rerun
reset reset reset
resell resold resold
retake retook retaken
retell retold retold
rethink rethought rethought
rewrite rewrote rewritten
ride rode ridden
ring rang rung
rise rose risen
run ran run
saw sawed sawn
say said said
see saw seen
seek sought sought
sell sold sold
send sent sent
set set set
sew sewed sewn
shake shook shaken
shear sheared shorn
shed shed shed
shine shone shone
shoot shot shot
show showed shown/showed
shrink shrank shrunk
shut shut shut
sing sang sung
sink sank sunk
sit sat sat
slay slew slain
sleep slept slept
slide slid slid
sling slung slung
slit slit slit
smite smote smitten
sow sowed sown
speak spoke spoken
speed sped sped
spell spelt/spelled spelt/spelled
spend spent spent
spill spilt/spilled spilt/spilled
spin spun spun
spit spat spat
split split split
spoil spoilt/spoiled spoilt/spoiled
spread spread spread
spring sprang sprung
stand stood stood
steal stole stolen
stick stuck stuck
sting stung stung
stink stank stunk
strew strewed strewn
stride strode stridden
strike struck struck/stricken
string strung strung
strive strove striven
swear swore sworn
sweep swept swept
swell swelled swollen/swelled
swim swam swum
swing swung swung
take took taken
teach taught taught
tear tore torn
tell told told
think thought thought
throw threw thrown
thrust thrust thrust
tread trod trodden
typeset typeset typeset
undergo underwent undergone
underpay underpaid underpaid
understand understood understood
undertake undertook undertaken
underwrite underwrote underwritten
undo undid undone
upset upset upset
uphold upheld upheld
wake woke woken
wear wore worn
weave wove woven
wed wed wed
weep wept wept
wet wet wet
win won won
wind wound wound
withdraw withdrew withdrawn
withhold withheld withheld
withstand withstood withstood
wring wrung wrung
write wrote written
"""


def _parse_irregular() -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
    table = {}
    for line in _IRREGULAR_TABLE.strip().splitlines():
        base, past, part = line.split()
        table[base] = (tuple(past.split("/")), tuple(part.split("/")))
    return table


#: Irregular verbs: ``{base: (past forms, participle forms)}``.
IRREGULAR = _parse_irregular()

# Common verbs of news writing (regular and irregular), used to recognise
# present-tense ("attacks") and base ("kill") forms, which are often nouns too.
_VERB_LIST = """
abandon abduct abolish absorb abuse accept access accompany accuse achieve
acknowledge acquire act adapt add address adjust admit adopt advance advise
advocate affect afford agree aid aim alert allege allow ally alter amend
announce annex answer anticipate apologize apologise appeal appear apply
appoint approach approve argue arm arrange arrest arrive ask assassinate
assault assemble assert assess assign assist assume assure attach attack
attempt attend attribute authorize authorise avoid await award back ban bar
base battle bear beat become beg begin behead believe belong benefit besiege
bid bind blame blast bleed blind block blockade blow board boast bomb
bombard boost borrow bother bounce boycott break breed brief bring broadcast
build bulldoze burn burst bury buy calculate call calm campaign cancel
capture care carry cast catch cause cease celebrate censor challenge change
charge chase check cheer choose cite claim clarify clash clean clear climb
close collapse collect combat combine come comment commit compare compel
compensate compete complain complete comply compromise conceal concede
concern conclude condemn conduct confess confirm confiscate confront connect
consider consist constitute construct consult contain contend continue
contribute control convene convert convict convince cooperate coordinate cope
correct cost count counter cover crack crash create criticize criticise cross
crush cry cultivate cut damage deal debate decide declare decline decrease
defeat defend defy delay delete deliver demand demolish demonstrate deny
depart depend deploy deport deprive describe deserve design designate
destroy detain detect deter determine detonate develop devote die dig direct
disagree disappear discover discuss dismiss disperse displace dispute disrupt
distinguish distribute divide document dominate donate double doubt drag draw
dress drink drive drop drown dump earn ease eat echo edit educate elect
eliminate embrace emerge emphasize emphasise employ enable encounter
encourage end endorse endure enforce engage enjoy ensure enter equip erupt
escalate escape establish estimate evacuate evaluate evict examine exceed
exchange exclude execute exercise exist expand expect expel experience
explain explode exploit explore export expose express extend face facilitate
fail fall fear feature feed feel fight file fill finance find finish fire
fit fix flatten flee fly focus follow forbid force forget form free freeze
fuel fund gain gather generate get give go govern grab grant greet grow
guarantee guard guide halt handle hang happen harass harm hate head heal hear
help hide highlight hire hit hold host hunt hurt identify ignore illustrate
impose imprison improve include incorporate increase incur indicate induce
inflict influence inform inherit initiate injure insist inspect inspire
install instruct insult integrate intend intensify intercept interfere
interrogate interrupt intervene interview introduce invade invest
investigate invite involve isolate issue jail join joke judge jump justify
keep kick kidnap kill knock know label lack land last launch lay lead leak
learn leave lecture lend level liberate lie lift like limit link list listen
live load loan lobby locate lock look loot lose love lower lynch maim
maintain make manage march mark massacre match matter mean measure mediate
meet mention migrate mine miss mobilize mobilise monitor mount mourn move
murder name need negotiate neglect neutralize neutralise nominate note notice
notify object oblige observe obtain occupy occur offer open operate oppose
order organize organise oust overcome overrule oversee overthrow owe own
participate pass patrol pause pay perceive perform perish permit persecute
persist persuade pick plan plant play plead pledge plunder plunge point
poison pose possess post postpone pound pour praise pray predict prefer
prepare present preserve press pressure pretend prevail prevent proceed
process proclaim produce prohibit promise promote prompt propose prosecute
protect protest prove provide provoke publish pull punish purchase pursue
push put qualify question quit quote race raid raise rally rank rape raze
reach react read reaffirm realize realise receive recall recapture recognize
recognise recommend reconsider record recover recruit reduce refer reflect
refuse regain regard register regret reinforce reject relate release
relocate rely remain remark remember remind remove renew reopen repair
repeat replace reply report represent repress request require rescue resign
resist resolve respond rest restore restrict result resume retain retaliate
retire retreat return reveal review revoke ride rise risk rob rocket roll
rule run rush sabotage sanction save say scare schedule score scream search
secure see seek seem seize select sell send sentence separate serve set
settle shake shape share shell shelter shift shoot shout show shut sign
signal silence sing sink sit slam slash slaughter sleep slow smash smuggle
solve speak spend split spread stab stage stand star starve state stay steal
step stick stop storm strengthen stress strike strip struggle study submit
succeed succumb sue suffer suggest supply support suppose surge surrender
surround survive suspect suspend sustain swear sweep take talk target teach
tear tell tend terminate terrorize terrorise test testify thank think
threaten throw tie torture total touch track trade train transfer transform
transport trap travel treat trigger triple trust try turn tweet uncover
undergo undermine understand undertake unite unleash unveil update uphold
urge use value vanish vary veto violate visit voice volunteer vote vow wage
wait walk want warn wash watch weaken wear welcome win wipe wish withdraw
withhold witness wonder work worry wound write
"""

#: Common verb lemmas (regular and irregular).
VERBS = frozenset(_VERB_LIST.split()) | frozenset(IRREGULAR)

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
DO_FORMS = frozenset("do does did don't doesn't didn't".split())
NEGATIONS = frozenset("not never n't".split())

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
#: Words ending in -ly that are not adverbs.
NOT_LY_ADVERBS = frozenset(
    """family italy july rally ally supply reply apply fly holy daily weekly
    monthly yearly likely friendly elderly lonely ugly belly bully jelly
    assembly monopoly anomaly folly tally rely imply comply multiply ply sly
    deadly costly early only hourly lovely silly orderly bodily kindly lively
    curly oily woolly""".split()
)

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
    married""".split()
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
#: Verbs read as intransitive when a bare past form has no object
#: ("Protesters gathered outside", "talks stalled"): not headline passives.
INTRANSITIVE_VERBS = frozenset(
    """advance arrive appear become clash collapse come continue crash decline
    depart die go head seem
    disappear dock drown emerge end erupt escalate escape explode fail fall flee
    gather happen land live march meet migrate occur perish plunge protest rally
    react rebound recover remain resign respond resume retire retreat return
    rise rush sleep soar stall start stay step struggle succeed succumb surge
    survive talk testify travel vanish vote wait walk work""".split()
)
#: Verbs that take an object and a to-infinitive ("told to leave"): without
#: an object, the bare participle is passive.
OBJECT_CONTROL_VERBS = frozenset(
    """tell order ask urge force warn allow advise instruct encourage permit
    require invite compel persuade pressure oblige direct authorize authorise
    forbid instruct""".split()
)
#: Verbs that report or think: a noun phrase after them may be the subject
#: of a complement clause ("Medics said the victims included ...").
REPORTING_VERBS = frozenset(
    """say tell claim believe think know report deny warn argue insist add
    note announce confirm allege suggest predict fear hope expect acknowledge
    admit assert state explain write tweet contend concede estimate show
    reveal find feel learn hear see understand agree recall declare testify
    indicate conclude""".split()
)
#: Copular verbs: their subjects are neither agents nor patients.
COPULAS = frozenset("be seem become remain".split())

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
#: Words that modify a number: "by more than 300 drones", "about 800,000 people".
QUANTIFIERS = frozenset(
    """more less fewer than at least up to some about nearly almost around over
    roughly approximately estimated an only just""".split()
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
    release free transfer relocate hold house raze flatten target""".split()
)

#: Heads of "by" phrases of amount: "by 20 percent", "by a wide margin".
BY_AMOUNT = frozenset(
    """percent per cent % margin majority points point votes vote factor half
    third quarter fold degrees dozen dozens hundreds thousands millions
    billions amount much little""".split()
)
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
#: Resultative adjectives that do not make a bare participle active
#: ("Two journalists shot dead").
RESULTATIVES = frozenset("dead alive free loose open shut".split())


def _regular_forms(base: str) -> tuple[str, str, str]:
    """(-s form, -ed form, -ing form) of a regular verb; a doubled final
    consonant is used for short verbs that end consonant-vowel-consonant."""
    if base.endswith("e") and not base.endswith(("ee", "ye", "oe")):
        ed, ing = base + "d", base[:-1] + "ing"
    elif base.endswith("ee") or base.endswith("oe") or base.endswith("ye"):
        ed, ing = base + "d", base + "ing"
    elif base.endswith("y") and len(base) > 1 and base[-2] not in "aeiou":
        ed, ing = base[:-1] + "ied", base + "ing"
    elif base.endswith("ie"):
        ed, ing = base + "d", base[:-2] + "ying"
    elif _doubles(base):
        ed, ing = base + base[-1] + "ed", base + base[-1] + "ing"
    else:
        ed, ing = base + "ed", base + "ing"
    if base.endswith(("s", "x", "z", "ch", "sh", "o")):
        s = base + "es"
    elif base.endswith("y") and len(base) > 1 and base[-2] not in "aeiou":
        s = base[:-1] + "ies"
    else:
        s = base + "s"
    return s, ed, ing


_DOUBLING = frozenset(
    """kidnap worship compel patrol control propel repel expel equip occur refer
    prefer transfer admit commit submit omit permit regret forget rebel
    abhor deter confer incur acquit quip rebut""".split()
)


def _doubles(base: str) -> bool:
    if base in _DOUBLING:
        return True
    vowels = "aeiou"
    if len(base) < 3 or base[-1] in vowels + "wxy":
        return False
    if base[-2] not in vowels or base[-3] in vowels:
        return False
    # one syllable: a single vowel group
    groups = sum(
        1 for i, c in enumerate(base) if c in vowels and (i == 0 or base[i - 1] not in vowels)
    )
    return groups == 1


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
    if base in IRREGULAR:
        past, part = IRREGULAR[base]
    else:
        past, part = (ed,), (ed,)
    return {"base": (base,), "s": (s,), "past": past, "participle": part, "ing": (ing,)}


@cache
def _form_index() -> dict[str, dict[str, str]]:
    """``{form: {kind: lemma}}`` for every known verb."""
    index: dict[str, dict[str, str]] = {}
    for base in sorted(VERBS):
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
    "ng",
    "rs",
    "ps",
    "bl",
    "pl",
    "tl",
    "dl",
)


def lemma_of(word: str) -> str:
    """The lemma of a verb form (a best guess for verbs not in the lists).

    Examples
    --------
    >>> [lemma_of(w) for w in ["killed", "struck", "bombed", "kidnapped", "displaced", "dies", "carried"]]
    ['kill', 'strike', 'bomb', 'kidnap', 'displace', 'die', 'carry']
    >>> [lemma_of(w) for w in ["unnerved", "created", "stopped", "shelled"]]
    ['unnerve', 'create', 'stop', 'shell']
    """
    forms = known_forms(word)
    for kind in ("participle", "past", "s", "ing", "base"):
        if kind in forms:
            return forms[kind]
    for suffix, repl in (("ied", "y"), ("ies", "y"), ("ying", "ie")):
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            return word[: -len(suffix)] + repl
    for suffix in ("ed", "ing"):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            stem = word[: -len(suffix)]
            if stem in VERBS:
                return stem
            if stem + "e" in VERBS:
                return stem + "e"
            if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "lsz":
                return stem[:-1]
            if stem.endswith(_SILENT_E) or (stem.endswith("ud") and not stem.endswith("aud")):
                return stem + "e"
            return stem
    if word.endswith("s") and word[:-1] in VERBS:
        return word[:-1]
    return word


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
    """The lemma and every inflected form of a reporting verb, lemma first.

    Multi-word verbs inflect their first word; "according to" has one form.

    Examples
    --------
    >>> reporting_forms("say")
    ['say', 'says', 'said', 'saying']
    >>> reporting_forms("point out")
    ['point out', 'points out', 'pointed out', 'pointing out']
    >>> reporting_forms("according to")
    ['according to']
    """
    if lemma == "according to":
        return [lemma]
    head, _, rest = lemma.partition(" ")
    tail = f" {rest}" if rest else ""
    forms = verb_forms(head)
    words = [w for kind in ("base", "s", "past", "participle", "ing") for w in forms[kind]]
    words += _SPELLING_VARIANTS.get(head, ())
    return [w + tail for w in dict.fromkeys(words)]


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
TIME_WORDS = frozenset(
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
    concede confess reveal disclose divulge predict forecast estimate question dispute""".split()
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
HONORIFICS = frozenset("mr mrs ms mx dr prof sen rep gov gen the a an".split())
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
