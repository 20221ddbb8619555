"""Word documents to PDF with LibreOffice, where it is installed (Debian: libreoffice-writer-nogui).

Each conversion runs its own LibreOffice with its own profile directory: two conversions at once would
otherwise share one profile, and the second would exit at once without writing anything. Many documents
convert in one run (``docx_to_pdfs``): starting LibreOffice costs more than converting a page.
"""

import pathlib
import shutil
import subprocess
import tempfile

from django.utils.translation import gettext as _

CONVERSION_SECONDS = 180
SECONDS_PER_DOCUMENT = 5  # a one-page document takes well under a second once LibreOffice runs


class ConversionFailed(Exception):
    pass


def libreoffice():
    """The LibreOffice program, or None where it is not installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def docx_to_pdf(docx):
    """The PDF of ``docx`` (bytes), fonts embedded as LibreOffice always does for PDF export."""
    pdf = docx_to_pdfs([docx])[0]
    if pdf is None:
        raise ConversionFailed(_("LibreOffice could not convert the document: %(reason)s") % {"reason": _("no PDF written")})
    return pdf


def docx_to_pdfs(documents):
    """The PDFs of many .docx (bytes) in one LibreOffice run, in order; None for one it could not convert."""
    program = libreoffice()
    if program is None:
        raise ConversionFailed(_("LibreOffice is not installed on this server: documents can be downloaded as .docx only."))
    documents = list(documents)
    if not documents:
        return []
    with tempfile.TemporaryDirectory(prefix="danvan-pdf-") as work:
        work = pathlib.Path(work)
        sources = []
        for index, content in enumerate(documents):
            source = work / f"document-{index:05d}.docx"
            source.write_bytes(content)
            sources.append(source)
        command = [
            program, f"-env:UserInstallation={(work / 'profile').as_uri()}", "--headless", "--norestore",
            "--nolockcheck", "--convert-to", "pdf:writer_pdf_Export", "--outdir", str(work), *map(str, sources),
        ]
        try:
            completed = subprocess.run(command, capture_output=True, check=False,
                                       timeout=CONVERSION_SECONDS + SECONDS_PER_DOCUMENT * len(documents))
        except subprocess.TimeoutExpired as error:
            raise ConversionFailed(_("LibreOffice did not finish the PDF in time.")) from error
        results = [source.with_suffix(".pdf") for source in sources]
        if completed.returncode != 0 or not any(result.exists() for result in results):
            raise ConversionFailed(_("LibreOffice could not convert the document: %(reason)s") % {
                "reason": (completed.stderr or completed.stdout).decode(errors="replace").strip()[-300:]})
        return [result.read_bytes() if result.exists() else None for result in results]
