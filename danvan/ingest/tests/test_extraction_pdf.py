"""PDFs and scans: the text layer in reading order without running lines, scans read by OCR, and bad PDFs."""

import io
import json
import re
import shutil
import struct
import time
import zlib
from pathlib import Path

import pytest
from pypdf import PdfWriter

from danvan.ingest.extraction import ReadError, extract_file, read_document
from danvan.ingest.extraction.cli import main
from danvan.ingest.extraction.layout import drop_running_lines, ocr_lines, paragraphs
from danvan.ingest.scoring import FIELDS, score_pairs

HERE = Path(__file__).parent
SCANS = HERE / "scans"
TEXT_PDFS = sorted(path for path in SCANS.glob("*.pdf") if not path.name.endswith(".scan.pdf") and path.stem != "running_header")
SCANNED_PDFS = sorted(SCANS.glob("*.scan.pdf"))
MIN_SCANNED_F1 = 0.85
ocr_installed = pytest.mark.skipif(shutil.which("tesseract") is None, reason="Tesseract OCR is not installed")


def _stem(path):
    return path.name.split(".")[0]


def _source(stem, suffix):
    return next(path for path in (HERE / "documents" / f"{stem}{suffix}", HERE / "gold" / f"{stem}{suffix}") if path.exists())


def _answer(stem):
    return json.loads(_source(stem, ".json").read_text(encoding="utf-8"))


def overall_f1(scores):
    """Micro F1 over every scored field together."""
    tp = sum(counts.true_positives for counts in scores.values())
    wrong = sum(counts.false_positives + counts.false_negatives for counts in scores.values())
    return 2 * tp / (2 * tp + wrong)


def _pdf_of(objects):
    """A PDF of ``objects`` (numbered from 1, the first the catalogue) with a correct cross-reference table."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def _one_page(resources):
    return _pdf_of([
        b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources " + resources + b" >>",
    ])


def _write(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data)
    return path


# ---------------------------------------------------------------- text PDFs


def test_the_set_is_at_least_ten_pdfs_of_the_projects_texts_each_with_its_scan():
    assert len(TEXT_PDFS) >= 10
    assert [_stem(path) for path in SCANNED_PDFS] == [_stem(path) for path in TEXT_PDFS]


@pytest.mark.parametrize("pdf", TEXT_PDFS, ids=_stem)
def test_a_printed_pdf_reads_like_the_text_it_was_printed_from(pdf):
    from_pdf, from_text = extract_file(pdf), extract_file(_source(_stem(pdf), ".txt"))
    for field in ("units", "documents", "figures", "initiatives", "event_dates", "people", "published_at"):
        assert from_pdf[field] == from_text[field], field


def test_lines_the_page_wrapped_are_joined_into_their_paragraph():
    text = read_document(SCANS / "02_quangnam_report.pdf").text
    assert "ban hành Kế hoạch số 05-KH/HU về thực hiện Chỉ thị 13-CT/DU" in text
    assert "Kết quả công tác dân vận 9 tháng đầu năm và phương hướng nhiệm vụ 3 tháng cuối năm 2019\n" in text
    assert "\nII. HẠN CHẾ\n" in text


def test_running_headers_and_page_numbers_are_dropped_and_the_pages_read_in_order():
    text = read_document(SCANS / "running_header.pdf").text
    assert "BẢN TIN CÔNG TÁC DÂN VẬN" not in text and not re.search(r"Trang \d", text)
    first, second, third = (text.index(part) for part in ("Xã Trường Xuân sơ kết", "HUYỆN ỦY DUY XUYÊN", "Hội Nông dân huyện Mỹ Tú"))
    assert first < second < third
    assert text.rstrip().endswith("Minh Thư")


def test_a_line_on_most_pages_edges_runs_one_on_a_single_page_stays():
    words = ["một", "hai", "ba", "bốn"]
    pages = [ocr_lines(f"CỔNG TTĐT HUYỆN A\nĐoạn {word}.\nNội dung.\nKết thúc {word}.\n- {n} -") for n, word in enumerate(words, 1)]
    pages[0].insert(1, {"text": "ĐẢNG CỘNG SẢN VIỆT NAM"})
    kept = [[line["text"] for line in lines] for lines in drop_running_lines(pages)]
    assert kept[0] == ["ĐẢNG CỘNG SẢN VIỆT NAM", "Đoạn một.", "Nội dung.", "Kết thúc một."]
    assert kept[1:] == [[f"Đoạn {word}.", "Nội dung.", f"Kết thúc {word}."] for word in words[1:]]


def test_a_line_is_joined_to_the_next_when_the_next_word_did_not_fit_on_it():
    def line(text, x1, top, first_word):
        return {"text": text, "x0": 50.0, "x1": x1, "top": top, "bottom": top + 10, "first_word": first_word}

    lines = [line("Ban Thường vụ ban hành Kế hoạch số 05-", 530, 0, 30), line("KH/HU ngày 12/5.", 200, 11, 40),
             line("Phát biểu tại hội nghị …", 400, 22, 30), line("Tin, ảnh: Ngọc Hân", 150, 33, 25),
             line("II. HẠN CHẾ", 120, 44, 12)]
    assert paragraphs(lines) == ["Ban Thường vụ ban hành Kế hoạch số 05-KH/HU ngày 12/5.", "Phát biểu tại hội nghị …",
                                 "Tin, ảnh: Ngọc Hân", "II. HẠN CHẾ"]


# ---------------------------------------------------------------- scans


@ocr_installed
def test_ocr_then_extraction_of_the_scanned_set_reaches_the_target():
    pairs = [(extract_file(scan), _answer(_stem(scan))) for scan in SCANNED_PDFS]
    scores = score_pairs(pairs)
    assert overall_f1(scores) >= MIN_SCANNED_F1, {field: round(scores[field].f1, 3) for field in FIELDS}


@ocr_installed
def test_a_photo_is_read_by_ocr_with_a_note_and_page_progress(tmp_path):
    from danvan.ingest.extraction import ocr

    page = ocr.rasterise(SCANS / "02_quangnam_report.scan.pdf", 1, 200)
    photo = tmp_path / "anh-chup.jpg"
    page.convert("RGB").save(photo, quality=85)
    seen = []
    document = read_document(photo, progress=lambda done, total: seen.append((done, total)))
    assert "Duy Xuyên" in document.text.title() and "OCR" in document.notes[0]
    assert seen == [(0, 1), (1, 1)]


def test_without_tesseract_a_scan_is_refused_with_the_packages_to_install(tmp_path, monkeypatch):
    from danvan.ingest.extraction import ocr

    monkeypatch.setattr(ocr.shutil, "which", lambda program: None)
    with pytest.raises(ReadError, match="tesseract-ocr.*sudo apt-get install"):
        read_document(SCANS / "01_dongthap_2025.scan.pdf")
    assert read_document(TEXT_PDFS[0]).text, "a text PDF needs no OCR"


# ---------------------------------------------------------------- bad input


def _encrypted():
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    writer.encrypt("mat-khau", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _pages(count):
    writer = PdfWriter()
    for _ in range(count):
        writer.add_blank_page(595, 842)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _png_header(width, height):
    """A PNG that declares ``width`` × ``height`` pixels (its data never gets read)."""
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    chunk = lambda kind, data: struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00" * 64)) + chunk(b"IEND", b"")


def _nested(depth):
    """The PDF bomb: a page whose resources nest arrays ``depth`` deep."""
    return _one_page(b"<< /X " + b"[" * depth + b"]" * depth + b" >>")


BAD_FILES = [
    ("mat-khau.pdf", _encrypted, "Tệp PDF được đặt mật khẩu"),
    ("hong.pdf", lambda: (TEXT_PDFS[0].read_bytes()[:3000]), "Tệp PDF bị hỏng"),
    ("khong-phai.pdf", lambda: b"%PDF-1.4 this is not a PDF at all", "Tệp PDF bị hỏng"),
    ("500-trang.pdf", lambda: _pages(500), "Tệp PDF có 500 trang, vượt giới hạn 300 trang"),
    ("100-trieu-diem.png", lambda: _png_header(10_000, 10_000), "Ảnh quá lớn (100 triệu điểm ảnh, tối đa 40 triệu)"),
    ("anh-hong.jpg", lambda: b"\xff\xd8\xff\xe0 not a jpeg", "Tệp ảnh bị hỏng"),
]


@pytest.mark.parametrize("name, make, message", BAD_FILES, ids=[name for name, _, _ in BAD_FILES])
def test_a_bad_pdf_or_image_gets_its_vietnamese_message_quickly(tmp_path, name, make, message):
    started = time.perf_counter()
    with pytest.raises(ReadError) as error:
        read_document(_write(tmp_path, name, make()))
    assert str(error.value).startswith(message)
    assert time.perf_counter() - started < 30, "refused before anything costly"


@ocr_installed
def test_a_pdf_bomb_costs_bounded_time_and_memory_and_says_so(tmp_path):
    import resource

    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    with pytest.raises(ReadError, match="Tệp rỗng"):  # pypdf reads it in its child; the page has nothing to OCR
        read_document(_write(tmp_path, "bom.pdf", _nested(200_000)))
    assert time.perf_counter() - started < 120
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 100 * 1024, "KB: the server's process stays small"


@pytest.mark.parametrize("limit, value, message", [
    ("text_layer_megabytes", 20, "Tệp PDF cần hơn 20 MB bộ nhớ để đọc nên đã dừng"),
    ("text_layer_seconds", 0.001, "Tệp PDF cần hơn 0.001 giây để đọc nên đã dừng"),
])
def test_the_pdf_reader_stops_at_its_memory_and_time_limits(settings, limit, value, message):
    settings.INGEST_READING_LIMITS = {**getattr(settings, "INGEST_READING_LIMITS", {}), limit: value}
    with pytest.raises(ReadError, match=message):
        read_document(TEXT_PDFS[0])


def test_one_bad_file_of_a_batch_does_not_stop_the_others(tmp_path):
    good, bad = str(TEXT_PDFS[1]), str(_write(tmp_path, "mat-khau.pdf", _encrypted()))
    out = io.StringIO()
    assert main([bad, good], out=out, err=io.StringIO()) == 1
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert lines[0]["error"].startswith("Tệp PDF được đặt mật khẩu")
    assert "error" not in lines[1] and lines[1]["units"]
