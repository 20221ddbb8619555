import django_filters
from django.utils.translation import gettext_lazy as _

from danvan.core.documents.models import Document, DocumentType
from danvan.core.filters import IdFilter, ScopedFilterSet, YearFilter


class DocumentFilter(ScopedFilterSet):
    """The register's search: ``q`` finds a symbol or summary however diacritics are typed."""

    type = django_filters.ModelChoiceFilter(label=_("Type"), queryset=DocumentType.objects.all(), to_field_name="code")
    issuer = IdFilter(field_name="issuer", label=_("Issuing body"))
    year = YearFilter(field_name="issued_on__year")

    class Meta:
        model = Document
        fields = ["q", "type", "issuer", "year", "unit"]
