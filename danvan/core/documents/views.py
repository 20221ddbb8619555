from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from danvan.core.documents.filters import DocumentFilter
from danvan.core.documents.models import Document
from danvan.core.documents.services import pdf_retry
from danvan.core.views import ScopedDetailView, ScopedListView

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def document_response(document, filename=None):
    """The registered bytes of ``document``, the same at every download; callers have already applied scoping."""
    if not document.file:
        raise Http404(_("This record has no file."))
    name = filename or f"{document.symbol.replace('/', '_')}.docx"
    return FileResponse(document.file.open("rb"), filename=name, as_attachment=True, content_type=DOCX_TYPE)


class SourceDocumentView(ScopedDetailView):
    """The registered document of the record on the page (its report, its notice …), issued at the first download.

    Subclasses give ``issue()`` (the app's builder) and may give ``filename()``. A refusal (no signer, a title not
    held, a type the issuer may not issue, a template that does not render) is said on the record's own page.
    The same view gives the PDF at the sibling address ``….pdf`` with ``as_view(as_pdf=True)``.
    """

    as_pdf = False

    def issue(self):
        raise NotImplementedError

    def filename(self):
        return None

    def render_to_response(self, context, **response_kwargs):
        try:
            document = self.issue()
        except ValidationError as error:
            messages.error(self.request, " ".join(error.messages))
            return redirect(self.object)
        if self.as_pdf:
            name = self.filename()
            return document_pdf_response(self.request, document, name and f"{name.removesuffix('.docx')}.pdf",
                                         docx_url=self._docx_url())
        return document_response(document, self.filename())

    def _docx_url(self):
        """The sibling .docx address, with the query that chose the document (a report's period)."""
        query = self.request.GET.urlencode()
        return f"{self.request.path.removesuffix('.pdf')}.docx" + (f"?{query}" if query else "")


def document_pdf_response(request, document, filename=None, docx_url=None):
    """The document's PDF, converted once in the background and the same at every download; until it is
    there, a page that says so (202, to try again) or, without LibreOffice on the server, that only the
    .docx exists. Callers have already applied scoping."""
    if document.pdf:
        name = filename or f"{document.symbol.replace('/', '_')}.pdf"
        return FileResponse(document.pdf.open("rb"), filename=name, as_attachment=True, content_type="application/pdf")
    coming = pdf_retry(document)
    response = render(request, "core/document_pdf_pending.html", {
        "document": document, "coming": coming, "docx_url": docx_url or reverse("core:document-download", args=[document.pk]),
    }, status=202 if coming else 200)
    if coming:
        response["Retry-After"] = "30"
    return response


class DocumentListView(ScopedListView):
    model = Document
    filterset_class = DocumentFilter

    def get_queryset(self):
        return super().get_queryset().select_related("type", "issuer")


class DocumentDetailView(ScopedDetailView):
    model = Document

    def get_queryset(self):
        return super().get_queryset().select_related("type", "issuer", "format", "corrects", "created_by")


class DocumentDownloadView(ScopedDetailView):
    model = Document

    def render_to_response(self, context, **response_kwargs):
        return document_response(self.object)


class DocumentPdfView(ScopedDetailView):
    model = Document

    def render_to_response(self, context, **response_kwargs):
        return document_pdf_response(self.request, self.object)
