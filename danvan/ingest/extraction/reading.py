"""Reading .txt, .html, .docx, .pdf files and scanned images into text, with clear Vietnamese errors."""

import codecs
import zipfile
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from .core import extract_text
from .errors import ReadError
from .ocr import IMAGE_FORMATS
from .pdf import read_pdf, read_scan

# Reports are a few kilobytes; beyond this only the beginning is read, so a
# stray 20 MB dump costs bounded time and memory.
MAX_TEXT_BYTES = 2 * 1024 * 1024
_CONTROL_SHARE_LIMIT = 0.01
_ALLOWED_CONTROLS = {"\n", "\r", "\t", "\f"}
_TEXT_SUFFIXES = {".txt", ".text", ""}
_HTML_SUFFIXES = {".html", ".htm", ".xhtml"}


@dataclass
class Document:
    text: str
    title: str | None = None
    notes: list = field(default_factory=list)


def _read_bytes(path, notes):
    path = Path(path)
    if not path.exists():
        raise ReadError(f"Không tìm thấy tệp: {path}")
    if path.is_dir():
        raise ReadError("Đây là thư mục, không phải tệp")
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            data = handle.read(MAX_TEXT_BYTES)
    except OSError as error:
        raise ReadError(f"Không đọc được tệp: {error.strerror or error}") from error
    if size == 0:
        raise ReadError("Tệp rỗng")
    if size > MAX_TEXT_BYTES:
        notes.append(
            f"Tệp lớn ({size / 1024 / 1024:.1f} MB): chỉ đọc {MAX_TEXT_BYTES // 1024 // 1024} MB đầu"
        )
    return data, size > MAX_TEXT_BYTES


def _looks_binary(text):
    if "\x00" in text:
        return True
    controls = sum(1 for ch in text if ch < " " and ch not in _ALLOWED_CONTROLS)
    return controls > len(text) * _CONTROL_SHARE_LIMIT


def decode(data, notes, truncated=False):
    """Text of ``data``: UTF-8 (BOM or not), UTF-16 with BOM, else Windows-1258."""
    if data.startswith(codecs.BOM_UTF8):
        candidates = ["utf-8-sig"]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        candidates = ["utf-16"]
    elif b"\x00" in data:
        raise ReadError("Không phải tệp văn bản")
    else:
        candidates = ["utf-8", "cp1258", "latin-1"]
    for encoding in candidates:
        # A cut-off file may end inside a multi-byte letter.
        errors = "ignore" if truncated and encoding.startswith("utf") else "strict"
        try:
            text = data.decode(encoding, errors=errors)
        except UnicodeDecodeError:
            continue
        if encoding in ("cp1258", "latin-1"):
            notes.append(f"Tệp không phải UTF-8; đã đọc theo bảng mã {encoding}")
        if _looks_binary(text):
            raise ReadError("Không phải tệp văn bản")
        return text
    raise ReadError("Không phải tệp văn bản (không giải mã được)")


class _HtmlText(HTMLParser):
    """Visible text of a page, one block element per line, plus <title> and <h1>."""

    _SKIPPED = {"script", "style", "noscript", "template", "svg", "head", "iframe", "object"}
    _BLOCKS = {
        "p", "div", "br", "li", "ul", "ol", "tr", "td", "th", "table", "section", "article",
        "header", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "hr", "nav",
    }

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []
        self.page_title = []
        self.heading = []
        self._skip_depth = 0
        self._in_title = False
        self._in_h1 = False

    def handle_starttag(self, tag, attrs):
        if tag == "title":
            self._in_title = True
        elif tag in self._SKIPPED:
            self._skip_depth += 1
        if tag == "h1" and not self.heading:
            self._in_h1 = True
        if tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_startendtag(self, tag, attrs):
        if tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False
        elif tag in self._SKIPPED and self._skip_depth:
            self._skip_depth -= 1
        if tag == "h1":
            self._in_h1 = False
        if tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data):
        if self._in_title:
            self.page_title.append(data)
        elif not self._skip_depth:
            self.parts.append(data)
            if self._in_h1:
                self.heading.append(data)


def _html_charset(data):
    head = data[:2048].decode("ascii", errors="ignore").lower()
    marker = head.find("charset=")
    if marker < 0:
        return None
    value = head[marker + 8:].lstrip("\"' ")
    name = "".join(ch for ch in value[:20] if ch.isalnum() or ch in "-_")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _read_html(data, notes, truncated):
    charset = _html_charset(data)
    text = None
    if charset and not data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode(charset, errors="ignore" if truncated else "strict")
        except UnicodeDecodeError:
            text = None
    if text is None:
        text = decode(data, notes, truncated)
    parser = _HtmlText()
    parser.feed(text)
    parser.close()
    heading = " ".join("".join(parser.heading).split())
    page_title = " ".join("".join(parser.page_title).split())
    # A <title> usually ends with the portal's name: "Headline - Cổng TTĐT ...".
    if not heading and page_title:
        heading = page_title.rsplit(" - ", 1)[0] if " - " in page_title else page_title
    return Document("".join(parser.parts), heading or None, notes)


def _read_docx(path, notes):
    if not zipfile.is_zipfile(path):
        raise ReadError("Tệp .docx không hợp lệ (không phải tệp nén ZIP)")
    # Before python-docx inflates anything: a 4 MB file may declare gigabytes (imported here, as docx below).
    from danvan.core.uploads import UnsafeFile, inspect_zip

    try:
        inspect_zip(path)
    except UnsafeFile as error:
        raise ReadError(
            "Tệp .docx không hợp lệ: khi giải nén sẽ vượt giới hạn an toàn (quá lớn, nén bất thường hoặc quá nhiều phần)"
            if error.code != "bad_content" else "Tệp .docx không hợp lệ (tệp nén ZIP bị hỏng)"
        ) from error
    import docx  # python-docx; imported here so plain-text use does not need it

    try:
        document = docx.Document(str(path))
    except Exception as error:  # python-docx raises many kinds for broken packages
        raise ReadError(f"Tệp .docx không hợp lệ: {error}") from error
    lines, heading = [], None
    for paragraph in document.paragraphs:
        lines.append(paragraph.text)
        style = (paragraph.style.name if paragraph.style is not None else "").casefold()
        if heading is None and paragraph.text.strip() and style in ("title", "heading 1"):
            heading = paragraph.text.strip()
    for table in document.tables:
        for row in table.rows:
            lines.append(" | ".join(cell.text for cell in row.cells))
    return Document("\n".join(lines), heading, notes)


def read_document(path, progress=None):
    """The text of a .txt, .html, .docx, .pdf or image file; raises ReadError when unreadable.

    ``progress(done, total)`` follows the pages read by OCR, when there are any.
    """
    suffix = Path(path).suffix.casefold()
    notes = []
    if suffix == ".pdf":
        _read_bytes(path, notes)  # existence, emptiness
        document = Document(read_pdf(path, notes, progress), None, notes)
    elif suffix in IMAGE_FORMATS:
        _read_bytes(path, notes)
        document = Document(read_scan(path, notes, progress), None, notes)
    elif suffix == ".docx":
        _read_bytes(path, notes)  # existence, emptiness
        document = _read_docx(path, notes)
    elif suffix in _HTML_SUFFIXES:
        data, truncated = _read_bytes(path, notes)
        document = _read_html(data, notes, truncated)
    elif suffix in _TEXT_SUFFIXES:
        data, truncated = _read_bytes(path, notes)
        document = Document(decode(data, notes, truncated), None, notes)
    else:
        raise ReadError(f"Định dạng không được hỗ trợ: {suffix}")
    if not document.text.strip():
        raise ReadError("Tệp rỗng (không có nội dung chữ)")
    return document


def extract_file(path, source=None):
    """The ``danvan.extract/1`` object for one file; raises ReadError when unreadable."""
    document = read_document(path)
    return extract_text(document.text, source=str(path) if source is None else source, title=document.title)
