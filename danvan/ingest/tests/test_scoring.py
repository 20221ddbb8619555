"""The scorer follows SCHEMA.md "How it is scored"."""

import json

import pytest

from danvan.ingest import scoring


def _doc(**fields):
    base = {"published_at": None, "event_dates": [], "people": [], "units": [], "documents": [], "initiatives": [], "figures": []}
    return {**base, **fields}


def test_people_match_case_folded_with_whitespace_collapsed():
    totals = scoring.score_pairs([(_doc(people=[{"name": "nguyễn  văn hiền"}]), _doc(people=[{"name": "Nguyễn Văn Hiền"}]))])
    assert (totals["people"].true_positives, totals["people"].false_positives) == (1, 0)


def test_documents_match_on_type_and_leading_integer():
    predicted = _doc(documents=[{"type": "Quyết định", "number": "217"}, {"type": "Quy định", "number": "106"}])
    gold = _doc(documents=[{"type": "Quyết định", "number": "217-QĐ/TW"}, {"type": "Quyết định", "number": "106"}])
    counts = scoring.score_pairs([(predicted, gold)])["documents"]
    assert (counts.true_positives, counts.false_positives, counts.false_negatives) == (1, 1, 1)


def test_figures_match_on_value_and_first_word_of_unit():
    predicted = _doc(figures=[{"value": 1873.0, "unit": "đoàn viên, hội viên"}, {"value": 15, "unit": "căn nhà"}])
    gold = _doc(figures=[{"value": 1873, "unit": "đoàn viên"}, {"value": 15, "unit": "hộ"}])
    counts = scoring.score_pairs([(predicted, gold)])["figures"]
    assert (counts.true_positives, counts.false_positives, counts.false_negatives) == (1, 1, 1)


def test_initiatives_ignore_quotes_case_and_trailing_punctuation():
    predicted = _doc(initiatives=[{"name": "“Dân Vận khéo”."}])
    gold = _doc(initiatives=[{"name": "Dân vận khéo"}])
    assert scoring.score_pairs([(predicted, gold)])["initiatives"].f1 == 1.0


def test_duplicates_within_a_document_count_once():
    predicted = _doc(units=[{"level": "xã", "name": "Hiệp Tùng"}, {"level": "Xã", "name": "hiệp tùng"}])
    gold = _doc(units=[{"level": "xã", "name": "Hiệp Tùng"}])
    counts = scoring.score_pairs([(predicted, gold)])["units"]
    assert (counts.true_positives, counts.false_positives) == (1, 0)


def test_published_at_scored_only_where_gold_has_one():
    pairs = [
        (_doc(published_at="2020-08-10T13:19"), _doc(published_at=None)),
        (_doc(published_at="2020-08-10T13:20"), _doc(published_at="2020-08-10T13:19")),
    ]
    counts = scoring.score_pairs(pairs)["published_at"]
    assert (counts.true_positives, counts.false_positives, counts.false_negatives) == (0, 1, 1)


def test_missing_prediction_misses_every_gold_item():
    counts = scoring.score_pairs([(None, _doc(event_dates=["2018-06-11"]))])["event_dates"]
    assert (counts.recall, counts.precision) == (0.0, 0.0)


def test_micro_average_sums_counts_over_documents():
    pairs = [
        (_doc(event_dates=["2020-01-01", "2020-01-02"]), _doc(event_dates=["2020-01-01"])),
        (_doc(event_dates=["2021-01-01"]), _doc(event_dates=["2021-01-01", "2021-01-02", "2021-01-03"])),
    ]
    counts = scoring.score_pairs(pairs)["event_dates"]
    assert counts.precision == pytest.approx(2 / 3)
    assert counts.recall == pytest.approx(2 / 4)
    assert counts.f1 == pytest.approx(2 * (2 / 3) * (1 / 2) / (2 / 3 + 1 / 2))


def test_command_line_prints_a_table_per_field(tmp_path, capsys):
    gold_dir = tmp_path / "gold"
    gold_dir.mkdir()
    (gold_dir / "a.json").write_text(json.dumps(_doc(source="a.txt", people=[{"name": "Minh Sửa"}])), encoding="utf-8")
    predictions = tmp_path / "pred.jsonl"
    predictions.write_text(json.dumps(_doc(source="some/dir/a.txt", people=[{"name": "Minh Sửa"}, {"name": "X Y"}])) + "\n", encoding="utf-8")
    assert scoring.main([str(predictions), str(gold_dir)]) == 0
    people_row = next(line for line in capsys.readouterr().out.splitlines() if line.startswith("people"))
    assert people_row.split()[1:4] == ["0.500", "1.000", "0.667"]
