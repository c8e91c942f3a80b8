"""The `extract` command: corpus file in, one extraction line per article out, clear errors for bad input."""

import json

import pytest
from django.core.management import CommandError, call_command


def test_extract_writes_one_line_per_article(tmp_path):
    source = tmp_path / "in.jsonl"
    rows = [
        {
            "id": "w1",
            "published": "2025-03-05",
            "language": "en",
            "title": "Kenya and Uganda police chiefs meet",
            "text": "NAIROBI - Kenya's Inspector General of Police, Daniel Kiptoo, on Tuesday met Uganda's "
            "Inspector General of Police, Abas Byakagaba, in Nairobi to discuss cross-border crime.",
        },
        {"id": "w2", "published": None, "language": "en", "title": "", "text": "   "},
    ]
    source.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    out = tmp_path / "out.jsonl"
    call_command("extract", input=str(source), output=str(out))
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert [line["id"] for line in lines] == ["w1", "w2"]
    assert lines[1]["relevant"] is False and lines[1]["events"] == []
    assert set(lines[0]) >= {"id", "relevant", "events"}


def test_extract_names_the_bad_line(tmp_path):
    source = tmp_path / "bad.jsonl"
    source.write_text('{"id": "a", "text": "x"}\nnot json\n')
    with pytest.raises(CommandError, match="line 2"):
        call_command("extract", input=str(source), output=str(tmp_path / "out.jsonl"))


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ('{"id": "a", "text": "x", "published": "last Tuesday"}', "published 'last Tuesday' is not a YYYY-MM-DD date"),
        ('{"id": "a", "text": ["x"]}', "text is not a string"),
        ('["a", "x"]', "expected a JSON object"),
    ],
)
def test_extract_names_a_record_of_the_wrong_shape(tmp_path, line, reason):
    source = tmp_path / "bad.jsonl"
    source.write_text('{"id": "ok", "text": "x", "published": "2025-03-05T08:00:00Z"}\n\n' + line + "\n")
    with pytest.raises(CommandError, match=f"bad.jsonl, line 3: {reason}"):
        call_command("extract", input=str(source), output=str(tmp_path / "out.jsonl"))


def test_extract_reports_a_missing_file(tmp_path):
    with pytest.raises(CommandError, match="Cannot read"):
        call_command("extract", input=str(tmp_path / "missing.jsonl"), output=str(tmp_path / "out.jsonl"))
