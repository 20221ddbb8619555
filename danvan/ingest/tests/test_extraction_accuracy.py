"""F1 per scored field on the seed articles and on our own varied documents."""

import json
from pathlib import Path

import pytest

from danvan.ingest.extraction import extract_file
from danvan.ingest.scoring import FIELDS, score_pairs

HERE = Path(__file__).parent
MIN_F1 = 0.95


def _pairs(folder):
    pairs = []
    for answer_path in sorted(folder.glob("*.json")):
        answer = json.loads(answer_path.read_text(encoding="utf-8"))
        pairs.append((extract_file(folder / answer["source"]), answer))
    return pairs


@pytest.fixture(scope="module")
def seed_scores():
    return score_pairs(_pairs(HERE / "gold"))


@pytest.fixture(scope="module")
def own_scores():
    return score_pairs(_pairs(HERE / "documents"))


@pytest.mark.parametrize("field", FIELDS)
def test_seed_articles_match_the_gold(seed_scores, field):
    assert seed_scores[field].f1 >= MIN_F1, (field, vars(seed_scores[field]))


@pytest.mark.parametrize("field", FIELDS)
def test_own_documents_match_their_answers(own_scores, field):
    assert own_scores[field].f1 >= MIN_F1, (field, vars(own_scores[field]))


def test_there_are_at_least_ten_own_documents():
    assert len(list((HERE / "documents").glob("*.json"))) >= 10


def test_seed_copies_are_the_shared_answers():
    shared = Path("/work/shared/ingest/gold")
    if not shared.is_dir():
        pytest.skip("shared gold folder not present")
    for path in (HERE / "gold").iterdir():
        assert path.read_bytes() == (shared / path.name).read_bytes(), path.name
