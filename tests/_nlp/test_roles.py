"""framing._nlp.roles: hero, villain and victim roles of targets (entity_roles)."""

from __future__ import annotations

import json
from importlib import resources

import numpy as np
import pytest

from framing._nlp.roles import FEATURES, ROLE_LABELS, entity_roles, mention_features

COLUMNS = ["target", "start", "end", "role", "p_hero", "p_villain", "p_victim", "n_mentions", "evidence"]


# --- entity_roles -------------------------------------------------------------------


def test_columns_and_probabilities():
    df = entity_roles(["Gunmen opened fire on the convoy, wounding six aid workers."], ["Gunmen"])
    assert df.columns.tolist() == COLUMNS
    p = df[["p_hero", "p_villain", "p_victim"]].to_numpy()
    np.testing.assert_allclose(p.sum(axis=1), 1.0)
    assert df["role"].iloc[0] == ROLE_LABELS[int(p[0].argmax())]
    assert entity_roles([], []).columns.tolist() == COLUMNS


@pytest.mark.parametrize(
    ("text", "target", "role"),
    [
        ("Militants shelled the village overnight, killing four residents.", "Militants", "villain"),
        ("Militants shelled the village overnight, killing four residents.", "residents", "victim"),
        ("Three children were killed when the school was hit.", "children", "victim"),
        ("Rescue teams pulled survivors from the rubble and treated the wounded.", "Rescue teams", "hero"),
        ("Thousands of displaced families fled the city with nothing.", "families", "victim"),
    ],
)
def test_clear_roles(text, target, role):
    assert entity_roles([text], [target])["role"].iloc[0] == role


def test_the_clause_rules_give_the_features():
    x, words = mention_features("Militants killed three villagers.", 0, 9)
    assert x[FEATURES.index("agent_of_harm")] == 1 and words["agent_of_harm"] == "killed"
    x, _ = mention_features("Militants killed three villagers.", 23, 32)
    assert x[FEATURES.index("patient_of_harm")] == 1 and x[FEATURES.index("vulnerable_group")] == 1
    x, _ = mention_features("Two journalists were killed in the strike.", 4, 15)
    assert x[FEATURES.index("passive_subject_of_harm")] == 1
    x, _ = mention_features("Four patients died overnight.", 5, 13)
    assert x[FEATURES.index("intransitive_harm")] == 1
    x, _ = mention_features("Mediators helped negotiate a truce.", 0, 9)
    assert x[FEATURES.index("agent_of_help")] == 1
    x, _ = mention_features("The campaign against the cartel intensified.", 25, 31)
    assert x[FEATURES.index("opposed")] == 1
    x, _ = mention_features("Militants did not kill anyone.", 0, 9)
    assert x[FEATURES.index("agent_of_harm")] == 0  # negated


def test_article_input_uses_the_other_mentions():
    article = ("The militia stormed the town on Monday. Residents said the militia burned homes and "
               "executed two farmers. The militia returned on Friday.")
    alone = entity_roles(["The militia returned on Friday."], ["militia"])
    whole = entity_roles([article], [(article.rindex("militia"), article.rindex("militia") + 7)])
    assert whole["n_mentions"].iloc[0] == 3 and alone["n_mentions"].iloc[0] == 1
    assert whole["role"].iloc[0] == "villain"
    assert whole["p_villain"].iloc[0] > alone["p_villain"].iloc[0]


def test_evidence_names_the_words():
    df = entity_roles(["Militants shelled the village overnight, killing four residents."], ["residents"])
    assert "residents" in df["evidence"].iloc[0]
    assert entity_roles(["Militants shelled the village."], ["Militants"], top_n=0)["evidence"].iloc[0] == ""


def test_model_file():
    doc = json.loads((resources.files("framing") / "models" / "entity_roles.json").read_text(encoding="utf-8"))
    assert doc["labels"] == list(ROLE_LABELS) and tuple(doc["mention_features"]) == FEATURES
    assert np.asarray(doc["coef"]).shape == (3, len(doc["columns"]))
    assert "MIT" in doc["trained_on"]


@pytest.mark.parametrize(
    ("texts", "targets", "error"),
    [(["Smith won."], ["Jones"], ValueError), (["Smith won."], [(0, 40)], ValueError), (["x"], [3], TypeError)],
)
def test_bad_input(texts, targets, error):
    with pytest.raises(error):
        entity_roles(texts, targets)

