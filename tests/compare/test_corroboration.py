from crosswire.compare.corroboration import independent_sources, near_identical, origin_groups, report_sources
from crosswire.model import Analysis, Citation, Quote, Report

BODY = "The ferry company cancelled all crossings on Sunday because of high winds along the coast. " * 3


def _r(rid: str, body: str = BODY, **kw) -> Report:
    return Report(id=rid, uri=None, title=None, body=body, **kw)


def test_near_identical_tolerates_a_footer():
    assert near_identical(BODY, BODY + " Share this story with a friend.")
    assert not near_identical(BODY, "Farmers in the valley expect a record apple harvest this autumn season.")


def test_origin_groups_collapse_declared_and_detected_copies():
    reports = [
        _r("a", outlet="Harbour Post"),
        _r("b", body=BODY + " Reprinted.", outlet="Valley Herald"),
        _r(
            "c", body="A different report about the regional budget and new school buildings.", outlet="Daily"
        ),
        _r("d", body="Short copy text of another kind entirely, nothing shared.", syndicated_from="c"),
    ]
    groups = origin_groups(reports)
    assert groups == {"a": "a", "b": "a", "c": "c", "d": "c"}


def test_copies_count_as_their_origin_and_republished_names_count():
    reports = [
        _r("a", outlet="Harbour Post"),
        _r("b", body=BODY + " x", outlet="Valley Herald"),
        _r(
            "c",
            body="Unrelated text entirely about something else in town.",
            republished_from="www.harbourpost.com",
        ),
        _r("d", body="Another unrelated text about a football match on the weekend.", outlet="Sound Gazette"),
    ]
    sources = report_sources(reports, origin_groups(reports))
    assert sources["a"] == sources["b"] == sources["c"] == "harbourpost"
    assert sources["d"] == "soundgazette"


def test_relayed_quotes_count_once_per_relay_origin():
    text = "Officials were quoted as saying the port would reopen on Thursday."
    reports = [_r("x", body=text, outlet="Outlet X"), _r("y", body=text + " ", outlet="Outlet Y")]
    reports.append(
        _r("z", body="Port would reopen Thursday, it said in its own reporting today.", outlet="Z")
    )
    relayed = Quote(
        text, 0, len(text), "indirect", "officials", anonymous=True, relayed_via=("Island Daily", "X")
    )
    analyses = {
        "x": Analysis("x", quotes=(relayed,)),
        "y": Analysis("y", quotes=(relayed,)),
        "z": Analysis("z"),
    }
    sources = {"x": "outletx", "y": "outlety", "z": "z"}
    cites = [Citation("x", 0, 20), Citation("y", 0, 20), Citation("z", 0, 20)]
    assert independent_sources(cites, analyses, sources) == ("islanddaily", "z")
    assert independent_sources(cites[:2], {"x": Analysis("x"), "y": Analysis("y")}, sources) == (
        "outletx",
        "outlety",
    )
