"""``danvan extract FILE [FILE ...] --format jsonl``: one JSON line per file."""

import argparse
import json
import sys

from .core import SCHEMA, extract_text
from .reading import ReadError, read_document

FORMATS = ("jsonl",)


def extract_lines(paths):
    """Yield (json line, notes, failed) per path, in input order."""
    for path in paths:
        try:
            document = read_document(path)
        except ReadError as error:
            yield json.dumps({"schema": SCHEMA, "source": path, "error": str(error)}, ensure_ascii=False), [], True
            continue
        result = extract_text(document.text, source=path, title=document.title)
        yield json.dumps(result, ensure_ascii=False), document.notes, False


def run(paths, out, err):
    """Write the JSON lines to ``out`` and notes to ``err``; 1 if a file failed."""
    failed = False
    for line, notes, line_failed in extract_lines(paths):
        out.write(line + "\n")
        for note in notes:
            err.write(f"Ghi chú ({json.loads(line)['source']}): {note}\n")
        failed = failed or line_failed
    return 1 if failed else 0


def build_parser(parser=None):
    parser = parser or argparse.ArgumentParser(prog="danvan extract", description="Đọc báo cáo, tin bài.")
    parser.add_argument("files", nargs="+", metavar="FILE", help="tệp .txt, .html, .docx, .pdf hoặc ảnh quét .png, .jpg")
    parser.add_argument("--format", choices=FORMATS, default="jsonl", help="định dạng đầu ra (jsonl)")
    return parser


def main(argv=None, out=None, err=None):
    args = build_parser().parse_args(sys.argv[1:] if argv is None else argv)
    return run(args.files, out or sys.stdout, err or sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
