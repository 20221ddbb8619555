"""Pages of commendation: decisions, printable certificates, proposals accepted or declined."""

from django.db.models import Count
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext_lazy

from danvan.awards import queries, services
from danvan.awards.documents import DECISION_KEY, certificate, decision_document
from danvan.awards.filters import DecisionFilter, ProposalFilter
from danvan.awards.forms import AcceptForm, DecisionForm, DeclineForm, ProposalForm, ProposedRecipientFormSet, RecipientForm
from danvan.awards.models import CommendationDecision, CommendationProposal, ProposedRecipient, Recipient
from danvan.core.audit import history
from danvan.core.choices import Role
from danvan.core.panels import panels_for
from danvan.core.documents.services import registered, with_registered_symbol
from danvan.core.documents.views import SourceDocumentView
from danvan.core.views import ParentFormView, ScopedCreateView, ScopedDetailView, ScopedListView
from danvan.core.workflow import transitions_of
from danvan.movement.models import Phase


class DecisionListView(ScopedListView):
    model = CommendationDecision
    filterset_class = DecisionFilter

    def get_queryset(self):
        decisions = super().get_queryset().select_related("issuing_body", "form")
        return queries.with_recipient_counts(with_registered_symbol(decisions, key=DECISION_KEY))

    def get_context_data(self, **kwargs):
        totals = queries.totals_by_form(self.object_list)
        return {**super().get_context_data(**kwargs), "totals": totals, "can_approve": self.request.user.can(Role.APPROVER)}


class DecisionDetailView(ScopedDetailView):
    model = CommendationDecision

    def get_queryset(self):
        return with_registered_symbol(super().get_queryset().select_related("issuing_body", "form", "phase"), key=DECISION_KEY)

    def get_context_data(self, **kwargs):
        user = self.request.user
        return {**super().get_context_data(**kwargs), "registered": registered(self.object, key=DECISION_KEY),
                "recipients": self.object.recipients.select_related("organization", "person", "initiative"),
                "recipient_form": RecipientForm(user=user), "can_approve": user.can(Role.APPROVER),
                "proposals": self.object.proposals.select_related("proposing_body"), "history": history(self.object),
                "panels": panels_for(user, self.object)}



class RecipientAddView(ParentFormView):
    """Add a collective or an individual to a decision."""

    model = CommendationDecision
    form_class = RecipientForm
    page_title = gettext_lazy("Add a recipient")

    def perform(self, form):
        return services.add_recipient(self.request.user, self.object, form.instance)


class DecisionCreateView(ScopedCreateView):
    model = CommendationDecision
    form_class = DecisionForm  # editors may prepare it; the service requires an approver to issue it
    page_title = gettext_lazy("New commendation decision")

    def get_initial(self):
        return {**super().get_initial(), "phase": Phase.objects.current()}

    def perform(self, form):
        return services.decide_commendation(self.request.user, form.instance)

    def get_success_url(self):
        return reverse("awards:decision-detail", args=[self.object.pk])


class CertificateView(ScopedDetailView):
    """A print-ready certificate for one recipient (the browser prints it, or saves it as PDF)."""

    model = Recipient
    template_name = "awards/certificate.html"

    def get_queryset(self):
        return super().get_queryset().select_related("decision__issuing_body__unit", "decision__form", "organization", "person", "initiative")

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "registered": registered(self.object.decision, key=DECISION_KEY)}


class CertificateDocumentView(SourceDocumentView):
    """The recipient's giấy khen as a registered .docx, issued the first time it is asked for; a refusal
    (no signer on the decision …) is said on the certificate's page."""

    model = Recipient

    def issue(self):
        return certificate(self.request.user, self.object)


class DecisionDocumentView(SourceDocumentView):
    """The decision with its attached list of recipients as a registered .docx; a refusal is said on the decision's page."""

    model = CommendationDecision

    def get_queryset(self):
        return super().get_queryset().select_related("issuing_body__unit", "form")

    def issue(self):
        return decision_document(self.request.user, self.object)


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
                "accept_form": AcceptForm(user=user, proposal=proposal), "decline_form": DeclineForm(user=user),
                "can_decide": user.can(Role.APPROVER) and proposal.status == "submitted" and proposal.proposed_by_id != user.pk,
                "own_proposal": proposal.status == "submitted" and proposal.proposed_by_id == user.pk, "history": history(proposal)}



class ProposalAcceptView(ParentFormView):
    model = CommendationProposal
    form_class = AcceptForm
    required_role = Role.APPROVER
    page_title = gettext_lazy("Accept the proposal")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "proposal": self.object}

    def perform(self, form):
        return services.accept_proposal(self.request.user, self.object, form.cleaned_data["decision"], form.cleaned_data["note"])


class ProposalDeclineView(ParentFormView):
    model = CommendationProposal
    form_class = DeclineForm
    required_role = Role.APPROVER
    page_title = gettext_lazy("Decline the proposal")

    def perform(self, form):
        return services.decline_proposal(self.request.user, self.object, form.cleaned_data["reason"])


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
        return {"recipients": kwargs.pop("recipients", None) or self.recipients(), **super().get_context_data(**kwargs)}

    def form_valid(self, form):
        self.formset = self.recipients()
        if not self.formset.is_valid():
            return self.form_invalid(form)
        return super().form_valid(form)

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form, recipients=getattr(self, "formset", None) or self.recipients()))

    def perform(self, form):
        chosen = [item.instance for item in self.formset if item.has_changed() and not item.cleaned_data.get("DELETE")]
        return services.propose_commendation(self.request.user, form.instance, chosen)

    def get_success_url(self):
        return reverse("awards:proposal-detail", args=[self.result.pk])


def initiative_commendations(user, initiative):
    """The commendations a model received, on the model's page."""
    # Whoever sees the model sees that it was commended, though the deciding body may sit above their units.
    recipients = list(Recipient.objects.filter(initiative=initiative)
                      .select_related("decision__form", "decision__issuing_body").order_by("-decision__date", "-pk"))
    if not recipients:
        return ""
    readable = set(Recipient.objects.visible_to(user).filter(pk__in=[r.pk for r in recipients]).values_list("pk", flat=True))
    decisions = CommendationDecision.objects.filter(pk__in={r.decision_id for r in recipients})
    symbols = dict(with_registered_symbol(decisions, key=DECISION_KEY).values_list("pk", "registered_symbol"))
    for recipient in recipients:
        recipient.decision.registered_symbol = symbols.get(recipient.decision_id)
    return render_to_string("awards/_initiative_commendations.html", {"recipients": recipients, "readable": readable})
