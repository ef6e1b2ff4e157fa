"""Headline and deck lines at the top of a body (invented reports shaped like trial 7's)."""

from crosswire.clean.deck import deck_lines
from crosswire.model import Report

LEDE = "Ada Quell won the Varna and Tesk primaries on Tuesday, adding to her lead over Bo Marr in delegates."
MORE = "Marr said he would stay in the race until the convention in July, and the senator agreed."


def _decks(title: str | None, *paragraphs: str) -> list[str]:
    report = Report("r", None, title, "\n\n".join(paragraphs))
    spans = deck_lines(report)
    assert report.body == "\n\n".join(paragraphs)  # found, not removed: no offset moves
    return [report.body[a:b] for a, b in spans]


def test_decks_the_title_runs_on_into_or_that_stand_above_a_dateline():
    assert _decks(
        "Quell extends her lead;", "Marr looks ahead to contests with more delegates.", LEDE, MORE
    ) == ["Marr looks ahead to contests with more delegates."]
    assert _decks(
        "Video", "Marr's wife pleads for his life.", "VARNA - The wife of Bo Marr filmed it.", MORE
    ) == ["Marr's wife pleads for his life."]


def test_headline_grammar_is_a_deck():
    title_case = "Read Live Updates On The Varna Primaries."
    assert _decks("Polls", title_case, LEDE, MORE) == [title_case]
    semi = "Regions set records; a close contest helps bring voters out."
    assert _decks("Turnout", semi, LEDE, MORE) == [semi]
    bare = "Justice vows to be 'more circumspect' with her opinions."
    assert _decks("Quell apologizes.", bare, LEDE, MORE) == [bare]
    assert _decks("Lunn", "At the rally, he revisits his promises and rallies voters for Quell.", LEDE, MORE)
    retold = "Quell extends her lead, despite a message that fails to dazzle."
    assert _decks("Quell extends her lead, despite a message that fails to dazzle", retold, LEDE, MORE) == [
        retold
    ]


def test_a_full_clause_without_article_is_a_lede():
    """Trial 7: "Donald Trump isn't saying much about debate preparation, with one notable exception."
    was set aside because it has no a/an/the; a name or a pronoun takes none."""
    deck = "Talk compared to 'working the referees' at a basketball game."
    lede = "Ada Quell isn't saying much about debate preparation, with one notable exception."
    assert _decks("Quell questions the moderators;", deck, lede, LEDE, MORE) == [deck]
    assert _decks("Varna primary", "It's game time.", LEDE, MORE) == []
    assert _decks("Varna primary", "Ruth Ada Quell regrets her insults of Bo Marr.", LEDE, MORE) == []


def test_a_line_opening_on_a_dateline_is_the_story_proper():
    lede = "VARNA — She is the campaign's antidote to the attacks that Ada Quell is untrustworthy."
    assert _decks("Quell rolls out a witness.", lede, LEDE, MORE) == []


def test_a_bare_singular_subject_is_headline_grammar():
    """Trial 7's missed Washington Post decks: a common noun with no determiner, in the present."""
    from_texas = "Senator from Tesk says he cannot allow Quell to win the presidency."
    assert _decks("Marr endorses Lunn.", from_texas, LEDE, MORE) == [from_texas]
    paused = "After a pause in Varna, senator seems ready for a no-quarter fight in Tesk."
    assert _decks("Marr reboots his attacks.", paused, LEDE, MORE) == [paused]
    # a plural noun before a past tense is full grammar, and a name is no common noun
    agents = "Border agents stopped 40 families at the border crossing on Monday."
    assert _decks("Crossings", agents, LEDE, MORE) == []
    assert _decks("Varna", "Marr says he cannot allow Quell to win the presidency.", LEDE, MORE) == []
