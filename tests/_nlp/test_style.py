"""Boilerplate found from the corpus itself: repeated lines, labels, bylines, credits and link cards."""

from framing._nlp.style import boilerplate_lines, link_cards

CARD = ("Voters backed Dana Whitfield Dana Marie WhitfieldCouncil delays vote on budget "
        "Mayor signs transit bill | Storm closes schools MORE by a wide margin.")


def test_link_card_runs_from_the_full_name_to_more():
    [(s, e, name)] = link_cards(CARD)
    assert CARD[s:e].startswith("Dana Marie WhitfieldCouncil") and CARD[s:e].endswith("schools MORE")
    assert name == "dana marie whitfield"
    assert CARD[:s].endswith("Dana Whitfield ")  # the sentence's own mention stays prose
    assert CARD[e:] == " by a wide margin."


def test_link_card_with_a_nickname_and_a_title_before_the_name():
    text = "Sen. Robert (Bob) Lyle Okafor Robert (Bob) Lyle OkaforFarm bill stalls MORE (D-Ore.) said no."
    [(s, e, name)] = link_cards(text)
    assert name == "robert (bob) lyle okafor"
    assert text[s:e] == "Robert (Bob) Lyle OkaforFarm bill stalls MORE"


def test_no_card_without_a_name_run_into_a_headline():
    # surnames with an inner capital are one word; "MORE" alone, or a brand, is no card
    assert link_cards("Senator McConnell and Governor DeSantis met. READ MORE about it.") == []
    assert link_cards("The clip went viral on YouTube and drew criticism MORE than once.") == []
    assert link_cards("Ana Ruiz spoke. Nothing more.") == []


def test_two_cards_in_one_sentence():
    text = ("Both Ana Ruiz Ana Sofia RuizPanel backs plan MORE and Tom Lee Thomas Lee2020 race tightens "
            "MORE agreed.")
    assert [name for _, _, name in link_cards(text)] == ["ana sofia ruiz", "thomas lee"]


def test_boilerplate_lines_list_link_cards_with_their_outlet_counts():
    texts = [CARD, "Turnout rose as Dana Whitfield Dana Marie WhitfieldMayor signs transit bill MORE spoke.",
             "Dana Whitfield won."]
    found = [(b.article, b.kind, b.key, b.n_articles) for b in boilerplate_lines(texts, ["A", "A", "B"])]
    assert found == [(0, "link", "dana marie whitfield", 2), (1, "link", "dana marie whitfield", 2)]


def test_repeated_lines_labels_bylines_and_credits():
    texts = [
        "UPDATE: talks resumed.\nThe army said the strike hit a depot.\nSign up for our newsletter",
        "UPDATE: the count was revised.\nThe minister spoke at noon.\nSign up for our newsletter",
        "UPDATE: a correction.\nRain fell on the capital.",
        "By Jane Doe and John Roe, Reuters\nFlooding closed the port.\nPhoto: Jane Doe/Getty Images",
    ]
    kinds = {(b.article, b.kind) for b in boilerplate_lines(texts, ["A", "A", "A", "B"])}
    assert kinds == {(0, "label"), (1, "label"), (2, "label"), (0, "repeated"), (1, "repeated"),
                     (3, "byline"), (3, "credit")}


def test_prose_lines_opening_alike_are_not_signature_lines():
    # three of four articles have a short line opening with "Mr." or "Other": prose, not a label
    texts = ["Mr. Okafor told the panel the plan would pass.\nOther officials were vocal.",
             "Mr. Ruiz denied any wrongdoing on Tuesday.\nOther voters stayed home in the rain.",
             "Mr. Lee resigned after the vote.\nOther members of the board declined to comment.", "Rain fell."]
    assert boilerplate_lines(texts, ["A", "A", "A", "A"]) == []
    # a recurring one-word label line is
    labels = ["Advertisement\nThe council voted today.", "Advertisement\nTalks resumed in the capital.",
              "Advertisement\nFlooding closed the port.", "Rain fell."]
    assert [(b.article, b.kind, b.key) for b in boilerplate_lines(labels, ["A"] * 4)] == [
        (a, "repeated", "advertisement") for a in range(3)]


def test_media_player_buttons_close_label_lines():
    texts = ["The Ledger's Ana Ruiz on 'Morning Report' Listen\nThe vote passed.",
             "Watch the debate again tonight.\nHighlights of the debate Watch Video",
             "Farm bill explained Listen \u00b7 3:45 3:45", "Voters were asked to listen. Listen"]
    found = [(b.article, b.kind, b.key) for b in boilerplate_lines(texts, ["A", "A", "A", "B"])]
    # a sentence ending in "listen." and a line ending after a full stop are prose
    assert found == [(0, "label", "listen"), (1, "label", "watch"), (2, "label", "listen")]


def test_an_embedded_video_closed_by_its_site_is_an_embed():
    texts = ["The ad ran statewide.\nSenatorOkaforAd YouTube", "Voters watched it on YouTube."]
    assert [(b.article, b.kind) for b in boilerplate_lines(texts, ["A", "B"])] == [(0, "embed")]


def test_a_prompt_run_into_different_paragraphs_is_repeated():
    prompt = "By signing up you agree to receive occasional email updates and offers from the Ledger."
    texts = [f"The council voted on {d}, and the measure passed easily. {prompt} Sign up now." for d in
             ("Monday", "Tuesday", "Friday")] + [f"The council voted on Sunday. {prompt}"]
    found = [(b.article, b.kind, texts[b.article][b.start:b.end]) for b in boilerplate_lines(texts, ["A"] * 3 + ["B"])]
    # in three of A's articles, within lines that differ; B prints it once
    assert found == [(a, "repeated", prompt) for a in range(3)]


def test_link_cards_stay_linear_on_hostile_text():
    # one enormous run-on word per "MORE": each card search reads only the words before it
    text = ("Ab" * 20000 + " MORE ") * 10
    assert link_cards(text) == []
