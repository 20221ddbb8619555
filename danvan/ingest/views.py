"""The review queue in the web UI: upload, progress, review with highlights, create records."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.http import FileResponse, Http404, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import generic

from danvan.core.choices import Role
from danvan.core.filters import ScopedFilterSet
from danvan.core.views import ScopedDetailView, ScopedFileView, ScopedListView, ScopedMixin
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


class UploadView(ScopedMixin, generic.FormView):
    model = SourceDocument
    required_role = Role.EDITOR
    form_class = UploadForm
    template_name = "ingest/upload.html"

    def get_queryset(self):
        return SourceDocument.objects.visible_to(self.request.user)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def form_valid(self, form):
        files = self.request.FILES.getlist("files")
        try:
            batch = services.start_upload(self.request.user, form.cleaned_data["unit"], files, form.texts())
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        for rejected in batch.rejected:
            messages.error(self.request, f"{rejected['name']}: {rejected['error']}")
        return HttpResponseRedirect(reverse("ingest:batch", args=[batch.pk]))


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


class BatchView(BatchPageMixin, ScopedDetailView):
    """The batch's progress; POST (the "Retry" button) reads again the files a stopped batch left unread."""

    template_name = "ingest/batch.html"

    def post(self, request, *args, **kwargs):
        batch = self.get_object()
        try:
            services.retry_batch(request.user, batch)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("The remaining files will be read again in the background."))
        return HttpResponseRedirect(reverse("ingest:batch", args=[batch.pk]))


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


class CreateRecordsView(ScopedDetailView):
    """Shows what will be created from the accepted items; creates it only on confirmation."""

    model = SourceDocument
    required_role = Role.EDITOR
    template_name = "ingest/create_records.html"

    def get_context_data(self, **kwargs):
        items = self.object.items.filter(
            decision__in=[ProposedItem.Decision.ACCEPTED, ProposedItem.Decision.CORRECTED], record_id__isnull=True, outcome=""
        ).select_related("organization__unit", "unit")
        return {**super().get_context_data(**kwargs), "items": items}

    def post(self, request, *args, **kwargs):
        self.object = self.get_object()
        try:
            items = services.create_records_from(self.object, request.user)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
            return HttpResponseRedirect(reverse("ingest:create-records", args=[self.object.pk]))
        created = sum(1 for item in items if item.record_id)
        messages.success(request, _("%(count)s accepted items were turned into records.") % {"count": created})
        return HttpResponseRedirect(reverse("ingest:document", args=[self.object.pk]))


class ItemView(ScopedDetailView):
    """One proposed item: GET shows it with its correction form; POST records the editor's decision."""

    model = ProposedItem
    template_name = "ingest/item.html"

    def get_queryset(self):
        return super().get_queryset().select_related("document__unit", "organization__unit", "unit")

    def get_template_names(self):
        return ["ingest/_item.html"] if self.request.htmx else [self.template_name]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        item = self.object
        context["item"] = item
        context["can_edit"] = self.request.user.can(Role.EDITOR)
        context["document"] = item.document
        if "form" not in context and context["can_edit"] and (not self.request.htmx or self.request.GET.get("correct")):
            context["form"] = CorrectionForm(item=item, user=self.request.user)
        return context

    def post(self, request, *args, **kwargs):
        if not request.user.can(Role.EDITOR):
            raise Http404
        item = self.object = self.get_object()
        decision = request.POST.get("decision")
        form = CorrectionForm(request.POST, item=item, user=request.user)
        try:
            if decision == ProposedItem.Decision.CORRECTED:
                if not form.is_valid():
                    return self._respond(form, status=400)
                services.decide(
                    request.user, item, decision, corrected=form.corrected(),
                    organization=form.cleaned_data.get("organization"), unit=form.cleaned_data.get("unit"),
                )
            else:
                services.decide(request.user, item, decision)
        except ValidationError as error:
            if not form.is_bound or not hasattr(form, "cleaned_data"):
                form.is_valid()
            for message in error.messages:
                form.add_error(None, message)
            return self._respond(form, status=400)
        if request.htmx:
            return self._respond(None)
        return HttpResponseRedirect(reverse("ingest:document", args=[item.document_id]) + f"#item-{item.pk}")

    def _respond(self, form, status=200):
        item = self.object = self.get_object()
        context = self.get_context_data(form=form) if form is not None else self.get_context_data()
        context["item"] = item
        template = "ingest/_item.html" if self.request.htmx else self.template_name
        # htmx swaps only successful answers; the error is in the fragment itself.
        return render(self.request, template, context, status=200 if self.request.htmx else status)
