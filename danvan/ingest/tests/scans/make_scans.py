"""Makes the scanned test set from texts the project keeps: each printed to PDF by LibreOffice, then
rasterised at 200 dpi, turned a little, speckled and blurred as a commune's scanner leaves a page.

    python danvan/ingest/tests/scans/make_scans.py

Writes NAME.pdf (the printed text) and NAME.scan.pdf (its scan) beside this file; the answers are
the texts' own (../documents/NAME.json, ../gold/NAME.json). Seeded: the same files every run.
Also running_header.pdf: three texts on pages that each carry a running header and "Trang N".
"""

import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from PIL import Image, ImageChops, ImageFilter

HERE = Path(__file__).resolve().parent
TESTS = HERE.parent
SOURCES = sorted(TESTS.glob("documents/*.txt")) + [TESTS / "gold" / "003_12a848ca68729f0d.txt"]
DPI = 200
MAX_DEGREES = 1.5
NOISE_SIGMA = 24
SPECKLES_PER_PAGE = 3000


def printed(source, folder):
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(folder), str(source)],
                   check=True, capture_output=True, timeout=300)
    return folder / f"{source.stem}.pdf"


def scanned_page(page, rng):
    page = page.convert("L").rotate(rng.uniform(-MAX_DEGREES, MAX_DEGREES), resample=Image.BICUBIC, fillcolor=255)
    page = ImageChops.add(page, Image.effect_noise(page.size, NOISE_SIGMA), 1.0, -128)
    for _ in range(SPECKLES_PER_PAGE):
        page.putpixel((rng.randrange(page.width), rng.randrange(page.height)), rng.choice((0, 90, 255)))
    return page.filter(ImageFilter.GaussianBlur(0.6))


def scan(pdf, target, rng, folder):
    subprocess.run(["pdftoppm", "-r", str(DPI), "-gray", "-png", str(pdf), str(folder / "page")], check=True, timeout=300)
    pages = [scanned_page(Image.open(path), rng) for path in sorted(folder.glob("page*.png"))]
    pages[0].save(target, "PDF", resolution=DPI, save_all=True, append_images=pages[1:], quality=60)
    for path in folder.glob("page*.png"):
        path.unlink()


RUNNING_HEADER = "BAN DÂN VẬN TỈNH ỦY – BẢN TIN CÔNG TÁC DÂN VẬN"
RUNNING_SOURCES = ["01_dongthap_2025.txt", "02_quangnam_report.txt", "07_soctrang_review.txt"]


def _page_number(paragraph):
    paragraph.add_run("Trang ")
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    paragraph._p.append(field)


def running_header(folder):
    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = RUNNING_HEADER
    _page_number(section.footer.paragraphs[0])
    for name in RUNNING_SOURCES:
        for line in (TESTS / "documents" / name).read_text(encoding="utf-8").splitlines():
            document.add_paragraph(line)
        document.add_page_break()
    source = folder / "running_header.docx"
    document.save(str(source))
    shutil.copy(printed(source, folder), HERE / "running_header.pdf")


def main():
    for number, source in enumerate(SOURCES):
        with tempfile.TemporaryDirectory() as folder:
            folder = Path(folder)
            pdf = printed(source, folder)
            shutil.copy(pdf, HERE / pdf.name)
            scan(pdf, HERE / f"{source.stem}.scan.pdf", random.Random(number), folder)
        print(source.stem)
    with tempfile.TemporaryDirectory() as folder:
        running_header(Path(folder))


if __name__ == "__main__":
    sys.exit(main())
