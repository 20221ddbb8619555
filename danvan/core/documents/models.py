"""Official documents: formats, types and templates as data, and the register of what was issued.

The figures of a format (paper, margins, font, the size and weight of each element) are rows an
administrator edits, seeded from Hướng dẫn 36-HD/VPTW (Party), Nghị định 30/2020/NĐ-CP (state) and
the Front's guide that mirrors the Party's; guides change, code does not need to.
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from danvan.core.models import ScopedModel, SearchableModel
from danvan.core.scoping import ScopedQuerySet
from danvan.core.uploads import FileCheck


class Numbering(models.TextChoices):
    TERM = "term", _("Per term of the Party committee")
    YEAR = "year", _("Per calendar year")


class Element(models.TextChoices):
    """The parts of a document whose look a format prescribes; templates name them as paragraph styles."""

    NATIONAL_TITLE = "national_title", _("National title")
    MOTTO = "motto", _("Motto")
    TITLE_RULE = "title_rule", _("Rule under the national title")
    SUPERIOR = "superior", _("Superior body")
    ISSUER = "issuer", _("Issuing body")
    ISSUER_MARK = "issuer_mark", _("Mark under the issuing body")
    SYMBOL = "symbol", _("Number and symbol")
    PLACE_DATE = "place_date", _("Place and date")
    TYPE_NAME = "type_name", _("Type name")
    SUMMARY = "summary", _("Summary")
    HEADING = "heading", _("Heading in the body")
    BODY = "body", _("Body")
    RECIPIENT = "recipient", _("Person or collective commended")
    # A certificate's own lines (mẫu giấy khen, bằng khen): who awards, "TẶNG", then its title in large letters.
    AWARDER = "awarder", _("Who awards (certificate)")
    AWARD_VERB = "award_verb", _("“Awards” line (certificate)")
    CERTIFICATE_TITLE = "certificate_title", _("Certificate's title")
    AUTHORITY = "authority", _("Authority and signer's title")
    SIGNER = "signer", _("Signer's name")
    RECIPIENTS_HEADING = "recipients_heading", _("“Recipients:” heading")
    RECIPIENTS = "recipients", _("Recipients list")


def style_name(element):
    """The Word paragraph style that carries ``element`` in every template."""
    return f"DV {element}"


class DocumentFormat(models.Model):
    """A document format (thể thức): national title, symbol pattern, numbering, page and font."""

    code = models.SlugField(_("code"), max_length=20, unique=True)
    name = models.CharField(_("name"), max_length=200)
    legal_basis = models.CharField(_("legal basis"), max_length=300, blank=True)
    national_title = models.CharField(_("national title"), max_length=200, blank=True,
                                      help_text=_("Blank: the issuing organisation kind's own title."))
    motto = models.CharField(_("motto"), max_length=200, blank=True)
    title_rule = models.CharField(_("rule under the national title"), max_length=60, blank=True)
    issuer_mark = models.CharField(_("mark under the issuing body"), max_length=60, blank=True)
    number_label = models.CharField(_("label before the number"), max_length=20, help_text=_("“Số” or “Số:”."))
    symbol_pattern = models.CharField(
        _("symbol pattern"), max_length=60,
        help_text=_("With {number}, {type} and {issuer}: “{number}-{type}/{issuer}” or “{number}/{type}-{issuer}”."),
    )
    on_behalf_label = models.CharField(_("“on behalf of” label"), max_length=10, help_text=_("“T/M” or “TM.”."))
    deputy_label = models.CharField(_("“for the head” label"), max_length=10, help_text=_("“K/T” or “KT.”."))
    by_order_label = models.CharField(_("“by order of” label"), max_length=10, help_text=_("“T/L” or “TL.”."))
    number_width = models.PositiveSmallIntegerField(_("digits of the number"), default=2, validators=[MaxValueValidator(6)])
    numbering = models.CharField(_("numbering"), max_length=10, choices=Numbering.choices)
    font_name = models.CharField(_("font"), max_length=60, default="Times New Roman")
    page_width_mm = models.PositiveSmallIntegerField(_("page width (mm)"), default=210, validators=[MinValueValidator(100), MaxValueValidator(500)])
    page_height_mm = models.PositiveSmallIntegerField(_("page height (mm)"), default=297, validators=[MinValueValidator(100), MaxValueValidator(500)])
    margin_top_mm = models.PositiveSmallIntegerField(_("top margin (mm)"), validators=[MaxValueValidator(60)])
    margin_bottom_mm = models.PositiveSmallIntegerField(_("bottom margin (mm)"), validators=[MaxValueValidator(60)])
    margin_left_mm = models.PositiveSmallIntegerField(_("left margin (mm)"), validators=[MaxValueValidator(60)])
    margin_right_mm = models.PositiveSmallIntegerField(_("right margin (mm)"), validators=[MaxValueValidator(60)])

    class Meta:
        verbose_name = _("document format")
        verbose_name_plural = _("document formats")
        ordering = ["code"]

    def __str__(self):
        return self.name

    def symbol(self, number, type_abbreviation, issuer_abbreviation):
        return self.symbol_pattern.format(
            number=str(number).zfill(self.number_width), type=type_abbreviation, issuer=issuer_abbreviation,
        )


class FormatElement(models.Model):
    """How one element of a format looks: size in points, bold, italic, capitals, underline."""

    format = models.ForeignKey(DocumentFormat, on_delete=models.CASCADE, related_name="elements")
    element = models.CharField(_("element"), max_length=30, choices=Element.choices)
    size = models.DecimalField(_("size (pt)"), max_digits=4, decimal_places=1, validators=[MinValueValidator(6), MaxValueValidator(40)])
    bold = models.BooleanField(_("bold"), default=False)
    italic = models.BooleanField(_("italic"), default=False)
    upper = models.BooleanField(_("capitals"), default=False)
    underline = models.BooleanField(_("underlined"), default=False)

    class Meta:
        verbose_name = _("format element")
        verbose_name_plural = _("format elements")
        ordering = ["format", "element"]
        constraints = [models.UniqueConstraint(fields=["format", "element"], name="unique_format_element")]

    def __str__(self):
        return f"{self.format}: {self.get_element_display()}"


class Layout(models.TextChoices):
    TEXT = "text", _("Text document")
    CERTIFICATE = "certificate", _("Commendation certificate")


class DocumentType(models.Model):
    """A type of document (báo cáo, quyết định, giấy khen …), its abbreviation and the formats that may issue it."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=100)
    abbreviation = models.CharField(_("abbreviation"), max_length=10, help_text=_("In the symbol: BC, QĐ, TB …"))
    layout = models.CharField(_("layout"), max_length=20, choices=Layout.choices, default=Layout.TEXT)
    landscape = models.BooleanField(_("landscape"), default=False)
    formats = models.ManyToManyField(DocumentFormat, verbose_name=_("formats that may issue it"), related_name="types", blank=True)

    class Meta:
        verbose_name = _("document type")
        verbose_name_plural = _("document types")
        ordering = ["name"]

    def __str__(self):
        return self.name


class DocumentTemplate(models.Model):
    """An administrator's .docx for one type in one format; without it the built-in template of the layout applies."""

    type = models.ForeignKey(DocumentType, verbose_name=_("type"), on_delete=models.CASCADE, related_name="templates")
    format = models.ForeignKey(DocumentFormat, verbose_name=_("format"), on_delete=models.CASCADE, related_name="templates")
    file = models.FileField(_("template (.docx)"), upload_to="documents/templates/", validators=[FileCheck(kinds=("office",))])

    class Meta:
        verbose_name = _("document template")
        verbose_name_plural = _("document templates")
        constraints = [models.UniqueConstraint(fields=["type", "format"], name="unique_document_template")]

    def __str__(self):
        return f"{self.type} – {self.format}"


class Term(models.Model):
    """A term (nhiệm kỳ) of the Party committees, from its congress: Party and Front numbers restart each term."""

    name = models.CharField(_("name"), max_length=60)
    starts_on = models.DateField(_("starts on"), unique=True)

    class Meta:
        verbose_name = _("term")
        verbose_name_plural = _("terms")
        ordering = ["-starts_on"]

    def __str__(self):
        return self.name


class DocumentCounter(models.Model):
    """The last number given per (issuer, period, type); locked while a document takes the next one."""

    issuer = models.ForeignKey("organizations.Organization", on_delete=models.CASCADE, related_name="+")
    period = models.CharField(max_length=20)
    type = models.ForeignKey(DocumentType, on_delete=models.PROTECT, related_name="+")
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["issuer", "period", "type"], name="unique_document_counter")]


class Authority(models.TextChoices):
    NONE = "", _("None (the head signs in their own name)")
    ON_BEHALF = "TM", "T/M"
    DEPUTY = "KT", "K/T"
    BY_ORDER = "TL", "T/L"


class DocumentQuerySet(ScopedQuerySet):
    pass


class Document(ScopedModel, SearchableModel):
    """An issued document: immutable once registered; a correction is a new document that names it."""

    issuer = models.ForeignKey("organizations.Organization", verbose_name=_("issuing body"), on_delete=models.PROTECT, related_name="documents")
    unit = models.ForeignKey("units.Unit", verbose_name=_("unit"), on_delete=models.PROTECT, related_name="documents")
    type = models.ForeignKey(DocumentType, verbose_name=_("type"), on_delete=models.PROTECT, related_name="documents")
    format = models.ForeignKey(DocumentFormat, verbose_name=_("format"), on_delete=models.PROTECT, related_name="documents")
    period = models.CharField(_("numbering period"), max_length=20)
    number = models.PositiveIntegerField(_("number"))
    symbol = models.CharField(_("number and symbol"), max_length=80)
    place = models.CharField(_("place of issue"), max_length=100)
    issued_on = models.DateField(_("date"))
    summary = models.CharField(_("summary of contents"), max_length=500, blank=True)
    signer_name = models.CharField(_("signer"), max_length=150)
    authority = models.CharField(_("authority"), max_length=4, choices=Authority.choices, blank=True)
    signer_title = models.CharField(_("signer's title"), max_length=200)
    recipients = models.JSONField(_("recipients of the document"), default=list, blank=True)
    header = models.JSONField(_("header as issued"), default=dict, editable=False)
    file = models.FileField(_("document (.docx)"), upload_to="documents/%Y/")
    sha256 = models.CharField(max_length=64, editable=False)
    # Kept for the conversion that comes later; empty until then.
    pdf = models.FileField(_("document (.pdf)"), upload_to="documents/%Y/", blank=True)
    corrects = models.ForeignKey("self", verbose_name=_("corrects"), null=True, blank=True, on_delete=models.PROTECT, related_name="corrections")
    source_type = models.ForeignKey("contenttypes.ContentType", null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    source_id = models.PositiveBigIntegerField(null=True, blank=True)
    source_key = models.CharField(max_length=40, blank=True, help_text=_("Which of the source's documents (one per recipient …)."))
    created_by = models.ForeignKey("accounts.User", null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    objects = DocumentQuerySet.as_manager()

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["-issued_on", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["issuer", "period", "type", "number"], name="unique_document_number"),
        ]
        indexes = [models.Index(fields=["source_type", "source_id", "source_key"]), models.Index(fields=["unit", "issued_on"])]

    def __str__(self):
        return f"{self.symbol} ({self.issued_on:%d/%m/%Y})"

    @property
    def numbered(self):
        """"Số 12-QĐ/HU", "Số: 05/QĐ-UBND": the number as the document's header prints it."""
        return f"{self.format.number_label} {self.symbol}"

    def search_source(self):
        return f"{self.symbol} {self.summary} {self.header.get('issuer', '')}"

    def get_absolute_url(self):
        return reverse("core:document-detail", args=[self.pk])

    def save(self, *args, **kwargs):
        # An issued document is never changed: only the later PDF of the same text may be attached.
        if not self._state.adding and set(kwargs.get("update_fields") or ()) - {"pdf", "version"}:
            raise ValueError("An issued document is immutable; issue a correction instead.")
        if not self._state.adding and kwargs.get("update_fields") is None:
            raise ValueError("An issued document is immutable; issue a correction instead.")
        super().save(*args, **kwargs)
