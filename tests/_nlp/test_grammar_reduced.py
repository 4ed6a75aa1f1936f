"""framing._nlp.grammar: reduced relatives and participle clauses, one rule per test.

Each test holds the positive case of a rule and the hard negative it must leave
alone; the sentences are written for these tests in the style of news copy.
"""

from __future__ import annotations

from framing._nlp.grammar import mention_roles, parse
from framing._nlp.text import token_spans


def reduced(text: str) -> list[str]:
    p = parse(text)
    return [
        p.words[k]
        for g in p.groups
        if g.voice == "passive" and g.kind == "reduced"
        for k in g.participles
    ]


def voice_of(text: str, word: str) -> str:
    p = parse(text)
    k = p.words.index(word)
    g = next((g for g in p.groups if g.start <= k < g.end), None)
    return "none" if g is None else f"{g.voice}/{g.kind}"


def role(text: str, actor: str) -> str:
    p = parse(text)
    s = text.index(actor)
    inside = [i for i, (_, a, b) in enumerate(token_spans(text)) if a < s + len(actor) and b > s]
    return mention_roles(p, [(inside[0], inside[-1] + 1)])[0][0]


def test_given_and_compared_open_a_phrase_not_a_clause():
    assert reduced("The deal looks fragile, given the mood in the chamber.") == []
    assert reduced("Given that the vote failed, aides are regrouping.") == []
    assert reduced("Sales rose 4 percent, compared with 2 percent a year earlier.") == []
    # after a noun they stay participles
    assert reduced("The aid given to farmers reached 2 million dollars.") == ["given"]


def test_main_verb_after_a_relative_clause_set_off_by_commas():
    text = "Senator Ann Lowe, a Democrat of Ohio, who backed the nominee last year, called for a vote."
    assert reduced(text) == []
    assert voice_of(text, "called") == "active/finite"
    assert reduced("President Hale, who was a farmer, signed into law the water act.") == []
    # an apposition without a relative clause still allows a participle clause
    assert reduced("The plan, backed by the governor, passed the house.") == ["backed"]


def test_a_series_of_predicates_is_active():
    text = "She lobbied council members, drafted in help from neighbours, and won the vote."
    assert reduced(text) == []
    assert voice_of(text, "drafted") == "active/finite"
    # a participle clause between commas followed by a noun phrase stays passive
    assert reduced("The convoy, hit by a rocket, and two trucks were lost.") == ["hit"]


def test_naming_verb_after_a_comma_with_its_name_and_an_agent():
    text = "The suburbs, dubbed the swing belt by pollsters, will decide the race."
    assert reduced(text) == ["dubbed"]
    p = parse(text)
    g = next(g for g in p.groups if g.kind == "reduced")
    assert p.words[g.agent[0] : g.agent[1]] == ["pollsters"]
    # an active naming verb after its subject stays active
    assert reduced("The governor dubbed the plan a disaster.") == []


def test_a_verb_in_s_after_a_plural_subject_is_a_noun():
    # "leaks" cannot be the main verb of "Republicans": "focused" is the main verb
    text = "Senate Republicans focused on questioning the director about agency leaks to reporters."
    assert reduced(text) == []
    assert voice_of(text, "focused") == "active/finite"
    # "19 percentage points": a counted noun, not a verb
    assert reduced("The county, which the mayor won by 19 percentage points in 2020, is small.") == []
    # a real main verb after the participle still makes it a reduced relative
    assert reduced("Officials accused of fraud faced trial in May.") == ["accused"]


def test_label_after_a_colon_without_a_verb():
    assert reduced("Jon Pell: former aide questioned over missing funds") == ["questioned"]
    assert role("Jon Pell: former aide questioned over missing funds", "aide") == "passive_subject"
    # with a finite verb in the clause the participle is read as usual
    assert reduced("The mayor said: voters rallied outside the hall.") == []


def test_participle_clause_after_a_closing_bracket():
    text = "(Photos: the storm in pictures) Asked about the damage, the governor said it was severe."
    assert reduced(text) == ["asked"]
    # the mention inside the bracket is not the subject of that clause
    assert role(text, "storm") == "other"


def test_no_passive_of_an_intransitive_participle():
    assert reduced("With the chairman gone, the committee stalled.") == []
    assert voice_of("With the chairman gone, the committee stalled.", "gone") == "active/nonfinite"
    assert reduced("With the vote delayed until Friday, aides scrambled.") == ["delayed"]


def test_with_and_a_participle_is_a_small_clause():
    assert reduced("With classes scheduled to start next week, students packed the campus.") == [
        "scheduled"
    ]
    assert reduced("She voted with colleagues opposed to the bill.") == []  # adjectival before "to"


def test_than_after_more_is_an_amount_not_a_clause():
    assert reduced("The memorial honours more than 3,000 soldiers killed in the war.") == ["killed"]
    assert reduced("The senator spoke longer than anyone expected in the debate.") == []


def test_noun_phrase_coordination_does_not_end_the_clause():
    text = "Planes dropped sacks of food and water for families stranded on the mountain."
    assert reduced(text) == ["stranded"]
    assert reduced("Rescuers searched the valley and families returned to the town.") == []


def test_object_control_verb_assign():
    assert reduced("She left behind the reporters assigned to cover her visit.") == ["assigned"]
    assert reduced("The editor assigned two reporters to the story.") == []


def test_an_adjectival_participle_is_no_later_main_verb():
    text = "The senator met with donors worried about the tax plan."
    assert voice_of(text, "met") == "active/finite"
    assert role(text, "senator") == "agent"


def test_main_verb_after_an_including_aside():
    text = "Business groups, including the Chamber of Commerce, called on senators to act."
    assert reduced(text) == []
    assert role(text, "Business groups") == "agent"


def test_parenthetical_report_after_one_official():
    text = "Moving the troops, one senior defence official warned, would take months."
    assert reduced(text) == []
    assert voice_of(text, "warned") == "active/finite"


def test_the_political_left_is_a_noun():
    assert reduced("The response from the political left was swift.") == []
    assert reduced("The political risks left by the vote are large.") == ["left"]


def test_adverb_and_participle_after_a_determiner_premodify_a_noun():
    # "a hotly contested race" is no main verb for "clung"
    text = "A Democrat clung to a narrow lead in a hotly contested House race."
    assert reduced(text) == []
    assert role(text, "Democrat") == "agent"


def test_intransitive_verbs_sit_cling_interfere():
    assert reduced("The mayor, a former teacher, sat down for an interview on Friday.") == []
    assert reduced("Officials said Russia interfered in the election, the report found.") == []


def test_subject_before_an_aside_opened_by_a_preposition():
    text = "President Rana Das, in her campaign last year, pledged to cut fuel taxes."
    assert role(text, "Rana Das") == "agent"


def test_relative_clause_without_that_after_a_name():
    assert reduced("Aides leaked notes from meetings Patel held with donors in May.") == []
    assert reduced("The senator repeated a promise Obama made during the campaign.") == []
    # a participle with a by-agent after a name stays a reduced relative
    assert reduced("Notes from meetings with Patel compiled by aides were leaked.") == ["compiled"]


def test_nouns_with_a_participle_form_after_a_number_or_adjective():
    assert reduced("The governor weighs a 2028 run for the presidency.") == []
    assert reduced("Ohio saved the senator's presidential bid in 2020.") == []


def test_particle_and_bare_noun_object():
    assert reduced("Opposition lawmakers held up photographs of the flooded homes.") == []
    assert voice_of("Opposition lawmakers held up photographs of the flooded homes.", "held") == (
        "active/finite"
    )


def test_a_past_form_before_by_is_no_later_main_verb():
    text = "Investigators pored over the file compiled by the local police."
    assert reduced(text) == ["compiled"]
    assert voice_of(text, "pored") == "active/finite"


def test_participle_clause_after_a_comma_and_an_adverb():
    assert reduced("The memo is a weekly column, primarily focused on the budget.") == ["focused"]
    assert reduced("The ferry, badly damaged in the storm, reached the port.") == ["damaged"]


def test_transitive_participle_before_a_to_infinitive():
    assert reduced("Critics called it a study designed to protect the industry.") == ["designed"]
    assert reduced("The agency launched a fund created to help farmers.") == ["created"]
    # an active verb before "to" + verb stays active
    assert reduced("The governor planned to visit the site.") == []


def test_when_and_if_open_a_participle_clause_inside_a_clause():
    assert reduced("Wages are lower than a decade ago when adjusted for inflation.") == ["adjusted"]
    assert reduced("The plan would pass if approved by the council.") == ["approved"]
    assert reduced("Wages fell when the factory closed in May.") == []


def test_what_and_which_open_an_object_relative():
    assert reduced("What the vote and the recount showed was a divided county.") == []
    assert reduced("The seat, which the mayor won by 12 points, is now open.") == []
    # with a by-agent the participle after "which" is still passive
    assert reduced("Cuts, which critics said were demanded by donors, passed.") == []


def test_a_quoted_sentence_after_a_comma_is_no_main_verb():
    text = "Police watched as crowds chanted, \"We'd rather go to jail.\""
    assert reduced(text) == []
    assert voice_of(text, "chanted") == "active/finite"


def test_verb_after_an_apposition_with_no_other_verb():
    # a fragment with a verb that needs an object is a participle clause ...
    assert reduced("Dan Moss, the man behind the rival bid, accused of fraud") == ["accused"]
    # ... but a prepositional verb is the main verb of the subject
    text = "The Ohio Courier, the largest paper in the state, called for his resignation."
    assert reduced(text) == []
    assert role(text, "Ohio Courier") == "agent"


def test_main_verb_after_a_like_aside():
    text = "Several senators, like Ann Fox of Ohio, voiced support for the governor."
    assert reduced(text) == []
    assert voice_of(text, "voiced") == "active/finite"


def test_participle_with_by_after_a_quantifier_or_clause_preposition():
    assert reduced("The panels, all controlled by Democrats, say the funds are needed.") == [
        "controlled"
    ]
    assert reduced("Boats returned to canals no longer polluted by motor traffic.") == ["polluted"]
    assert reduced("The rule stays in force until changed by Congress.") == ["changed"]
    # without "by" the determiner still makes a noun or adjective of it
    assert reduced("Aid reached all displaced families in the valley.") == []


def test_a_verb_in_s_after_a_number_is_a_noun():
    assert reduced("The plan could save 40,000 lives prematurely ended by smog.") == ["ended"]


def test_by_phrase_of_a_plural_amount_names_no_agent():
    text = "The challenger trailed by wide margins in both counties."
    assert reduced(text) == []
    assert voice_of(text, "trailed") == "active/finite"
    assert role(text, "challenger") == "agent"
    # a by-phrase that names a doer still makes a participle clause
    assert reduced("Candidates backed by the unions trailed in the polls.") == ["backed"]


def test_upset_without_by_is_an_adjective():
    assert reduced("Parents upset over the school closures packed the meeting.") == []
    # with a by-phrase naming the cause it is a passive
    assert reduced("Parents upset by the school closures packed the meeting.") == ["upset"]


def test_participle_in_a_phrase_after_according_to():
    text = "According to a complaint filed in federal court, the firm hid its losses."
    assert reduced(text) == ["filed"]
    assert voice_of(text, "hid") == "active/finite"
    # "according to" followed by a clause of its own is left alone
    assert reduced("According to the mayor, the council filed a protest.") == []


def test_participle_aside_between_dashes_or_in_brackets():
    text = "Maria Lent \u2013 nicknamed \u201cthe Judge\u201d as a child \u2013 was among the victims."
    assert reduced(text) == ["nicknamed"]
    assert reduced("They want Ken Adair (elected to the board in 2019) to resign.") == ["elected"]
    # an aside with a verb of its own is a clause, not a participle clause
    assert reduced("Prices rose \u2013 fuel costs doubled \u2013 and shops closed.") == []


def test_verbless_line_ends_in_a_participle():
    text = "Regional health board chief executive Tom Reyes sacked"
    assert reduced(text) == ["sacked"]
    assert role(text, "Tom Reyes") == "passive_subject"
    # a verb that needs no object, or a line with a verb of its own, is active
    assert reduced("Regional health board chief executive Tom Reyes resigned") == []
    assert reduced("The board said chief executive Tom Reyes sacked two aides.") == []


def test_participle_after_a_verb_of_position_is_a_small_clause():
    text = "The wrecked car sits abandoned on the hard shoulder."
    assert reduced(text) == ["abandoned"]
    assert voice_of(text, "sits") == "active/finite"
    assert reduced("Whole streets lay destroyed after the shelling.") == ["destroyed"]
    # an adjectival participle after it is no passive
    assert reduced("The family sat worried by the phone.") == []


def test_participle_with_a_particle_after_a_noun_phrase():
    text = "He denied joining a covert surveillance operation carried out in Berlin."
    assert reduced(text) == ["carried"]
    assert reduced("Auditors traced the money set aside for the new schools.") == ["set"]
    # a particle before an object keeps the verb active
    assert reduced("The crews carried out repairs in Berlin.") == []


def test_object_relative_after_that_with_a_noun_phrase_subject():
    text = "He listed the areas that his aides concluded were not worth pursuing."
    assert reduced(text) == []
    assert voice_of(text, "concluded") == "active/finite"
    assert reduced("She said the deal that the president signed last week expires in May.") == []
    # after a noun of content, "that" opens a clause that can hold a reduced relative
    text = "Reports that civilians killed in the raid were children angered the town."
    assert reduced(text) == ["killed"]


def test_past_form_before_a_that_clause_is_active():
    text = "Former prosecutor Dan Morrow once joked that the inquiry would never end."
    assert reduced(text) == []
    assert voice_of(text, "joked") == "active/finite"
    # a participle clause opened by "once" after a comma stays a participle clause
    assert reduced("The suspect, once arrested, was taken to a cell.") == ["arrested"]


def test_perfect_with_a_phrase_between_have_and_the_participle():
    text = "The senator has for years advocated for tighter border controls."
    assert reduced(text) == []
    assert voice_of(text, "advocated") == "active/finite"
    assert voice_of("The mayor had by then left the party.", "left") == "active/finite"


def test_reduced_relatives_coordinated_after_their_phrases():
    text = "The men arrested in the raid and charged with murder appeared in court."
    assert reduced(text) == ["arrested", "charged"]
    assert voice_of(text, "appeared") == "active/finite"
    # a second predicate of an active verb stays active
    assert reduced("Police stopped the car near the bridge and searched it.") == []


def test_second_predicate_after_and_is_active():
    text = "I thanked both delegations and asked to raise the sum."
    assert reduced(text) == []
    assert voice_of(text, "asked") == "active/finite"
    # a participle that follows "and" after a noun phrase subject of its own is unaffected
    assert reduced("Residents ordered to leave and those told to stay met.") == ["ordered", "told"]


def test_have_and_a_reflexive_before_the_participle_is_active():
    text = "He backed the bill before the mayor had himself announced a view."
    assert reduced(text) == []
    assert voice_of(text, "announced") == "active/finite"


def test_once_after_a_relative_or_noun_is_an_adverb():
    assert reduced("She thanked a town that once felt very far away.") == []
    assert reduced("A federal court ruled Tuesday that the order must stand.") == []


def test_a_second_past_form_with_a_particle_is_the_main_verb():
    text = "The convoy hit in the attack turned back."
    assert reduced(text) == ["hit"]
    assert voice_of(text, "turned") == "active/finite"
    # a past form with its object after the first is still the main verb
    assert reduced("The ferry sank in the storm and turned over.") == []


def test_a_plural_present_verb_with_an_object_ends_the_reduced_relative():
    assert reduced("The files handed to prosecutors show the transfers.") == ["handed"]
    assert reduced("Families driven from their villages need food and blankets.") == ["driven"]
    assert reduced("The letters sent to donors claim that the fund is empty.") == ["sent"]
    assert reduced("Recruits sent to the front lines face heavy losses.") == ["sent"]
    # a noun of a compound after a singular noun is no verb: "patrol" is no main verb
    text = "Protesters pushed toward the border patrol lines."
    assert reduced(text) == []
    assert voice_of(text, "pushed") == "active/finite"


def test_a_participle_only_form_after_and_joins_the_reduced_relative():
    text = "Three miners injured and taken to hospital were released on Sunday."
    assert reduced(text) == ["injured", "taken"]
    assert reduced("Four soldiers wounded and flown to Kabul are stable.") == ["wounded", "flown"]
    # two active past forms joined by 'and' stay active
    assert reduced("The minister arrived and took questions.") == []


def test_a_prepositional_verb_keeps_its_preposition_before_the_by_phrase():
    text = "The orphans looked after by the mission were moved to a shelter."
    assert reduced(text) == ["looked"]
    assert role(text, "the mission") == "agent"
    assert reduced("Staff thanked the pupils looked after by the volunteers.") == ["looked"]
    # a by-phrase of time names no agent, and the active reading stays
    assert reduced("The nurses looked after by nine o'clock.") == []


def test_a_participle_between_an_adjective_and_a_noun_is_a_premodifier():
    assert reduced("The court read out his false written statement.") == []
    assert reduced("The sole known witness was flown to the capital.") == []
    # verbs that keep a noun after their participle stay reduced relatives
    assert reduced("The refugee given asylum last spring was arrested.") == ["given"]
    # a time phrase after the participle is no noun of the phrase
    assert reduced("The letter written decades ago was found in an attic.") == ["written"]


def test_a_past_form_after_the_agent_of_a_subject_relative_is_the_main_verb():
    text = "The novel written by his mother sold well."
    assert reduced(text) == ["written"]
    assert voice_of(text, "sold") == "active/finite"
    assert reduced("Aides said the barn built by her uncle burned down.") == ["built"]
    # after an active main verb the past form stays a second participle clause
    assert reduced("Police found the van driven by the suspect parked outside.") == [
        "driven",
        "parked",
    ]


def test_a_series_of_predicates_closed_by_and_without_a_comma_is_active():
    text = "The party held 40 percent, compromised on 30 percent and stalled on the rest."
    assert reduced(text) == []
    assert voice_of(text, "compromised") == "active/finite"
    assert reduced("The union won two seats, lost in the east and gained in the west.") == []
    # a participle that needs an object stays a participle clause on the noun
    assert "accused" in reduced("Police held a driver, accused of speeding and fined on the spot.")
    # and so does one with a by-phrase
    assert reduced("Rebels shelled the town, hit by airstrikes and surrounded on all sides.") == [
        "hit",
        "surrounded",
    ]


def test_a_quoted_name_after_a_participle_of_signing_or_titling_is_no_object():
    assert reduced('The mayor answered in a note signed "The Residents."') == ["signed"]
    assert reduced('The paper ran a column titled "Enough Is Enough".') == ["titled"]
    # after the subject the verb keeps its quoted object
    assert reduced('Critics labelled the scheme "a giveaway".') == []


def test_a_plural_linking_verb_after_the_phrase_is_the_main_verb():
    assert reduced("Hundreds of houses flooded in the storm remain empty.") == ["flooded"]
    assert reduced("Dozens of cars stolen from the depot seem to have vanished.") == ["stolen"]
    # a past form with no later verb after a singular subject stays active
    assert reduced("The river flooded in the storm.") == []


def test_coordinated_psych_participles_with_a_by_phrase_are_passive():
    p = parse("Residents are shocked and angered by what the council has done.")
    g = next(g for g in p.groups if g.voice == "passive")
    assert [p.words[k] for k in g.participles] == ["shocked", "angered"]
    assert g.agent is not None
    # without a by-phrase they stay adjectives
    assert not any(g.voice == "passive" for g in parse("They are tired and worried.").groups)


def test_s_before_elected_and_a_bare_role_noun_is_is():
    assert voice_of("She will appoint judges if she's elected president.", "elected") == "passive/finite"
    assert voice_of("She's named a new cabinet.", "named") == "active/finite"


def test_participle_before_a_time_adverbial_that_closes_the_phrase():
    assert reduced("In a plan presented Monday, the governor asked for more money.") == ["presented"]
    assert reduced("At a rally held last week in Dayton, Ruiz spoke for an hour.") == ["held"]
    # a relative clause with its own subject stays active
    assert reduced("In the race Harmon won Tuesday, turnout fell.") == []
    assert reduced("After the governor voted Monday, the bill failed.") == []


def test_as_and_a_bare_participle_is_a_participle_clause():
    assert reduced("The council will run the program as planned, the mayor said.") == ["planned"]
    assert reduced("Tolls rose in March as promised.") == ["promised"]
    assert reduced('"We will build the bridge as designed," said Ames.') == ["designed"]
    # the complement of "seen as", "described as" is an adjective
    assert reduced("The referee was seen as biased.") == []
    assert reduced("The rollout was described as rushed, aides said.") == []


def test_purpose_participle_after_a_comma_before_to():
    assert reduced("Voters heard a new slogan, meant to win back the suburbs.") == ["meant"]
    assert reduced("The Harbor Fund, designed to protect the bay, sued the city.") == ["designed"]
    # an adjective before "to" and a relative aside stay outside
    assert reduced("The senator, aged 71, hoped to win.") == []
    assert reduced("Ortiz, who was elected in 2010, wanted to run again.") == []


def test_a_base_form_after_a_hyphenated_adjective_and_a_is_a_noun():
    assert reduced("Senators made a last-minute bid to undo the cuts.") == []
    assert voice_of("Senators made a last-minute bid to undo the cuts.", "bid") == "none"
    assert reduced("Cole launched a long-shot run for the Senate.") == []


def passives(text: str) -> list[str]:
    p = parse(text)
    return [p.words[k] for g in p.groups if g.voice == "passive" and g.kind != "reduced" for k in g.participles]


def test_inverted_reporting_after_a_series_of_participles_is_no_conjunct():
    text = "Villagers were killed, raped and abducted, said the report."
    assert passives(text) == ["killed", "raped", "abducted"]
    assert passives("Two aides were questioned, released and charged, added Lt. Ross.") == [
        "questioned", "released", "charged"
    ]
    # a series of participles without a reporting verb stays whole
    assert passives("He was arrested, charged, and released on bail.") == [
        "arrested", "charged", "released"
    ]
