"""Body rendering keeps offsets exact and escapes everything; the timeline geometry follows the dates."""

from __future__ import annotations

import re
from html import unescape

from markupsafe import Markup

from crosswire.web import charts
from crosswire.web.markup import Mark, marked_text, paragraphs, render_body
from crosswire.web.uploads import UploadError, items_to_jsonl, safe_name

BODY = 'First <b>para</b> & more.\n\nSecond "para" here.\n\n\n\nThird.'


def segments(html: str) -> list[tuple[int, str, str]]:
    return [
        (int(o), cls, unescape(t))
        for cls, o, t in re.findall(r'<span class="([^"]*)" data-o="(\d+)"[^>]*>(.*?)</span>', html)
    ]


def test_paragraph_offsets():
    assert [BODY[s:e] for s, e in paragraphs(BODY)] == [
        "First <b>para</b> & more.",
        'Second "para" here.',
        "Third.",
    ]


def test_every_segment_sits_at_its_body_offset():
    html = str(render_body(BODY, [Mark(6, 17, "quote"), Mark(30, 50, "shared"), Mark(2, 4, "bad class!")]))
    assert "<b>" not in html and "&lt;b&gt;" in html
    for offset, _cls, text in segments(html):
        assert BODY[offset : offset + len(text)] == text
    classes = {text: cls for _o, cls, text in segments(html)}
    assert classes["<b>para</b>"] == "seg quote"
    assert "bad" not in html
    assert "".join(t for _o, _c, t in segments(html)) == "".join(BODY[s:e] for s, e in paragraphs(BODY))


def test_marked_text_escapes_and_marks():
    assert str(marked_text("a <x> b", [(2, 5)])) == 'a <mark class="diff">&lt;x&gt;</mark> b'
    assert str(marked_text("abc", [(1, 2), (0, 3)])) == '<mark class="diff">abc</mark>'


def test_timeline_places_days_by_distance():
    chart = charts.timeline(
        [{"date": "2024-01-01", "count": 1, "kinds": ["A"]}, {"date": "2024-01-02", "count": 2, "kinds": ["B"]},
         {"date": "2024-01-11", "count": 1, "kinds": ["C"]}]
    )  # fmt: skip
    xs = [b["x"] for b in chart["bars"]]
    assert xs[0] < xs[1] < xs[2] and (xs[2] - xs[1]) > 5 * (xs[1] - xs[0])
    assert chart["bars"][1]["h"] > chart["bars"][0]["h"]
    assert charts.timeline([]) is None


def test_upload_names_and_items():
    assert safe_name("../../etc/passwd", 0) == "passwd"
    assert safe_name("C:\\x\\my report.txt", 0) == "my_report.txt"
    assert safe_name(".hidden", 3) == "hidden"
    assert safe_name("", 3) == "upload-3.txt"
    assert items_to_jsonl([{"text": "a", "outlet": "X"}]).count(b"\n") == 1
    assert items_to_jsonl(
        [{"text": "a", "published": "2024-03-05"}, {"text": "b", "published": "2024-03-05T10:00Z"}]
    )
    for bad in ([{"text": ""}], [{"text": 1}], ["x"], [{"text": "a", "extra": "b"}],
                [{"text": "a", "published": "not-a-date"}], [{"text": "a", "published": "2026-13-45"}]):  # fmt: skip
        try:
            items_to_jsonl(bad)
        except UploadError as exc:
            assert exc.status == 422
        else:
            raise AssertionError(bad)


def test_direction_controls_become_segments_of_their_own():
    from crosswire.web.markup import display, strip_bidi

    body = "Plain \u202eflipped\u202c text, \u2067isolated\u2069 end."
    html = str(render_body(body, [Mark(0, 12, "quote")]))
    segs = segments(html)
    for offset, _cls, text in segs:
        assert body[offset : offset + len(text)] == text
    assert "".join(t for _o, _c, t in segs) == body  # offsets stay exact: the characters are kept
    controls = [(o, c) for o, c, t in segs if t in "\u202e\u202c\u2067\u2069"]
    assert [o for o, _ in controls] == [i for i, ch in enumerate(body) if ch in "\u202e\u202c\u2067\u2069"]
    assert all(c.endswith(" ctl") for _, c in controls)
    assert html.count('class="ctl-tag"') == 4 and 'data-ctl="U+202E"' in html
    assert strip_bidi(body) == "Plain flipped text, isolated end."
    assert display("a\u202eb") == "ab" and display(Markup("a\u202eb")) == "a\u202eb" and display(3) == 3
    assert str(marked_text("x\u202ey z", [(4, 5)])) == 'xy <mark class="diff">z</mark>'
