"""The generated compact encoders write exactly what the standard JSON encoder writes."""

from __future__ import annotations

import json

from hypothesis import given

import conflict_events as ce
from conflict_events.model import MODEL_CLASSES
from conflict_events.serialize._converter import TEXT_ENCODERS
from conflict_events.testing import strategies as ces


def _standard(obj: object) -> str:
    return json.dumps(ce.to_dict(obj), ensure_ascii=False, allow_nan=False, separators=(",", ":"))


@given(ces.model_objects())
def test_compact_text_is_the_standard_encoding_of_the_wire_dict(obj: object):
    assert ce.dumps(obj, indent=None) == _standard(obj)


@given(ces.reports())
def test_json_lines_are_the_standard_encoding_of_each_report(report: ce.Report):
    import io

    buf = io.StringIO()
    ce.write_jsonl([report, report], buf)
    assert buf.getvalue() == f"{_standard(report)}\n{_standard(report)}\n"


def test_every_model_class_has_a_text_encoder():
    assert set(TEXT_ENCODERS) == set(MODEL_CLASSES)


def test_text_escapes_quotes_control_characters_and_keeps_cyrillic():
    claim = ce.Claim(id='c"1', kind="other", quote='"по 9"\n\t\\ \u2028', note="\x00")
    text = ce.dumps(claim, indent=None)
    assert text == _standard(claim)
    assert "по 9" in text
    assert ce.loads(ce.Claim, text) == claim


def test_json_lines_written_before_a_bad_object_are_kept():
    """Lines are written in batches, but a failure part-way loses none encoded before it."""
    import io

    import pytest

    buf = io.StringIO()
    objs = [ce.Quantity.exact(n) for n in range(100)] + ["not a model object"]
    with pytest.raises(TypeError, match="expected a model class"):
        ce.write_jsonl(objs, buf)
    assert buf.getvalue().count("\n") == 100
    assert [q.value for q in ce.iter_jsonl(ce.Quantity, io.StringIO(buf.getvalue()))] == list(
        range(100)
    )
