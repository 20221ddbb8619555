from django.http import FileResponse, Http404
from django.utils.translation import gettext as _

from danvan.core.documents.filters import DocumentFilter
from danvan.core.documents.models import Document
from danvan.core.views import ScopedDetailView, ScopedListView

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def document_response(document, filename=None):
    """The registered bytes of ``document``, the same at every download; callers have already applied scoping."""
    if not document.file:
        raise Http404(_("This record has no file."))
    name = filename or f"{document.symbol.replace('/', '_')}.docx"
    return FileResponse(document.file.open("rb"), filename=name, as_attachment=True, content_type=DOCX_TYPE)


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
