"""Throughput and memory of the report extractor on 5 KB articles.

    python bench/bench_extract.py [--documents 10000] [--size 5000]

Builds articles of about ``--size`` bytes from the project's own test documents
(names and numbers varied, so no two are alike), extracts each one, and prints
documents per second and resident memory before and after. Exits 1 when the
targets (50 documents/second, flat memory) are missed.
"""

import argparse
import itertools
import random
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from danvan.ingest.extraction import extract_text  # noqa: E402
from danvan.ingest.extraction import gazetteer  # noqa: E402

SOURCES = ROOT / "danvan" / "ingest" / "tests" / "documents"
MIN_DOCS_PER_SECOND = 50
# Allowed growth of resident memory between the first and the last tenth of
# the run; anything that keeps state per document grows far beyond this.
MAX_GROWTH_MB = 20
FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Võ", "Đặng", "Bùi", "Huỳnh"]
GIVEN = ["Văn Hải", "Thị Lan", "Minh Tuấn", "Thanh Hà", "Quốc Bảo", "Ngọc Anh"]


def _paragraphs():
    paragraphs = []
    for path in sorted(SOURCES.glob("*.txt")):
        paragraphs.extend(p for p in path.read_text(encoding="utf-8").splitlines() if len(p) > 80)
    return paragraphs


def make_articles(count, size, seed=7):
    """``count`` distinct articles of about ``size`` UTF-8 bytes."""
    rng = random.Random(seed)
    paragraphs = _paragraphs()
    articles = []
    for index in range(count):
        parts = [f"Hội nghị sơ kết công tác dân vận số {index} năm {2018 + index % 8}", f"({rng.randint(7, 17)}:{rng.randint(10, 59)} | {rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/2024)"]
        while sum(len(p.encode("utf-8")) for p in parts) < size:
            paragraph = rng.choice(paragraphs)
            paragraph = paragraph.replace("120", str(rng.randint(2, 9999)))
            parts.append(f"{paragraph} Đồng chí {rng.choice(FAMILY)} {rng.choice(GIVEN)}, Phó Bí thư Đảng ủy xã phát biểu.")
        articles.append("\n".join(parts))
    return articles


def resident_mb():
    """Current resident set size in MB (Linux), else the peak."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
        return pages * resource.getpagesize() / 1024 / 1024
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--size", type=int, default=5_000)
    parser.add_argument("--distinct", type=int, default=500, help="distinct articles, cycled")
    args = parser.parse_args(argv)

    articles = make_articles(args.distinct, args.size)
    gazetteer.load()
    extract_text(articles[0])  # warm-up: regex compilation, lazy imports

    tenth = max(1, args.documents // 10)
    memory_start = memory_first_tenth = resident_mb()
    started = time.perf_counter()
    for done, article in enumerate(itertools.islice(itertools.cycle(articles), args.documents), start=1):
        extract_text(article)
        if done == tenth:
            memory_first_tenth = resident_mb()
    elapsed = time.perf_counter() - started
    memory_end = resident_mb()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    rate = args.documents / elapsed
    growth = memory_end - memory_first_tenth
    average_kb = sum(len(a.encode("utf-8")) for a in articles) / len(articles) / 1024
    print(f"documents: {args.documents} (average {average_kb:.1f} KB, {len(articles)} distinct)")
    print(f"time: {elapsed:.1f} s, {rate:.0f} documents/second (target ≥ {MIN_DOCS_PER_SECOND})")
    print(f"resident memory: start {memory_start:.1f} MB, after first tenth {memory_first_tenth:.1f} MB, "
          f"end {memory_end:.1f} MB, growth {growth:+.1f} MB (limit {MAX_GROWTH_MB}), peak {peak:.1f} MB")
    passed = rate >= MIN_DOCS_PER_SECOND and growth <= MAX_GROWTH_MB
    print("PASS" if passed else "FAIL")
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
