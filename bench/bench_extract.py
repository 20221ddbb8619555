"""Throughput and memory of the report extractor on 5 KB articles, text PDFs and scans.

    python bench/bench_extract.py [--documents 10000] [--size 5000] [--pdf-rounds 3] [--scans 4]

Builds articles of about ``--size`` bytes from the project's own test documents
(names and numbers varied, so no two are alike), extracts each one, and prints
documents per second and resident memory before and after. Exits 1 when the
targets (50 documents/second, flat memory) are missed.

Then the reader on the scanned test set (danvan/ingest/tests/scans): text PDFs in pages per
second beside pdfminer.six's and pypdf's own text extraction of the same files in this process
(the floor: ours reads them in a bounded child process, joins lines and drops running headers);
OCR at 200 dpi in pages per second beside Tesseract alone on the same page images (ours adds
rasterising, deskewing and binarising); and the peak memory of this process and of its children.
"""

import argparse
import itertools
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from danvan.ingest.extraction import extract_text  # noqa: E402
from danvan.ingest.extraction import gazetteer  # noqa: E402

SOURCES = ROOT / "danvan" / "ingest" / "tests" / "documents"
SCANS = ROOT / "danvan" / "ingest" / "tests" / "scans"
OCR_DPI = 200
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


def _pages_per_second(read, paths, rounds, pages):
    started = time.perf_counter()
    for _ in range(rounds):
        for path in paths:
            read(path)
    return rounds * pages / (time.perf_counter() - started)


def bench_text_pdfs(rounds):
    from pdfminer.high_level import extract_text as pdfminer_text
    from pypdf import PdfReader

    from danvan.ingest.extraction import read_document

    paths = sorted(path for path in SCANS.glob("*.pdf") if not path.name.endswith(".scan.pdf"))
    pages = sum(len(PdfReader(path).pages) for path in paths)
    ours = _pages_per_second(read_document, paths, rounds, pages)
    miner = _pages_per_second(pdfminer_text, paths, rounds, pages)
    plain = _pages_per_second(lambda path: [page.extract_text() for page in PdfReader(path).pages], paths, rounds, pages)
    print(f"text PDFs: {len(paths)} files, {pages} pages x {rounds}: {ours:.1f} pages/second "
          f"(floor: pdfminer.six {miner:.1f}, pypdf {plain:.1f}; {miner / ours:.1f}x pdfminer's time)")


def bench_scans(count):
    from django.conf import settings

    from danvan.ingest.extraction import ocr, read_document
    from danvan.ingest.extraction.limits import reading_limits

    settings.configure(INGEST_READING_LIMITS={"ocr_dpi": OCR_DPI})
    limits = reading_limits()
    paths = sorted(SCANS.glob("*.scan.pdf"))[:count]
    with tempfile.TemporaryDirectory() as folder:
        images = []
        for number, path in enumerate(paths):
            image = Path(folder) / f"{number}.png"
            ocr.rasterise(path, 1, OCR_DPI, limits).save(image)
            images.append(image)
        env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
        alone = _pages_per_second(
            lambda image: subprocess.run(["tesseract", str(image), "stdout", "-l", "vie"], capture_output=True, check=True, env=env),
            images, 1, len(images))
    ours = _pages_per_second(read_document, paths, 1, len(paths))
    print(f"scans at {OCR_DPI} dpi: {len(paths)} pages: {ours:.2f} pages/second (Tesseract alone on the same images "
          f"{alone:.2f}; {alone / ours:.1f}x its time)")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--size", type=int, default=5_000)
    parser.add_argument("--distinct", type=int, default=500, help="distinct articles, cycled")
    parser.add_argument("--pdf-rounds", type=int, default=3, help="times the text PDFs are read")
    parser.add_argument("--scans", type=int, default=4, help="scanned pages read by OCR (0: none)")
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
    bench_text_pdfs(args.pdf_rounds)
    if args.scans:
        bench_scans(args.scans)
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"peak memory: this process {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.1f} MB, "
          f"largest child (pdfminer/pypdf, pdftoppm, tesseract) {children:.1f} MB")
    print("PASS" if passed else "FAIL")
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
