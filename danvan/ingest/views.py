"""The review queue in the web UI: upload, progress, review with highlights, create records."""

from django.contrib import messages
from django.db.models import Count
from django.http import FileResponse, Http404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import generic

from danvan.core.choices import Role
from danvan.core.filters import ScopedFilterSet
from danvan.core.forms import ScopedForm
from danvan.core.views import ParentFormView, ScopedDetailView, ScopedFileView, ScopedListView, ScopedMixin, ServiceFormMixin
from danvan.ingest import services
from danvan.ingest.forms import CorrectionForm, UploadForm
from danvan.ingest.highlight import highlight
from danvan.ingest.models import Batch, ProposedItem, SourceDocument


class SourceDocumentFilter(ScopedFilterSet):
    class Meta:
        model = SourceDocument
        fields = ["q", "unit", "status"]


class DocumentListView(ScopedListView):
    model = SourceDocument
    filterset_class = SourceDocumentFilter
    template_name = "ingest/document_list.html"

    def get_queryset(self):
        return super().get_queryset().select_related("unit", "uploaded_by")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["running"] = Batch.objects.visible_to(self.request.user).exclude(status=Batch.Status.FINISHED)[:5]
        context["can_upload"] = self.request.user.can(Role.EDITOR)
        return context


class UploadView(ServiceFormMixin, ScopedMixin, generic.FormView):
    model = SourceDocument
    required_role = Role.EDITOR
    form_class = UploadForm
    template_name = "ingest/upload.html"

    def get_queryset(self):
        return SourceDocument.objects.visible_to(self.request.user)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def perform(self, form):
        batch = services.start_upload(self.request.user, form.cleaned_data["unit"], self.request.FILES.getlist("files"), form.texts())
        for rejected in batch.rejected:
            messages.error(self.request, f"{rejected['name']}: {rejected['error']}")
        return batch

    def get_success_url(self):
        return reverse("ingest:batch", args=[self.result.pk])


class BatchPageMixin:
    model = Batch

    def get_object(self, queryset=None):
        batch = super().get_object(queryset)
        # A batch whose reader died is found out when someone looks at it, whatever the worker does.
        if batch.status == Batch.Status.RUNNING and services.fail_stalled_batches(batch):
            batch.refresh_from_db()
        return batch

    def get_context_data(self, **kwargs):
        documents = self.object.documents.annotate(item_count=Count("items")).order_by("pk")
        return {
            **super().get_context_data(**kwargs), "documents": documents,
            "can_retry": self.object.status == Batch.Status.FAILED and self.request.user.can(Role.EDITOR),
        }


class BatchView(BatchPageMixin, ParentFormView):
    """The batch's progress; its "Retry" button reads again the files a stopped batch left unread."""

    form_class = ScopedForm
    required_role = Role.VIEWER  # anyone of the unit follows the progress; the service lets only editors retry
    template_name = "ingest/batch.html"
    success_message = gettext_lazy("The remaining files will be read again in the background.")

    def perform(self, form):
        return services.retry_batch(self.request.user, self.object)

    def get_success_url(self):
        return reverse("ingest:batch", args=[self.object.pk])


class BatchProgressView(BatchPageMixin, ScopedDetailView):
    """The progress fragment the batch page polls every second while the worker reads."""

    template_name = "ingest/_progress.html"


class DocumentView(ScopedDetailView):
    model = SourceDocument
    template_name = "ingest/document.html"

    def get_queryset(self):
        return super().get_queryset().select_related("unit", "uploaded_by")

    def get_context_data(self, **kwargs):
        document = self.object
        items = list(document.items.select_related("organization__unit", "unit", "record_type"))
        return {
            **super().get_context_data(**kwargs),
            "items": items,
            "segments": highlight(document.text, items),
            "accepted": sum(1 for item in items if item.is_accepted and not item.outcome),
            "pending": sum(1 for item in items if item.decision == ProposedItem.Decision.PENDING),
            "kinds": ProposedItem.Kind.choices,
            "links": document.links.select_related("content_type").order_by("pk"),
            "can_edit": self.request.user.can(Role.EDITOR),
        }


class DocumentFileView(ScopedFileView):
    model = SourceDocument

    def render_to_response(self, context, **response_kwargs):
        if not self.object.file:
            raise Http404(_("This document was pasted as text; it has no file."))
        document = self.object
        # Always a download, never shown inline: an uploaded web page must not run in our origin.
        response = FileResponse(document.file.open("rb"), as_attachment=True, filename=document.original_name or None)
        response["Content-Security-Policy"] = "sandbox"
        return response


class CreateRecordsView(ParentFormView):
    """Shows what will be created from the accepted items; creates it only on confirmation."""

    model = SourceDocument
    form_class = ScopedForm
    template_name = "ingest/create_records.html"

    def get_context_data(self, **kwargs):
        items = self.object.items.filter(
            decision__in=[ProposedItem.Decision.ACCEPTED, ProposedItem.Decision.CORRECTED], record_id__isnull=True, outcome=""
        ).select_related("organization__unit", "unit")
        return {**super().get_context_data(**kwargs), "items": items}

    def perform(self, form):
        items = services.create_records_from(self.object, self.request.user)
        created = sum(1 for item in items if item.record_id)
        self.success_message = _("%(count)s accepted items were turned into records.") % {"count": created}
        return items

    def get_success_url(self):
        return reverse("ingest:document", args=[self.object.pk])


class ItemView(ParentFormView):
    """One proposed item: the page (or, for htmx, the fragment) with its decision buttons and correction form."""

    model = ProposedItem
    form_class = CorrectionForm
    required_role = Role.VIEWER  # anyone of the unit reads the item; the service lets only editors decide
    template_name = "ingest/item.html"

    def get_queryset(self):
        return super().get_queryset().select_related("document__unit", "organization__unit", "unit")

    def get_template_names(self):
        return ["ingest/_item.html"] if self.request.htmx else [self.template_name]

    def get_form_kwargs(self):
        kwargs = {**super().get_form_kwargs(), "item": self.object}
        kwargs.pop("initial")  # the form starts from what was read in the item
        return kwargs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        can_edit = self.request.user.can(Role.EDITOR)
        context.update(item=self.object, document=self.object.document, can_edit=can_edit)
        if not can_edit or (self.request.method == "GET" and self.request.htmx and not self.request.GET.get("correct")):
            context["form"] = None  # the fragment shows the correction form only when asked for
        return context

    def perform(self, form):
        data = form.cleaned_data
        corrected = form.corrected()
        extra = {"corrected": corrected, "organization": data.get("organization"), "unit": data.get("unit")} if corrected is not None else {}
        return services.decide(self.request.user, self.object, data["decision"], **extra)

    def form_valid(self, form):
        response = super().form_valid(form)
        if self.request.htmx and response.status_code == 302:
            # htmx swaps the item in place: answer with its new state, not a redirect.
            self.object = self.get_object()
            return self.render_to_response({**self.get_context_data(), "form": None})
        return response

    def get_success_url(self):
        return reverse("ingest:document", args=[self.object.document_id]) + f"#item-{self.object.pk}"
