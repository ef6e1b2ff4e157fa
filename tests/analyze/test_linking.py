from crosswire.analyze.linking import link_story
from crosswire.model import Analysis, Entity, Event, Mention, Quote


def _person(eid: str, name: str, *spans: tuple[int, int]) -> Entity:
    return Entity(eid, name, "PERSON", mentions=tuple(Mention(eid, s, e, name) for s, e in spans))


def test_surname_takes_the_full_name_another_report_gives():
    a = Analysis(
        "a",
        entities=(_person("varn", "Varn", (0, 4), (40, 44)),),
        quotes=(Quote("we are ready", 10, 22, "direct", "Varn", speaker_entity="varn"),),
        events=(Event("CONSULT", ("Varn", "Sarr"), (), "Kestra", "2031-03-03", 0, 30),),
    )
    b = Analysis("b", entities=(_person("oda-varn", "Oda Varn", (5, 13)),))
    linked_a, linked_b = link_story([a, b])
    assert linked_b == b
    (entity,) = linked_a.entities
    assert (entity.id, entity.name) == ("oda-varn", "Oda Varn")
    assert "Varn" in entity.aliases
    assert {m.entity_id for m in entity.mentions} == {"oda-varn"}
    assert (linked_a.quotes[0].speaker, linked_a.quotes[0].speaker_entity) == ("Oda Varn", "oda-varn")
    assert linked_a.events[0].actors == ("Oda Varn", "Sarr")


def test_both_forms_in_one_report_merge_their_mentions():
    a = Analysis("a", entities=(_person("varn", "Varn", (0, 4)), _person("oda-varn", "Oda Varn", (10, 18))))
    (linked,) = link_story([a])
    (entity,) = linked.entities
    assert [m.start for m in entity.mentions] == [0, 10]


def test_nothing_to_link_returns_the_same_objects():
    a = Analysis("a", entities=(_person("lena-holt", "Lena Holt", (0, 9)),))
    assert link_story([a])[0] is a


def test_one_id_written_two_ways_takes_the_fuller_name_everywhere() -> None:
    """The store may already have given "Varn" and "Oda Varn" one id: the story still writes the full
    name in entities, quote speakers and event roles."""
    from crosswire.analyze import link_story
    from crosswire.model import Analysis, Entity, Event, Mention, Quote

    short = Entity("oda-varn", "Varn", "PERSON", mentions=(Mention("oda-varn", 0, 4, "Varn"),))
    full = Entity("oda-varn", "Oda Varn", "PERSON", mentions=(Mention("oda-varn", 0, 8, "Oda Varn"),))
    first = Analysis(
        "r1",
        entities=(short,),
        quotes=(Quote("we are ready", 10, 22, "direct", "Varn", "oda-varn"),),
        events=(Event("CONSULT", ("Varn",), ("Kestrau",), None, None, 0, 30),),
    )
    linked, _ = link_story([first, Analysis("r2", entities=(full,))])
    assert linked.entities[0].name == "Oda Varn" and "Varn" in linked.entities[0].aliases
    assert linked.quotes[0].speaker == "Oda Varn" and linked.events[0].actors == ("Oda Varn",)
