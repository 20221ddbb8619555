"""PDFs and scans into text: the text layer by pdfminer.six in a bounded child process (danvan.core.pdfread),
pages without one (and photos) by OCR.

``progress(done, total)`` is told after every page read by OCR, the slow part, so the review
queue's bar moves page by page and its heartbeat beats while a long scan is read.
"""

import time

from . import ocr
from .errors import ReadError
from .layout import document_text, ocr_lines
from .limits import reading_limits

# A page with fewer letters than this in its text layer is a scan (perhaps with a stamp or a page number typed on).
_MIN_LETTERS = 30
_BROKEN = "Tệp PDF bị hỏng hoặc không đúng định dạng PDF nên không đọc được"


def _letters(text):
    return sum(1 for ch in text if ch.isalpha())


_STATUS_MESSAGES = {
    "encrypted": "Tệp PDF được đặt mật khẩu (mã hóa); hãy gỡ mật khẩu rồi tải lên lại",
    "broken": _BROKEN,
    "no_pages": "Tệp PDF không có trang nào",
    "too_many_pages": "Tệp PDF có {count} trang, vượt giới hạn {limit} trang; hãy tách thành các tệp nhỏ hơn",
    "broken_page": "Trang {page} của tệp PDF bị hỏng hoặc có cấu trúc bất thường nên không đọc được",
}
_EXHAUSTED_MESSAGES = {
    "time": "Tệp PDF cần hơn {seconds} giây để đọc nên đã dừng; tệp có thể bị hỏng hoặc được tạo để gây quá tải",
    "memory": "Tệp PDF cần hơn {megabytes} MB bộ nhớ để đọc nên đã dừng; tệp có thể bị hỏng hoặc được tạo để gây quá tải",
    "crashed": _BROKEN,
}


def _text_layer(path, limits):
    """[{"width", "height", "lines"}] of every page, read in a bounded child process."""
    from danvan.core.pdfread import bounded_page_texts
    from danvan.core.sandbox import Exhausted

    seconds, megabytes = limits["text_layer_seconds"], limits["text_layer_megabytes"]
    try:
        answer = bounded_page_texts(path, limits["max_pdf_pages"], seconds, megabytes)
    except Exhausted as error:
        raise ReadError(_EXHAUSTED_MESSAGES[error.reason].format(seconds=seconds, megabytes=megabytes)) from error
    if answer["status"] != "read":
        raise ReadError(_STATUS_MESSAGES[answer["status"]].format(limit=limits["max_pdf_pages"], **answer))
    return answer["pages"]


class _Clock:
    def __init__(self, limits):
        self.seconds = limits["file_seconds"]
        self.deadline = time.monotonic() + self.seconds

    def check(self):
        if time.monotonic() > self.deadline:
            raise ReadError(f"Đọc tệp quá {self.seconds // 60} phút nên đã dừng; hãy tách tệp thành các phần nhỏ hơn")


def read_pdf(path, notes, progress=None, limits=None):
    """The text of a PDF, in reading order, without running headers and footers; scanned pages by OCR."""
    limits = limits or reading_limits()
    clock = _Clock(limits)
    layer = _text_layer(path, limits)
    pages = [page["lines"] for page in layer]
    scanned = [number for number, lines in enumerate(pages, start=1)
               if _letters("".join(line["text"] for line in lines)) < _MIN_LETTERS]
    if scanned:
        if len(scanned) > limits["max_scanned_pages"]:
            raise ReadError(f"Tệp có {len(scanned)} trang quét, vượt giới hạn {limits['max_scanned_pages']} trang "
                            "nhận dạng chữ một lần; hãy tách thành các tệp nhỏ hơn")
        ocr.require_ocr()
        for done, number in enumerate(scanned):
            if progress:
                progress(done, len(scanned))
            page = layer[number - 1]
            dpi = ocr.page_dpi(page["width"], page["height"], limits)
            pages[number - 1] = ocr_lines(ocr.recognise(ocr.prepare(ocr.rasterise(path, number, dpi, limits)), limits))
            clock.check()
        if progress:
            progress(len(scanned), len(scanned))
        notes.append(f"Đã nhận dạng chữ (OCR) {len(scanned)}/{len(pages)} trang quét; hãy đối chiếu với bản gốc")
    return document_text(pages)


def read_scan(path, notes, progress=None, limits=None):
    """The text of a photo or scanned image, by OCR."""
    limits = limits or reading_limits()
    image = ocr.open_image(path, limits)
    ocr.require_ocr()
    if progress:
        progress(0, 1)
    text = ocr.recognise(ocr.prepare(image), limits)
    if progress:
        progress(1, 1)
    notes.append("Đã nhận dạng chữ (OCR) từ ảnh; hãy đối chiếu với bản gốc")
    return document_text([ocr_lines(text)])
