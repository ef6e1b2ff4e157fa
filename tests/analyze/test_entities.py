"""Canonical entities on invented text: titles stripped, surnames joined, roles and pronouns resolved."""

from __future__ import annotations

import pytest

from crosswire.analyze.names import clean_name, fix_casing, initials, slug
from crosswire.model import Entity, Mention


def test_slug_and_casing_rules() -> None:
    assert slug("Benjamin Netanyahu") == "benjamin-netanyahu"
    assert slug("José  Ramírez") == "jose-ramirez"
    assert fix_casing("ASharq Al-Awsat") == "Asharq Al-Awsat"
    assert fix_casing("IDF and NYPD") == "IDF and NYPD"
    assert clean_name("the  Daily   Planet's") == "Daily Planet"
    assert initials("Northland Defense Forces") == "NDF"


def _ent(name: str, kind: str = "PERSON") -> Entity:
    return Entity(id=slug(name), name=name, kind=kind, mentions=(Mention(slug(name), 0, 1, name),))


def test_link_across_joins_surname_to_the_one_full_name() -> None:
    from crosswire.analyze.entities import link_across

    mapping = link_across(
        [[_ent("Vantor")], [_ent("Elena Vantor"), _ent("Brask", "GPE")], [_ent("Brask", "GPE")]]
    )
    assert mapping["vantor"] == "elena-vantor"
    assert mapping["elena-vantor"] == "elena-vantor"
    assert mapping["brask"] == "brask"


def test_link_across_leaves_ambiguous_surnames() -> None:
    from crosswire.analyze.entities import link_across

    mapping = link_across([[_ent("Clay")], [_ent("Ann Clay"), _ent("Bob Clay")]])
    assert mapping["clay"] == "clay"


TEXT = (
    "Prime Minister Elena Vantor met Foreign Minister Tomas Okafor in Brask on Monday. "
    "Vantor said the talks went well. The prime minister added that she would return in May.\n\n"
    "Defense Minister Karl Lindqvist also spoke on Monday. "
    "According to the Unity Party leader, the army is ready."
)


@pytest.mark.slow
def test_canonical_entities_on_invented_report() -> None:
    from crosswire.analyze.entities import canonical_entities
    from crosswire.analyze.nlp import load

    doc = load()(TEXT)
    ents = {e.id: e for e in canonical_entities(doc)}
    vantor = ents["elena-vantor"]
    assert vantor.kind == "PERSON"
    assert "Prime Minister" in vantor.attributes
    texts = [m.text for m in vantor.mentions]
    assert "Vantor" in texts and "The prime minister" in texts and "she" in texts
    for m in vantor.mentions:
        assert TEXT[m.start : m.end] == m.text and m.entity_id == "elena-vantor"
    assert "vantor" not in ents
    lindqvist = ents["karl-lindqvist"]
    assert "Defense Minister" in lindqvist.attributes
    assert any(m.text == "the Unity Party leader" for m in lindqvist.mentions)
    assert not any(e.kind == "ORG" and e.name == "Defense" for e in ents.values())
