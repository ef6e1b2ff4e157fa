import numpy as np
import pytest

from crosswire.model import Analysis, Entity, Event, Mention, Report, TimeExpression
from crosswire.stories.features import StoryFeatures, features_without_vector, terms_of

BODY = (
    "Flooding in the river town of Varnholt forced 300 families from their homes on Tuesday, "
    "the mayor Ilse Brandt said. The floods of 2031 were the worst since 2019."
)


def _analysis() -> Analysis:
    return Analysis(
        report_id="r1",
        entities=(
            Entity("varnholt", "Varnholt", "GPE", mentions=(Mention("varnholt", 25, 33, "Varnholt"),)),
            Entity("ilse-brandt", "Ilse Brandt", "PERSON", mentions=(Mention("ilse-brandt", 94, 105, "x"),)),
            Entity("2031", "2031", "DATE"),
        ),
        times=(TimeExpression("on Tuesday", 80, 90, "2031-03-04"),),
        events=(Event("DISPLACE", ("floods",), ("families",), "Varnholt", "2031-03-04", 0, 50),),
    )


def test_terms_are_stemmed_and_stopword_free():
    counts = terms_of("The floods flooded the towns; a flood and its flooding")
    assert "the" not in counts and "and" not in counts
    assert counts["flood"] >= 3
    assert counts["town"] == 1


def test_features_keep_entities_dates_years_and_kinds():
    report = Report(id="r1", uri=None, title="Floods hit Varnholt", body=BODY, published="2031-03-05")
    f = features_without_vector(report, _analysis())
    kinds = {e: k for e, k, _ in f.entities}
    assert kinds == {"varnholt": "GPE", "ilse-brandt": "PERSON"}  # DATE is not a story entity
    assert f.date == "2031-03-05"
    assert f.dates == ("2031-03-04",)
    assert f.years[0] == 2031 and 2019 in f.years
    assert f.kinds == ("DISPLACE",)
    assert dict(f.terms)["flood"] > dict(f.terms)["family"]  # title words count double


def test_weekdays_named_in_title_and_lead_are_kept_in_order():
    report = Report(id="r1", uri=None, title="Sunday vote in Varnholt", body=BODY + " The count ends Monday.")
    f = features_without_vector(report, None)
    assert f.weekdays == ("Sunday", "Tuesday", "Monday")
    late = Report(id="r2", uri=None, title="T", body="word " * 700 + "on Friday")
    assert features_without_vector(late, None).weekdays == ()  # beyond the lead's words


def test_years_are_those_the_text_names_not_those_of_resolved_dates():
    report = Report(
        id="r1", uri=None, title="Floods", body="The river rose on Tuesday.", published="2031-03-05"
    )
    analysis = Analysis("r1", times=(TimeExpression("on Tuesday", 15, 25, "2031-03-04"),))
    f = features_without_vector(report, analysis)
    assert f.dates == ("2031-03-04",) and f.years == ()


def test_features_work_without_analysis_or_title():
    report = Report(id="r2", uri=None, title=None, body=BODY)
    f = features_without_vector(report, None)
    assert f.entities == () and f.dates == () and f.date is None
    assert f.name.startswith("Flooding in the river town")


def test_bytes_round_trip():
    report = Report(id="r1", uri=None, title="Floods hit Varnholt", body=BODY, published="2031-03-05")
    base = features_without_vector(report, _analysis())
    vec = np.linspace(-1, 1, 384, dtype=np.float32)
    f = StoryFeatures(**{**base.__dict__, "vector": vec})
    back = StoryFeatures.from_bytes(f.to_bytes())
    assert back == f
    assert np.array_equal(back.vector, vec)


def test_from_bytes_rejects_foreign_blob():
    with pytest.raises(ValueError):
        StoryFeatures.from_bytes(b"not ours")


def test_version_one_blobs_still_load():
    import json
    import struct

    vec = np.zeros(384, dtype=np.float32)
    head = {"r": "r1", "t": "T", "w": [], "e": [], "d": None, "ds": [], "y": [], "k": [], "n": "T"}
    raw = json.dumps(head).encode()
    blob = b"CWSF1" + struct.pack("<II", len(raw), 384) + raw + vec.tobytes()
    back = StoryFeatures.from_bytes(blob)
    assert back.report_id == "r1" and back.weekdays == ()
