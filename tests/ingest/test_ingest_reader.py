from __future__ import annotations

import gzip
import hashlib
import io
import json
import os
from pathlib import Path

import pytest

from crosswire.errors import (
    BadFeed,
    BadHTML,
    BadJSONLine,
    BinaryInput,
    EmptyInput,
    InputTooLarge,
    NoText,
    UnreadableInput,
)
from crosswire.ingest import read_inputs, sniff
from crosswire.model import RawReport, Rejection

from .ingest_samples import PARAGRAPHS, article_html


def one(paths, **kwargs):
    items = list(read_inputs(paths, **kwargs))
    assert len(items) == 1, items
    return items[0]


def test_plain_text_passes_through_with_headline_first(write) -> None:
    path = write("story.txt", "\n\n  Pier closes in Velmora  \r\n\r\n" + PARAGRAPHS[0] + "\r\n")
    report = one([path])
    assert isinstance(report, RawReport)
    assert report.text.split("\n")[0] == "Pier closes in Velmora"
    assert "\r" not in report.text
    assert report.uri == os.path.abspath(path)
    assert report.media_type == "text/plain"
    assert report.content_hash == hashlib.sha256(Path(path).read_bytes()).hexdigest()


def test_relative_path_is_made_absolute(tmp_path, write, monkeypatch) -> None:
    write("rel.txt", "Headline\n\nBody words.")
    monkeypatch.chdir(tmp_path)
    assert one(["rel.txt"]).uri == str(tmp_path / "rel.txt")


def test_cp1252_text_is_decoded(write) -> None:
    path = write("old.txt", "\u201cNo comment,\u201d the minister\u2019s aide said \u2013 twice.", "cp1252")
    assert one([path]).text == "\u201cNo comment,\u201d the minister\u2019s aide said \u2013 twice."


def test_latin1_text_is_decoded(write) -> None:
    path = write("latin.txt", b"Na\xefve r\xe9sum\xe9 from Z\xfcrich \x81")
    assert one([path]).text.startswith("Na\u00efve r\u00e9sum\u00e9 from Z\u00fcrich")


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("empty.txt", b"", EmptyInput.code),
        ("blank.txt", b"\n \n", EmptyInput.code),
        ("scan.pdf", b"%PDF-1.4\n" + bytes(range(256)), BinaryInput.code),
        ("photo.txt", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, BinaryInput.code),
        ("nul.txt", b"words and a \x00 NUL", BinaryInput.code),
        ("punct.txt", b"--- *** ---", NoText.code),
        ("broken.html", b"<html", BadHTML.code),
        ("nobody.html", b"<html><head><script>var a = 1;</script></head><body></body></html>", NoText.code),
        # only a menu: trafilatura's fallback hands back the nav links, which are no report
        (
            "menu.html",
            b"<html><head><title>Nothing</title></head><body><nav>Home | About</nav></body></html>",
            NoText.code,
        ),
        (
            "links.html",
            b"<html><body><ul><li>Home</li><li>World</li><li>Sport &raquo; Tennis</li></ul></body></html>",
            NoText.code,
        ),
        ("zipped.txt.gz", gzip.compress(b"PK\x03\x04 not text inside"), BinaryInput.code),
        # a <title> never closed swallows the page: a browser shows it blank, and the reason says why
        (
            "title.html",
            b"<html><head><title>Pier<body><p>The council voted on Tuesday to close the old pier for repairs.",
            BadHTML.code,
        ),
    ],
)
def test_bad_input_is_one_rejection(write, name, content, code) -> None:
    result = one([write(name, content)])
    assert isinstance(result, Rejection)
    assert result.code == code
    assert name in result.uri and result.reason
    if name == "title.html":
        assert "<title> is never closed" in result.reason


def test_oversized_input_is_rejected(write) -> None:
    path = write("long.txt", "Headline\n\n" + "word " * 1000)
    result = one([path], max_bytes=1000)
    assert isinstance(result, Rejection) and result.code == InputTooLarge.code


def test_html_page_gives_main_text_and_metadata(write) -> None:
    report = one([write("pier.html", article_html())])
    assert isinstance(report, RawReport)
    assert report.uri == "https://velmora-gazette.test/news/pier"
    assert report.media_type == "text/html"
    assert report.declared["published"] == "2021-03-09"
    assert report.declared["published_source"] == "html"
    assert report.declared["outlet"] == "Velmora Gazette"
    assert report.declared["title"].startswith("Velmora closes ferry pier")
    assert "\n\n".join(PARAGRAPHS[1:]) in report.text
    assert "Terms of use" not in report.text and "Sport" not in report.text


def test_html_without_url_or_date_keeps_the_path(write) -> None:
    path = write("page.htm", article_html(url=None, date=None, site=None))
    report = one([path])
    assert report.uri == os.path.abspath(path)
    assert "published" not in report.declared and "published_source" not in report.declared


def test_html_declared_charset_is_honoured(write) -> None:
    paragraphs = [p.replace("Velmora", "V\u00e9lmora") for p in PARAGRAPHS]
    page = (
        article_html(charset="iso-8859-15", paragraphs=paragraphs)
        .replace("\u201c", '"')
        .replace("\u201d", '"')
    )
    report = one([write("latin.html", page, "iso-8859-15")])
    assert "V\u00e9lmora" in report.text


def test_gzipped_html_is_read(write) -> None:
    report = one([write("pier.html.gz", gzip.compress(article_html().encode()))])
    assert isinstance(report, RawReport) and PARAGRAPHS[2] in report.text


def test_html_saved_as_txt_is_sniffed(write) -> None:
    report = one([write("saved.txt", article_html())])
    assert report.media_type == "text/html"


def test_jsonl_bad_lines_are_rejected_and_the_rest_go_on(write) -> None:
    lines = [
        json.dumps(
            {
                "text": "Pier shut\n\n" + PARAGRAPHS[0],
                "url": "https://a.test/1",
                "published": "2021-03-09T10:00:00Z",
            }
        ),
        "{not json at all",
        "",
        json.dumps(["a", "list"]),
        json.dumps({"title": "no body"}),
        json.dumps({"html": "<p>" + PARAGRAPHS[1] + "</p>", "title": "Quote", "outlet": "Gazette"}),
        json.dumps({"text": "   "}),
    ]
    path = write("dump.jsonl", "\n".join(lines) + "\n")
    items = list(read_inputs([path]))
    assert [type(i).__name__ for i in items] == [
        "RawReport",
        "Rejection",
        "Rejection",
        "Rejection",
        "RawReport",
        "Rejection",
    ]
    first, bad_json, not_object, no_body, html_line, empty = items
    assert first.uri == "https://a.test/1"
    assert first.declared == {
        "url": "https://a.test/1",
        "published": "2021-03-09",
        "published_source": "declared",
    }
    assert first.content_hash == hashlib.sha256(lines[0].encode()).hexdigest()
    assert bad_json.code == BadJSONLine.code and bad_json.uri == f"{path}#L2" and "line 2" in bad_json.reason
    assert not_object.uri.endswith("#L4") and not_object.code == BadJSONLine.code
    assert no_body.uri.endswith("#L5") and no_body.code == BadJSONLine.code
    assert html_line.uri == f"{path}#L6" and html_line.text == PARAGRAPHS[1]
    assert html_line.declared == {"title": "Quote", "outlet": "Gazette"}
    assert empty.code == NoText.code


RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Velmora Gazette</title>
<item><title>Pier closes</title><link>https://velmora-gazette.test/pier</link>
<pubDate>Tue, 09 Mar 2021 08:30:00 GMT</pubDate>
<description><![CDATA[<p>{0}</p><p>{1}</p>]]></description></item>
<item><title>Empty one</title><link>https://velmora-gazette.test/empty</link></item>
</channel></rss>"""


def test_rss_entries_become_reports(write) -> None:
    items = list(read_inputs([write("feed.xml", RSS.format(*PARAGRAPHS[:2]))]))
    report, empty = items
    assert report.uri == "https://velmora-gazette.test/pier"
    assert report.text == PARAGRAPHS[0] + "\n\n" + PARAGRAPHS[1]
    assert report.declared["title"] == "Pier closes"
    assert report.declared["published"] == "2021-03-09" and report.declared["published_source"] == "declared"
    assert report.declared["outlet"] == "Velmora Gazette"
    assert isinstance(empty, Rejection) and empty.code == NoText.code


def test_atom_entry_content_is_used(write) -> None:
    atom = (
        '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Gazette</title>'
        '<entry><title>Pier</title><link href="https://g.test/p"/><updated>2021-03-10T00:00:00Z</updated>'
        f'<content type="html">&lt;p&gt;{PARAGRAPHS[2]}&lt;/p&gt;</content></entry></feed>'
    )
    report = one([write("feed.atom", atom)])
    assert report.text == PARAGRAPHS[2] and report.declared["published"] == "2021-03-10"


def test_malformed_feed_without_entries(write) -> None:
    result = one([write("bad.rss", "<rss><channel><title>Broken")])
    assert isinstance(result, Rejection) and result.code == BadFeed.code


def test_stdin(write) -> None:
    report = one(["-"], stdin=io.BytesIO(b"Headline from a pipe\n\nBody words here."))
    assert report.uri == "-" and report.text.startswith("Headline from a pipe\n")
    too_big = one(["-"], stdin=io.BytesIO(b"x" * 100), max_bytes=10)
    assert too_big.code == InputTooLarge.code
    missing = one(["-"])
    assert missing.code == UnreadableInput.code


def test_folder_mixing_good_and_bad(tmp_path, write) -> None:
    write("01-good.txt", "Pier closes\n\n" + PARAGRAPHS[0])
    write("02-empty.txt", b"")
    write("03-binary.bin", b"\x7fELF\x02\x01\x01" + b"\x00" * 40)
    write("04-page.html", article_html())
    write("05-lines.jsonl", json.dumps({"text": "A\n\nB words"}) + "\n{oops\n")
    write("sub/06-cp1252.txt", "\u201cQuoted\u201d headline\n\nBody.", "cp1252")
    os.symlink(tmp_path / "nowhere", tmp_path / "07-dangling.txt")
    os.mkfifo(tmp_path / "08-pipe")
    write(".hidden/09-ignored.txt", "never read")
    items = list(read_inputs([str(tmp_path)]))
    summary = [(os.path.basename(i.uri.split("#")[0]), getattr(i, "code", "ok")) for i in items]
    assert summary == [
        ("01-good.txt", "ok"),
        ("02-empty.txt", EmptyInput.code),
        ("03-binary.bin", BinaryInput.code),
        ("pier", "ok"),
        ("05-lines.jsonl", "ok"),
        ("05-lines.jsonl", BadJSONLine.code),
        ("07-dangling.txt", UnreadableInput.code),
        ("08-pipe", UnreadableInput.code),
        ("06-cp1252.txt", "ok"),
    ]
    assert items[-1].text.startswith("\u201cQuoted\u201d headline")


@pytest.mark.parametrize(
    ("head", "extension", "kind"),
    [
        (b"<!DOCTYPE html><html>", "", "html"),
        (b'<?xml version="1.0"?><rss version="2.0">', ".xml", "feed"),
        (b'<feed xmlns="http://www.w3.org/2005/Atom">', "", "feed"),
        (b'{"text": "a"}\n{"text": "b"}', "", "jsonl"),
        (b"<div><p>fragment</p></div>", "", "html"),
        (b"Headline\n\nBody", "", "text"),
        (b"{not json}", ".txt", "text"),
        (b"Headline", ".html", "html"),
    ],
)
def test_sniff(head, extension, kind) -> None:
    assert sniff(head, extension) == kind


def test_jsonl_text_without_title_keeps_its_lead_through_clean(write) -> None:
    from crosswire.clean import clean_report
    from crosswire.ingest.jsonl import MEDIA_TYPE

    lead = "The ministry said on Monday that the coastal road would close for repairs."
    lines = [
        json.dumps({"text": f"{lead}\n\nOfficials said traffic would be limited."}),
        json.dumps({"text": lead}),
    ]
    two, one_paragraph = read_inputs([write("wire.jsonl", "\n".join(lines) + "\n")])
    assert two.media_type == one_paragraph.media_type == MEDIA_TYPE
    report = clean_report(two)
    assert report.title is None and report.body.startswith(lead)
    assert clean_report(one_paragraph).body == lead


def test_plain_text_file_is_still_headline_first(write) -> None:
    from crosswire.clean import clean_report

    report = clean_report(one([write("pier.txt", "Pier closes\n\n" + PARAGRAPHS[0])]))
    assert report.title == "Pier closes" and report.body == PARAGRAPHS[0]


def test_jsonl_html_without_title_keeps_its_lead_through_clean(write) -> None:
    from crosswire.clean import clean_report

    lead = "The ministry said on Monday that the coastal road would close for repairs near the old harbour."
    rest = (
        "Officials said traffic would be limited to buses and delivery vans until the work was done in May."
    )
    line = json.dumps({"html": f"<p>{lead}</p><p>{rest}</p>"})
    report = clean_report(one([write("wire.jsonl", line + "\n")]))
    assert report.title is None and report.body.startswith(lead) and rest in report.body
