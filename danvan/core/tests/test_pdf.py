"""Word documents become PDF with LibreOffice: A4 kept, every font embedded, two at once."""

import concurrent.futures
import io
import subprocess

import docx
import pypdf
from docx.shared import Mm, Pt

from danvan.core.pdf import docx_to_pdf


def _a4_document(text):
    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    run = document.add_paragraph().add_run(text)
    run.font.name, run.font.size = "Times New Roman", Pt(14)
    saved = io.BytesIO()
    document.save(saved)
    return saved.getvalue()


def embedded_fonts(pdf, tmp_path):
    """(name, embedded) of every font pdffonts lists."""
    path = tmp_path / "read.pdf"
    path.write_bytes(pdf)
    lines = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    return [(line.split()[0], line.split()[-5] == "yes") for line in lines]


def test_a_word_document_becomes_an_a4_pdf_with_its_fonts_embedded(tmp_path):
    pdf = docx_to_pdf(_a4_document("ĐẢNG CỘNG SẢN VIỆT NAM. Thạnh Yên, ngày 05 tháng 12 năm 2026"))
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width) / 72 * 25.4), round(float(box.height) / 72 * 25.4)) == (210, 297)
    assert "Thạnh Yên, ngày 05 tháng 12 năm 2026" in " ".join(reader.pages[0].extract_text().split())
    fonts = embedded_fonts(pdf, tmp_path)
    assert fonts and all(embedded for _, embedded in fonts), fonts
    # Times New Roman is not free; Debian's fontconfig gives its metric twin, so lines break where Word breaks
    # them. One font only: a fallback font would mean a Vietnamese letter missing from the serif.
    assert {name.split("+")[-1] for name, _ in fonts} <= {"LiberationSerif", "TimesNewRomanPSMT"}, fonts


def test_two_documents_convert_at_the_same_time():
    texts = [f"Báo cáo số {number:02d}" for number in (1, 2)]
    with concurrent.futures.ThreadPoolExecutor(2) as pool:
        pdfs = list(pool.map(lambda text: docx_to_pdf(_a4_document(text)), texts))
    for text, pdf in zip(texts, pdfs):
        assert text in pypdf.PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
