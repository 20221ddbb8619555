"""Word documents to PDF with LibreOffice, where it is installed (Debian: libreoffice-writer-nogui).

Each conversion runs its own LibreOffice with its own profile directory: two conversions at once would
otherwise share one profile, and the second would exit at once without writing anything.
"""

import pathlib
import shutil
import subprocess
import tempfile

from django.utils.translation import gettext as _

CONVERSION_SECONDS = 180


class ConversionFailed(Exception):
    pass


def libreoffice():
    """The LibreOffice program, or None where it is not installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def docx_to_pdf(docx):
    """The PDF of ``docx`` (bytes), fonts embedded as LibreOffice always does for PDF export."""
    program = libreoffice()
    if program is None:
        raise ConversionFailed(_("LibreOffice is not installed on this server: documents can be downloaded as .docx only."))
    with tempfile.TemporaryDirectory(prefix="danvan-pdf-") as work:
        work = pathlib.Path(work)
        source = work / "document.docx"
        source.write_bytes(docx)
        command = [
            program, f"-env:UserInstallation={(work / 'profile').as_uri()}", "--headless", "--norestore",
            "--nolockcheck", "--convert-to", "pdf:writer_pdf_Export", "--outdir", str(work), str(source),
        ]
        try:
            completed = subprocess.run(command, capture_output=True, timeout=CONVERSION_SECONDS, check=False)
        except subprocess.TimeoutExpired as error:
            raise ConversionFailed(_("LibreOffice did not finish the PDF in time.")) from error
        result = work / "document.pdf"
        if completed.returncode != 0 or not result.exists():
            raise ConversionFailed(_("LibreOffice could not convert the document: %(reason)s") % {
                "reason": (completed.stderr or completed.stdout).decode(errors="replace").strip()[-300:]})
        return result.read_bytes()
