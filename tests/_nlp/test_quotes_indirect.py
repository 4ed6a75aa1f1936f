"""Indirect speech the attribution rules read beyond the plain "X said (that) ...".

Every sentence here is written for these tests in the shape of real news copy;
none is taken from a dataset. Names are invented.
"""

from framing._nlp.quotes import extract


def rows_of(text, **kw):
    return [(r["kind"], r["quote"], r["speaker"], r["lemma"]) for r in extract(text, **kw)]


# --- questions put by an unnamed asker ------------------------------------------------


def test_opening_asked_whether_is_a_question_without_a_speaker():
    rows = rows_of("Asked whether he would run again, Mayor Dale Corrigan said he had not decided.")
    assert ("indirect", "whether he would run again", None, "ask") in rows
    assert ("indirect", "he had not decided", "Mayor Dale Corrigan", "say") in rows


def test_opening_asked_about_reports_its_object():
    rows = rows_of("Asked about her vote in November, Senator Lena Morrow smiled and walked away.")
    assert rows == [("indirect", "her vote in November", None, "ask")]


def test_when_asked_why_ends_at_the_comma():
    rows = rows_of("When asked why he left the party, Corrigan shrugged.")
    assert rows == [("indirect", "why he left the party", None, "ask")]


def test_passive_was_asked_if():
    rows = rows_of("Corrigan was asked by reporters if the tax plan would pass the legislature this year.")
    assert rows == [("indirect", "if the tax plan would pass the legislature this year", None, "ask")]


def test_subordinate_passive_question_ends_at_the_comma():
    rows = rows_of("But when voters were asked who would fix the roads, Corrigan led his rival by nine points.")
    assert rows == [("indirect", "who would fix the roads", None, "ask")]


def test_asked_about_it_is_no_question_of_its_own():
    assert rows_of("Corrigan was asked about it after the debate on Tuesday.") == []


def test_quotation_keeps_the_verb_before_it_over_when_asked_after_it():
    rows = rows_of("Mayor Dale Corrigan had previously said, “We will see,” when asked whether he would run again.")
    assert rows[0] == ("direct", "We will see,", "Mayor Dale Corrigan", "say")
    assert [(k, q, v) for k, q, _, v in rows[1:]] == [("indirect", "whether he would run again", "ask")]


def test_inverted_asked_after_a_question_is_the_askers_verb():
    rows = rows_of("Corrigan spoke first. “Will you run again?” asked Lena Morrow.")
    assert rows == [("direct", "Will you run again?", "Lena Morrow", "ask")]


def test_asked_with_an_asker_keeps_the_asker():
    rows = rows_of("The council asked residents whether they would accept a new levy.")
    assert [r[2] for r in rows] == ["The council"]


def test_asked_as_an_object_verb_is_not_an_unnamed_question():
    assert rows_of("The firm was asked to leave the building.") == []


# --- a paraphrase that runs on into a quotation after a comma ------------------------


def test_paraphrase_runs_over_a_comma_into_lower_case_quoted_words():
    rows = rows_of("Corrigan said it was unrealistic to think that if the city pulls back, “our rivers will keep us safe.”")
    assert rows == [
        ("partial", "it was unrealistic to think that if the city pulls back, “our rivers will keep us safe.”", "Corrigan", "say")
    ]


def test_a_capitalised_quotation_after_a_comma_is_a_quotation_of_its_own():
    rows = rows_of("Corrigan told the radio station that the levy was “a mistake,” adding, “We will repeal it next spring.”")
    assert ("direct", "We will repeal it next spring.", "Corrigan", "add") in rows


# --- a quotation between two coordinated verbs ----------------------------------------


def test_quotation_belongs_to_the_verb_before_it_not_a_coordinated_verb_after():
    rows = rows_of("She declared “What a night for this city!” and said that the count would go on until dawn.")
    assert ("direct", "What a night for this city!", "She", "declare") in rows
    assert ("indirect", "the count would go on until dawn", "She", "say") in rows


def test_quotation_before_its_inverted_verb_keeps_it():
    rows = rows_of("“We will appeal,” said Dana Whitfield, the mayor’s spokeswoman, and then she left.")
    assert rows[0][:4] == ("direct", "We will appeal,", "Dana Whitfield", "say")


# --- a follow-on quotation after "..., adding that ..." -----------------------------------


def test_follow_on_quotation_continues_what_was_added():
    rows = rows_of(
        "“We will not back down,” Governor Ada Lindqvist said, adding that the state would appeal the ruling. "
        "“This fight is far from over.”"
    )
    assert rows == [
        ("direct", "We will not back down,", "Governor Ada Lindqvist", "say"),
        ("indirect", "the state would appeal the ruling", "Governor Ada Lindqvist", "add"),
        ("direct", "This fight is far from over.", "Governor Ada Lindqvist", "add"),
    ]


def test_follow_on_quotation_keeps_the_verb_without_adding():
    rows = rows_of(
        "“We will not back down,” Lindqvist said, noting that the state would appeal. “This fight is far from over.”"
    )
    assert rows[-1] == ("direct", "This fight is far from over.", "Lindqvist", "say")


# --- "called X a Y": naming without quotation marks -------------------------------------


def test_called_object_a_noun_reports_the_name():
    rows = rows_of("Former Governor Ellen Vance called the tax plan a betrayal of working families.")
    assert rows == [("indirect", "the tax plan a betrayal of working families", "Former Governor Ellen Vance", "call")]


def test_calling_ends_at_the_comma():
    rows = rows_of("Vance, calling Mayor Rudd a coward, left the stage.")
    assert rows == [("indirect", "Mayor Rudd a coward", "Vance", "call")]


def test_called_without_a_name_is_not_speech():
    assert rows_of("Vance called a press conference on Monday.") == []
    assert rows_of("Vance called him a day later to apologize.") == []
    assert rows_of("Vance called the White House to complain.") == []


# --- verbs of emphasis and explanation report their object --------------------------


def test_stressed_reports_its_object():
    rows = rows_of("Vance stressed the need to treat both parties with respect.")
    assert rows == [("indirect", "the need to treat both parties with respect", "Vance", "stress")]


def test_explained_reports_its_object():
    rows = rows_of("Senator Ray Holm explained his decision in an interview on Sunday.")
    assert [r[:3] for r in rows] == [("indirect", "his decision in an interview on Sunday", "Senator Ray Holm")]


def test_noted_with_a_clause_reports_the_whole_clause():
    rows = rows_of("The editorial noted it is surprising because the mayor has never visited the city.")
    assert rows == [
        ("indirect", "it is surprising because the mayor has never visited the city", "The editorial", "note")
    ]


# --- attacks whose target follows "at" / "against" ----------------------------------


def test_lashed_out_at_reports_the_target():
    rows = rows_of("Vance lashed out at the governor over the budget delay.")
    assert rows == [("indirect", "the governor over the budget delay", "Vance", "lash out")]


def test_railed_against_reports_a_one_word_target():
    rows = rows_of("Councilwoman Ada Pruitt railed against lobbyists.")
    assert rows == [("indirect", "lobbyists", "Councilwoman Ada Pruitt", "rail")]


def test_railed_at_a_place_is_not_speech():
    assert rows_of("Vance railed at the meeting, and then left.") == []
