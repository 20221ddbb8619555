"""Pages of commendation: decisions, printable certificates, proposals accepted or declined."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from danvan.awards import services
from danvan.awards.filters import DecisionFilter, ProposalFilter
from danvan.awards.forms import DecisionForm, ProposalForm, ProposedRecipientFormSet, RecipientForm
from danvan.awards.models import CommendationDecision, CommendationProposal, ProposedRecipient, Recipient
from danvan.core.audit import history
from danvan.core.choices import Role
from danvan.core.views import ScopedCreateView, ScopedDetailView, ScopedListView, attach_errors
from danvan.core.workflow import transitions_of


class DecisionListView(ScopedListView):
    model = CommendationDecision
    filterset_class = DecisionFilter

    def get_queryset(self):
        return super().get_queryset().select_related("issuing_body", "form").annotate(
            collectives=Count("recipients", filter=Q(recipients__kind="collective")),
            individuals=Count("recipients", filter=Q(recipients__kind="individual")),
        )

    def get_context_data(self, **kwargs):
        totals = self.object_list.values("form__name").annotate(
            collectives=Count("recipients", filter=Q(recipients__kind="collective")),
            individuals=Count("recipients", filter=Q(recipients__kind="individual")),
        ).order_by("form__name")
        return {**super().get_context_data(**kwargs), "totals": totals, "can_approve": self.request.user.can(Role.APPROVER)}


class DecisionDetailView(ScopedDetailView):
    model = CommendationDecision

    def get_queryset(self):
        return super().get_queryset().select_related("issuing_body", "form", "phase")

    def get_context_data(self, **kwargs):
        user = self.request.user
        return {**super().get_context_data(**kwargs),
                "recipients": self.object.recipients.select_related("organization", "person", "initiative"),
                "recipient_form": RecipientForm(user=user), "can_approve": user.can(Role.APPROVER),
                "proposals": self.object.proposals.select_related("proposing_body"), "history": history(self.object)}

    def post(self, request, pk):
        """Add a recipient to the decision."""
        decision = self.get_object()
        form = RecipientForm(request.POST, user=request.user)
        try:
            if not form.is_valid():
                raise ValidationError([f"{form.fields[name].label}: {' '.join(errors)}" for name, errors in form.errors.items() if name in form.fields])
            services.add_recipient(request.user, decision, form.instance)
            messages.success(request, _("Saved."))
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        return HttpResponseRedirect(reverse("awards:decision-detail", args=[pk]))


class DecisionCreateView(ScopedCreateView):
    model = CommendationDecision
    form_class = DecisionForm  # editors may prepare it; the service requires an approver to issue it
    page_title = gettext_lazy("New commendation decision")

    def save(self, form):
        return services.decide_commendation(self.request.user, form.instance)

    def get_success_url(self):
        return reverse("awards:decision-detail", args=[self.object.pk])


class CertificateView(ScopedDetailView):
    """A print-ready certificate for one recipient (the browser prints it, or saves it as PDF)."""

    model = Recipient
    template_name = "awards/certificate.html"

    def get_queryset(self):
        return super().get_queryset().select_related("decision__issuing_body__unit", "decision__form", "organization", "person", "initiative")


class ProposalListView(ScopedListView):
    model = CommendationProposal
    filterset_class = ProposalFilter

    def get_queryset(self):
        return super().get_queryset().select_related("proposing_body", "addressed_to", "form").annotate(size=Count("recipients"))


class ProposalDetailView(ScopedDetailView):
    model = CommendationProposal

    def get_context_data(self, **kwargs):
        user, proposal = self.request.user, self.object
        return {**super().get_context_data(**kwargs),
                "recipients": proposal.recipients.select_related("organization", "person", "initiative"),
                "transitions": transitions_of(proposal),
                "decisions": CommendationDecision.objects.visible_to(user).filter(issuing_body=proposal.addressed_to),
                "can_decide": user.can(Role.APPROVER) and proposal.status == "submitted", "history": history(proposal)}

    def post(self, request, pk):
        """Accept into the chosen decision, or decline with the note as the reason."""
        proposal = self.get_object()
        try:
            if request.POST.get("decision"):
                decision = get_object_or_404(CommendationDecision.objects.visible_to(request.user), pk=request.POST["decision"])
                services.accept_proposal(request.user, proposal, decision, request.POST.get("note", ""))
            else:
                services.decline_proposal(request.user, proposal, request.POST.get("note", ""))
            messages.success(request, _("Saved."))
        except (ValidationError, PermissionDenied) as error:
            messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
        return HttpResponseRedirect(reverse("awards:proposal-detail", args=[pk]))


class ProposalCreateView(ScopedCreateView):
    """A lower unit proposes collectives and individuals to the body above that issues decisions."""

    model = CommendationProposal
    form_class = ProposalForm
    template_name = "awards/proposal_form.html"
    page_title = gettext_lazy("New commendation proposal")

    def recipients(self):
        return ProposedRecipientFormSet(
            self.request.POST or None, queryset=ProposedRecipient.objects.none(), form_kwargs={"user": self.request.user},
            prefix="recipients",
        )

    def get_context_data(self, **kwargs):
        return {"recipients": self.recipients(), **super().get_context_data(**kwargs)}

    def form_valid(self, form):
        recipients = self.recipients()
        if not recipients.is_valid():
            return self.render_to_response(self.get_context_data(form=form, recipients=recipients))
        chosen = [item.instance for item in recipients if item.has_changed() and not item.cleaned_data.get("DELETE")]
        try:
            self.object = services.propose_commendation(self.request.user, form.instance, chosen)
        except ValidationError as error:
            attach_errors(form, error)
            return self.render_to_response(self.get_context_data(form=form, recipients=recipients))
        messages.success(self.request, _("Saved."))
        return HttpResponseRedirect(reverse("awards:proposal-detail", args=[self.object.pk]))
