"""Score extraction output against hand-made answers (schema ``danvan.extract/1``).

Per field, micro-averaged precision, recall and F1 over a set of documents, with
the matching rules of SCHEMA.md "How it is scored". Items are reduced to match
keys and de-duplicated within each document before counting.

    python -m danvan.ingest.scoring PRED.jsonl GOLD_DIR
"""

import json
import re
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path

FIELDS = ("people", "units", "documents", "initiatives", "figures", "event_dates", "published_at")

_QUOTES_AND_TRAILING = re.compile(r"^[\s“”\"«»‘’']+|[\s“”\"«»‘’'.,;:!?…]+$")
_LEADING_INTEGER = re.compile(r"\d+")


def _fold(text):
    text = unicodedata.normalize("NFC", str(text or ""))
    return " ".join(text.split()).casefold()


def _leading_integer(number):
    match = _LEADING_INTEGER.search(str(number or ""))
    return int(match.group()) if match else _fold(number)


def _person_key(item):
    return _fold(item.get("name"))


def _unit_key(item):
    return (_fold(item.get("level")), _fold(item.get("name")))


def _document_key(item):
    return (_fold(item.get("type")), _leading_integer(item.get("number")))


def _initiative_key(item):
    return _QUOTES_AND_TRAILING.sub("", _fold(item.get("name")))


def _figure_key(item):
    unit_words = _fold(item.get("unit")).split()
    value = item.get("value")
    # 1873 and 1873.0 are the same amount.
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return (value, unit_words[0] if unit_words else "")


_KEYS = {
    "people": _person_key,
    "units": _unit_key,
    "documents": _document_key,
    "initiatives": _initiative_key,
    "figures": _figure_key,
}


def field_keys(result, field):
    """The set of match keys one document's answer holds for ``field``."""
    if field == "published_at":
        value = result.get("published_at")
        return {value} if value else set()
    if field == "event_dates":
        return set(result.get("event_dates") or [])
    return {_KEYS[field](item) for item in result.get(field) or []}


@dataclass
class Counts:
    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0

    @property
    def precision(self):
        predicted = self.true_positives + self.false_positives
        if predicted == 0:
            return 1.0 if self.false_negatives == 0 else 0.0
        return self.true_positives / predicted

    @property
    def recall(self):
        expected = self.true_positives + self.false_negatives
        if expected == 0:
            return 1.0 if self.false_positives == 0 else 0.0
        return self.true_positives / expected

    @property
    def f1(self):
        p, r = self.precision, self.recall
        return 0.0 if p + r == 0 else 2 * p * r / (p + r)

    def add(self, predicted, expected):
        self.true_positives += len(predicted & expected)
        self.false_positives += len(predicted - expected)
        self.false_negatives += len(expected - predicted)


def score_pairs(pairs):
    """Micro P/R/F1 per field over (predicted, gold) result pairs.

    A missing prediction (None) counts every gold item as missed.
    """
    totals = {field: Counts() for field in FIELDS}
    for predicted, gold in pairs:
        predicted = predicted or {}
        for field in FIELDS:
            # The publication stamp is only scored where the answer has one.
            if field == "published_at" and not gold.get("published_at"):
                continue
            totals[field].add(field_keys(predicted, field), field_keys(gold, field))
    return totals


def _document_id(source):
    return Path(str(source)).stem


def load_gold(gold_dir):
    """Gold answers in ``gold_dir`` keyed by file stem."""
    return {path.stem: json.loads(path.read_text(encoding="utf-8")) for path in sorted(Path(gold_dir).glob("*.json"))}


def load_predictions(jsonl_path):
    """Predicted objects from a JSONL file keyed by the stem of their source."""
    predictions = {}
    for line in Path(jsonl_path).read_text(encoding="utf-8").splitlines():
        if line.strip():
            obj = json.loads(line)
            predictions[_document_id(obj.get("source"))] = obj
    return predictions


def score_files(jsonl_path, gold_dir):
    gold = load_gold(gold_dir)
    predictions = load_predictions(jsonl_path)
    return score_pairs((predictions.get(doc_id), answer) for doc_id, answer in gold.items())


def format_table(totals):
    lines = [f"{'field':<14}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'fp':>6}{'fn':>6}"]
    for field, counts in totals.items():
        lines.append(
            f"{field:<14}{counts.precision:>7.3f}{counts.recall:>7.3f}{counts.f1:>7.3f}"
            f"{counts.true_positives:>6}{counts.false_positives:>6}{counts.false_negatives:>6}"
        )
    return "\n".join(lines)


def main(argv=None):
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2:
        print("Cách dùng: python -m danvan.ingest.scoring PRED.jsonl GOLD_DIR", file=sys.stderr)
        return 2
    print(format_table(score_files(args[0], args[1])))
    return 0


if __name__ == "__main__":
    sys.exit(main())
