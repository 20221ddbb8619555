from django.urls import reverse
from rest_framework import serializers

from danvan.core.api import ScopedReadOnlyViewSet
from danvan.core.documents.filters import DocumentFilter
from danvan.core.documents.models import Document


class DocumentSerializer(serializers.ModelSerializer):
    type = serializers.SlugRelatedField(slug_field="code", read_only=True)
    issuer = serializers.PrimaryKeyRelatedField(read_only=True)
    docx = serializers.SerializerMethodField()
    pdf = serializers.SerializerMethodField()

    class Meta:
        model = Document
        fields = ["id", "symbol", "type", "issued_on", "issuer", "unit", "summary", "signer_name", "signer_title", "sha256", "corrects", "docx", "pdf"]
        read_only_fields = fields

    def _absolute(self, path):
        request = self.context.get("request")
        return request.build_absolute_uri(path) if request else path

    def get_docx(self, document) -> str:
        return self._absolute(reverse("core:document-download", args=[document.pk]))

    def get_pdf(self, document) -> str | None:
        # null until the background conversion has kept the PDF (and always without LibreOffice)
        return self._absolute(reverse("core:document-download-pdf", args=[document.pk])) if document.pdf else None


class DocumentViewSet(ScopedReadOnlyViewSet):
    """The register of issued documents: ``?type=report&issuer=12&year=2026``."""

    queryset = Document.objects.select_related("type").order_by("-issued_on", "-id")
    serializer_class = DocumentSerializer
    filterset_class = DocumentFilter
