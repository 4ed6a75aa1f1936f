"""The quotation and attribution rules of framing._nlp.quotes, one phenomenon at a time.

Every sentence here is written for these tests in the shape of real news copy;
none is taken from a dataset. Names are invented or public figures used
generically.
"""

import pytest

from framing._nlp.english import reporting_forms, reporting_verbs
from framing._nlp.match import PatternSet
from framing._nlp.quotes import extract, match_actors, quoted_spans
from framing.lexicons import list_lexicons, load_lexicon


def one(text, **kw):
    rows = extract(text, **kw)
    assert len(rows) == 1, rows
    return rows[0]


def kinds(text, **kw):
    return [(r["kind"], r["quote"]) for r in extract(text, **kw)]


# --- quotation marks ---------------------------------------------------------------


def test_straight_quotes_with_speaker_after():
    text = '"We will win," Smith said.'
    r = one(text)
    assert (r["kind"], r["quote"], r["speaker"], r["verb"], r["lemma"], r["category"]) == (
        "direct", "We will win,", "Smith", "said", "say", "neutral",
    )
    assert text[r["start"] : r["end"]] == "We will win,"
    assert (r["start"], r["end"], r["n_words"], r["unclosed"]) == (1, 13, 3, False)


def test_curly_quotes_inverted_attribution_with_appositive():
    r = one("“We will win,” said Anna Berg, a spokeswoman for the ministry.")
    assert (r["kind"], r["quote"], r["speaker"], r["appositive"]) == (
        "direct", "We will win,", "Anna Berg", "a spokeswoman for the ministry",
    )


def test_speaker_before_with_appositive_and_colon():
    r = one('Anna Berg, a spokeswoman for the ministry, said: "We are ready."')
    assert (r["kind"], r["speaker"], r["verb"]) == ("direct", "Anna Berg", "said")
    r = one('The ministry\'s spokeswoman, Anna Berg, told reporters: "We are ready."')
    assert r["speaker"] == "Anna Berg"


def test_quote_spanning_sentences():
    text = "“We tried. We failed,” she said."
    r = one(text)
    assert r["quote"] == "We tried. We failed,"
    assert (r["sent"], r["last_sent"]) == (0, 0) or r["last_sent"] >= r["sent"]
    sents = [(0, 0, 11), (0, 12, len(text))]
    r = extract(text, sents)[0]
    assert (r["sent"], r["last_sent"], r["speaker"]) == (0, 1, "she")


def test_quote_continued_into_next_paragraph():
    text = "The minister said:\n\n“First we wait.\n\n“Then we act.”\n\nAid arrived later."
    r = one(text)
    assert r["kind"] == "direct"
    assert r["quote"] == "First we wait. Then we act."
    assert text[r["start"] : r["end"]] == "First we wait.\n\n“Then we act."
    assert (r["unclosed"], r["speaker"], r["verb"]) == (False, "The minister", "said")
    assert quoted_spans(text) == [(r["start"], r["end"])]


def test_nested_single_quotes_stay_inside():
    text = "“He told me, ‘Leave now,’ and I did,” Lind said."
    r = one(text)
    assert (r["quote"], r["speaker"]) == ("He told me, ‘Leave now,’ and I did,", "Lind")


def test_apostrophes_are_not_quotes():
    assert extract("The farmers' union met Israel’s army in the ’90s.") == []
    assert quoted_spans("Don't stop, it's the soldiers' rest.") == []


def test_unclosed_quote_is_closed_at_paragraph_end_and_flagged():
    text = 'He said: "We will not leave\n\nAid arrived.'
    r = one(text)
    assert (r["kind"], r["quote"], r["unclosed"], r["speaker"]) == ("direct", "We will not leave", True, "He")
    # a closing mark with no opening one: the quote began at the paragraph start
    r = one('We will stay," he said.')
    assert (r["quote"], r["unclosed"], r["speaker"]) == ("We will stay,", True, "he")


def test_quote_split_by_its_attribution():
    text = "“We never closed the door,” Brandt said, “but we will not negotiate.”"
    assert [(r["kind"], r["speaker"]) for r in extract(text)] == [("direct", "Brandt"), ("direct", "Brandt")]


def test_follow_on_quote_inherits_speaker():
    text = '"We cannot wait," Doren said. "The court is too slow."'
    rows = extract(text)
    assert [(r["quote"], r["speaker"], r["verb"]) for r in rows] == [
        ("We cannot wait,", "Doren", "said"),
        ("The court is too slow.", "Doren", "said"),
    ]


# --- partial and scare quotes ------------------------------------------------------------


def test_partial_quotes_report_their_clause():
    # a naming verb reports its object with the quoted words
    text = 'Berg called the strikes "unacceptable".'
    r = one(text)
    assert (r["kind"], r["quote"], r["speaker"], r["verb"], r["lemma"]) == (
        "partial", 'the strikes "unacceptable"', "Berg", "called", "call",
    )
    assert [text[a:b] for a, b in r["quoted"]] == ["unacceptable"]
    r = one("The minister described the operation as “precise”.")
    assert (r["kind"], r["speaker"], r["lemma"]) == ("partial", "The minister", "describe")
    r = one('Lind said the situation was "deteriorating by the hour" in the south.')
    assert (r["kind"], r["quote"], r["speaker"]) == (
        "partial", 'the situation was "deteriorating by the hour" in the south', "Lind",
    )


def test_paraphrase_with_quoted_fragments_is_one_attribution():
    text = 'Harlan said the senator\'s remarks showed "a lack of respect" and were "beneath the office."'
    r = one(text)
    assert (r["kind"], r["speaker"], r["verb"]) == ("partial", "Harlan", "said")
    assert r["quote"] == 'the senator\'s remarks showed "a lack of respect" and were "beneath the office."'
    assert [text[a:b] for a, b in r["quoted"]] == ["a lack of respect", "beneath the office."]
    # the clause may open with the quoted words
    r = one('Okafor said "it gets me angry" every time the council delays the vote.')
    assert r["quote"] == '"it gets me angry" every time the council delays the vote'
    # a closing attribution reports the clause before it, quote included
    r = one('The new plan is a "very welcome step," she said.')
    assert (r["kind"], r["quote"], r["speaker"]) == ("partial", 'The new plan is a "very welcome step,"', "she")
    # two verbs: the quote belongs to the one whose clause holds it
    rows = extract('She says voters may not like the answer, but insists the governor ran a "phony campaign."')
    assert [(r["kind"], r["lemma"]) for r in rows] == [("indirect", "say"), ("partial", "insist")]


def test_scare_quotes():
    assert kinds('The so-called "security zone" was expanded.') == [("scare", "security zone")]
    assert kinds('Critics of the "reform" gathered in the square.') == [("scare", "reform")]
    # naming, not speech
    assert kinds('She watched a film called "Rafah" last week.') == [("scare", "Rafah")]
    # one quoted word attributed to a speaker is a partial quote
    assert kinds('Smith called the plan "reckless".') == [("partial", 'the plan "reckless"')]
    # quoted titles and names are not speech
    assert kinds('Whitfield said on NBC\'s "Meet the Press" that the bill would pass.')[0] == (
        "scare", "Meet the Press",
    )


# --- indirect speech and according to -----------------------------------------------------


@pytest.mark.parametrize(
    "text, speaker, verb, content",
    [
        ("Smith said the talks had failed.", "Smith", "said", "the talks had failed"),
        ("Smith said that the talks had failed.", "Smith", "said", "the talks had failed"),
        ("Smith told reporters the talks had failed.", "Smith", "told", "the talks had failed"),
        ("Smith told reporters on Monday that the talks had failed.", "Smith", "told", "the talks had failed"),
        ("Smith warned that prices would rise.", "Smith", "warned", "prices would rise"),
        ("The talks had failed, Smith said.", "Smith", "said", "The talks had failed"),
        ("The talks had failed, said Smith.", "Smith", "said", "The talks had failed"),
        ("The army denied the allegation.", "The army", "denied", "the allegation"),
    ],
)
def test_indirect_speech(text, speaker, verb, content):
    r = one(text)
    assert (r["kind"], r["speaker"], r["verb"], r["quote"]) == ("indirect", speaker, verb, content)


def test_not_indirect_speech():
    # passive, nouns and infinitives are not attributions
    assert extract("The judge was accused of fraud by the council.") == []
    assert extract("The report was released on Monday.") == []
    assert extract("His claims drew an angry reply.") == []
    assert extract("He had no time to comment on the plan.") == []


def test_according_to():
    r = one("According to the ministry, 20 people died in the strike.")
    assert (r["kind"], r["speaker"], r["verb"], r["quote"]) == (
        "according_to", "the ministry", "According to", "20 people died in the strike",
    )
    assert r["category"] == "neutral"
    r = one("Twenty people died, according to the ministry.")
    assert (r["kind"], r["speaker"], r["quote"]) == ("according_to", "the ministry", "Twenty people died")
    r = one('"The situation is dire," according to the UN envoy.')
    assert (r["kind"], r["speaker"], r["verb"]) == ("direct", "the UN envoy", "according to")


# --- pronouns -------------------------------------------------------------------------------


def test_pronoun_resolved_to_previous_named_speaker():
    text = '"We are ready," said Anna Berg.\n\nThe talks went on.\n\n"We will stay," she said.'
    rows = extract(text)
    assert [(r["speaker"], r["pronoun"], r["unresolved"]) for r in rows] == [
        ("Anna Berg", None, False),
        ("Anna Berg", "she", False),
    ]


def test_pronoun_resolved_to_person_opening_a_sentence():
    text = 'Marta Ilves, 67, had waited three hours. "We have been forgotten," she said.'
    r = one(text)
    assert (r["speaker"], r["pronoun"]) == ("Marta Ilves", "she")


def test_pronoun_kept_and_flagged_when_unresolvable():
    r = one('"We will stay," he said.')
    assert (r["speaker"], r["pronoun"], r["unresolved"]) == ("he", "he", True)
    # organisations are not "he"; "they" takes a group or an organisation
    text = 'The ministry said the border was closed. "We will stay," he said. They said it was calm.'
    rows = extract(text)
    assert [(r["speaker"], r["unresolved"]) for r in rows] == [
        ("The ministry", False), ("he", True), ("The ministry", False)
    ]


def test_it_resolved_to_organisation():
    text = "The weather office said rain was unlikely. It forecast a dry summer."
    rows = extract(text)
    assert [(r["speaker"], r["pronoun"]) for r in rows] == [
        ("The weather office", None), ("The weather office", "It")
    ]


# --- headlines --------------------------------------------------------------------------------


def test_headline_speaker_before_colon_and_capitalised_verbs():
    r = one("Brandt: Ostrava ‘ready to talk’ if case dropped", headline=True)
    assert (r["kind"], r["speaker"], r["verb"]) == ("partial", "Brandt", None)
    r = one("Calvera Accuses Ostrava of ‘Blackmail’", headline=True)
    assert (r["kind"], r["speaker"], r["lemma"], r["category"]) == ("partial", "Calvera", "accuse", "accusation")


# --- actors -------------------------------------------------------------------------------------


def test_actor_matching_longest_alias_wins():
    patterns = PatternSet(
        {
            "government": ["Calvera", "Calveran government"],
            "army": ["army chief", "Calveran army"],
            "water": ["Ostrava Water Authority"],
            "ostrava": ["Ostrava"],
        },
        what="alias",
    )
    rows = [
        {"speaker": "Calvera's army chief", "appositive": None},
        {"speaker": "the Ostrava Water Authority", "appositive": None},
        {"speaker": "Anna Berg", "appositive": "a spokeswoman for the Calveran government"},
        {"speaker": "Anna Berg", "appositive": None},
        {"speaker": None, "appositive": None},
    ]
    match_actors(rows, patterns)
    assert [r["actor"] for r in rows] == ["army", "water", "government", None, None]


# --- the lexicon --------------------------------------------------------------------------------


def test_reporting_forms():
    assert reporting_forms("say") == ["say", "says", "said", "saying"]
    assert reporting_forms("admit") == ["admit", "admits", "admitted", "admitting"]
    assert reporting_forms("argue") == ["argue", "argues", "argued", "arguing"]
    assert reporting_forms("agree") == ["agree", "agrees", "agreed", "agreeing"]
    assert reporting_forms("stress") == ["stress", "stresses", "stressed", "stressing"]
    assert reporting_forms("call for") == ["call for", "calls for", "called for", "calling for"]
    # one inflection engine (english.verb_forms) for the whole package
    assert reporting_forms("slam") == ["slam", "slams", "slammed", "slamming"]
    assert reporting_forms("quip")[2] == "quipped" and reporting_forms("rebut")[2] == "rebutted"
    assert {"labeled", "labelled"} <= set(reporting_forms("label"))


def test_reporting_verb_lexicon():
    assert "reporting_verbs" in list_lexicons()
    lex = load_lexicon("reporting_verbs")
    assert list(lex.columns) == ["term", "category", "weight"]
    assert not lex["term"].duplicated().any()
    assert set(lex["weight"]) <= {0.5, 1.0}
    cat = dict(zip(lex["term"], lex["category"], strict=True))
    assert (cat["say"], cat["claim"], cat["admit"], cat["insist"], cat["deny"], cat["accuse"]) == (
        "neutral", "doubt", "concession", "emphasis", "denial", "accusation",
    )
    forms = reporting_verbs()
    assert forms["said"].lemma == "say" and forms["claimed"].category == "doubt"
    assert forms["according to"].category == "neutral"
    # every category is documented
    from importlib import resources

    sources = (resources.files("framing.lexicons") / "data" / "SOURCES.md").read_text(encoding="utf-8")
    for c in set(lex["category"]):
        assert f"`{c}`" in sources




# --- attribution rules for real news copy ---------------------------------------------------


def test_speaker_after_the_quote_with_an_appositive():
    r = one('"We will not back down," said Dana R. Whitfield, the governor\'s adviser on energy policy.')
    assert (r["speaker"], r["appositive"], r["verb"]) == (
        "Dana R. Whitfield", "the governor's adviser on energy policy", "said",
    )
    # the speaker and its appositive between the quote and the verb
    r = one('"We plan to compete hard," Maria Okafor, the campaign\'s communications director, said in a statement.')
    assert (r["speaker"], r["verb"]) == ("Maria Okafor", "said")
    r = one('"I think we should," Paul Renner, who is chairman of the state party said on Friday.')
    assert r["speaker"] == "Paul Renner"
    # any reporting verb may come first right after the quote
    r = one('"They sit in their offices and we lose our farms," fumed Ellen Marsh, who farms near the river.')
    assert (r["speaker"], r["lemma"]) == ("Ellen Marsh", "fume")


def test_colon_introduced_quotation_and_indirect_speech():
    r = one('Okafor said: "We are ready for the vote."')
    assert (r["kind"], r["speaker"]) == ("direct", "Okafor")
    r = one("Former staffers said: Many nights she stayed at the office past midnight.")
    assert (r["kind"], r["quote"], r["speaker"]) == (
        "indirect", "Many nights she stayed at the office past midnight", "Former staffers",
    )


def test_trailing_dash_name():
    text = '"We will not back down." -- Dana Whitfield\n\nThe vote is on Tuesday.'
    r = one(text)
    assert (r["kind"], r["speaker"], r["verb"]) == ("direct", "Dana Whitfield", None)


def test_speaker_of_the_previous_sentence():
    text = 'Whitfield said the vote was a setback.\n\n"We are not done. We will be back next year."'
    rows = extract(text)
    assert [(r["kind"], r["speaker"], r["speaker_source"]) for r in rows] == [
        ("indirect", "Whitfield", "name"),
        ("direct", "Whitfield", "previous"),
    ]
    # a follow-on after a partial quote
    text = 'The choice is "a false one," she said.\n\n"I will vote for whoever represents me."'
    assert [r["speaker"] for r in extract(text)] == ["she", "she"]


def test_indirect_speech_without_that():
    r = one("Renner said the party's lawmakers would block the budget.")
    assert (r["kind"], r["quote"]) == ("indirect", "the party's lawmakers would block the budget")
    r = one("The Ledger reported even if the council split the vote, the mayor would need a majority.")
    assert r["quote"] == "even if the council split the vote, the mayor would need a majority"
    r = one("In the poll, 42% say they are liberal.")
    assert (r["speaker"], r["quote"]) == ("42%", "they are liberal")
    r = one("Renner told a crowded banquet hall in downtown Baltimore that he is not giving up.")
    assert r["quote"] == "he is not giving up"
    # the attribution interrupts the clause it reports
    r = one("Even then, he said, the county has learned enough to act.")
    assert r["quote"] == "Even then, he said, the county has learned enough to act"


def test_event_verbs_and_nouns_are_not_attributions():
    assert extract("The governor declared a national emergency on Friday.") == []
    assert extract("The senator announced his resignation.") == []
    assert extract("Labor disputes were common that year.") == []
    r = one("The governor declared that the border was in crisis.")
    assert (r["kind"], r["quote"]) == ("indirect", "the border was in crisis")


def test_headline_passives_are_not_attributions():
    assert extract("Steele Criticized for Role in Dossier", headline=True) == []
    r = one("Renner Slams Council Over Budget", headline=True)
    assert (r["kind"], r["speaker"], r["lemma"]) == ("indirect", "Renner", "slam")


def test_according_to_as_a_second_source_is_not_a_new_attribution():
    rows = extract('"The situation is dire," he said, according to a recording obtained by the paper.')
    assert [(r["kind"], r["verb"]) for r in rows] == [("direct", "said")]


# --- speakers as entities ------------------------------------------------------------------------


def test_name_variants_are_one_entity():
    text = (
        'Hillary Rodham Clinton spoke in Iowa on Monday. "We will win," Mrs. Clinton said.\n\n'
        "Clinton said the plan was fine."
    )
    rows = extract(text)
    assert [(r["speaker"], r["speaker_entity"], r["speaker_source"]) for r in rows] == [
        ("Mrs. Clinton", "Hillary Clinton", "name"),
        ("Clinton", "Hillary Clinton", "name"),
    ]
    assert {r["entity_key"] for r in rows} == {"hillary clinton"}


def test_a_command_or_a_number_opening_a_sentence_is_no_first_name():
    # "Let Calvera" and "Four Sentinel" are no people: the speaker "Calvera"
    # stays "Calvera", not a person called "Let Calvera"
    text = (
        "Opinion: Let Calvera finish the job.\n\n"
        "Four Sentinel brigades remain in the city.\n\n"
        "Calvera said the operation would continue. Sentinel said it would not leave."
    )
    rows = extract(text)
    assert [(r["speaker"], r["speaker_entity"]) for r in rows] == [
        ("Calvera", "Calvera"),
        ("Sentinel", "Sentinel"),
    ]


def test_a_title_opening_a_sentence_stays_part_of_the_name():
    text = 'Judge Ana Berman opened the hearing.\n\n"This is not a trial of the press," Berman said.'
    rows = extract(text)
    assert [(r["speaker"], r["speaker_entity"]) for r in rows] == [("Berman", "Ana Berman")]


def test_pronouns_take_the_last_speaker_of_their_gender():
    text = (
        '"We will win in November," said Maria Okafor, the campaign manager.\n\n'
        '"She is wrong," said Mr. Renner.\n\n'
        '"He has never run anything," she said.'
    )
    rows = extract(text)
    assert [(r["speaker"], r["pronoun"], r["speaker_source"]) for r in rows] == [
        ("Maria Okafor", None, "name"),
        ("Mr. Renner", None, "name"),
        ("Maria Okafor", "she", "pronoun"),
    ]
    # "they" takes a group or an organisation, not a person
    text = 'Officials said the road was closed. "We will reopen it soon," they said.'
    assert [r["speaker"] for r in extract(text)] == ["Officials", "Officials"]


def test_a_title_takes_the_person_who_holds_it():
    text = (
        "Sen. Tom Harlan said the bill was dead. The vote was delayed.\n\n"
        '"We will try again," the senator said.'
    )
    rows = extract(text)
    assert [(r["speaker_entity"], r["speaker_source"]) for r in rows] == [
        ("Tom Harlan", "name"),
        ("Tom Harlan", "title"),
    ]


def test_appositions_respected_when_mapping_a_speaker_to_an_actor():
    patterns = PatternSet({"Trump": ["Trump", "Donald Trump"], "Clinton": ["Clinton"]}, what="alias")
    rows = [
        {"speaker": "George Conway", "appositive": "a vocal critic of Mr. Trump"},
        {"speaker": "a Trump critic", "appositive": None},
        {"speaker": "Maria Okafor", "appositive": "a spokeswoman for Donald Trump"},
        {"speaker": "the Clinton campaign", "appositive": None},
        {"speaker": "Clinton's spokesman", "appositive": None},
        {"speaker": "an aide to Trump", "appositive": None},
    ]
    match_actors(rows, patterns)
    assert [r["actor"] for r in rows] == [None, None, "Trump", "Clinton", "Clinton", "Trump"]
