from crosswire.brief.quotes import who_said_what
from crosswire.model import Analysis, Quote, Report

BODY = '"The bridge is safe," said Ada Quell. Quell added: "Repairs start soon." Officials said "no comment".'


def _q(text: str, speaker: str | None) -> Quote:
    start = BODY.index(text)
    return Quote(text, start, start + len(text), "direct", speaker)


def test_speakers_merge_by_surname_and_copies_skip():
    report = Report(id="r", uri=None, title=None, body=BODY)
    copy = Report(id="c", uri=None, title=None, body=BODY)
    quotes = (
        _q("The bridge is safe,", "Ada Quell"),
        _q("Repairs start soon.", "Quell"),
        _q("no comment", None),
    )
    rows = who_said_what(
        [(report, Analysis("r", quotes=quotes)), (copy, Analysis("c", quotes=quotes))], {"c": "r"}
    )
    assert [r.speaker for r in rows] == ["Ada Quell"]
    assert [q.text for q in rows[0].quotes] == ["The bridge is safe,", "Repairs start soon."]
    assert all(BODY[q.start : q.end] == q.text for q in rows[0].quotes)


def test_wrapper_quote_gives_way_to_the_exact_words_it_mostly_is():
    body = (
        'Quell said the plan was "to reopen the harbour by June at the latest". '
        'She said repairs were "soon" going to start on every pier in the old town.'
    )
    outer = 'the plan was "to reopen the harbour by June at the latest"'
    inner = "to reopen the harbour by June at the latest"
    wrapper = 'repairs were "soon" going to start on every pier in the old town'

    def q(text: str, kind: str = "direct") -> Quote:
        start = body.index(text)
        return Quote(text, start, start + len(text), kind, "Ada Quell")

    report = Report(id="r", uri=None, title=None, body=body)
    quotes = (q(outer, "indirect"), q(inner), q(wrapper, "indirect"), q("soon"))
    rows = who_said_what([(report, Analysis("r", quotes=quotes))], {})
    texts = [c.text for c in rows[0].quotes]
    assert inner in texts and outer not in texts
    # "soon" is a small part of it: the wrapper stays, and "soon" is not listed again beside it
    assert wrapper in texts and "soon" not in texts


def test_beliefs_stances_and_scare_quotes_are_not_in_who_said_what():
    import dataclasses

    report = Report(id="r", uri=None, title=None, body=BODY)
    quotes = (
        _q("The bridge is safe,", "Ada Quell"),
        dataclasses.replace(_q("Repairs start soon.", "Quell"), attribution="stance"),
        dataclasses.replace(_q("no comment", "Officials"), attribution="scare"),
    )
    rows = who_said_what([(report, Analysis("r", quotes=quotes))], {})
    assert [(r.speaker, [q.text for q in r.quotes]) for r in rows] == [("Ada Quell", ["The bridge is safe,"])]
