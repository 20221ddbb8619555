from django.utils.translation import gettext_lazy as _

from danvan.core.audit import history
from danvan.core.choices import Role
from danvan.core.exports import XlsxExportMixin
from danvan.core.views import ScopedCreateView, ScopedDetailView, ScopedListView, ScopedUpdateView
from danvan.engagement import services
from danvan.engagement.filters import DialogueFilter
from danvan.engagement.forms import DialogueForm
from danvan.engagement.models import Dialogue


# --- dialogues ------------------------------------------------------------------------------------

class DialogueListView(XlsxExportMixin, ScopedListView):
    model = Dialogue
    filterset_class = DialogueFilter
    export_filename = "doi-thoai.xlsx"
    export_columns = [
        (_("Kind"), lambda d: d.get_kind_display()), (_("Date"), lambda d: d.date), (_("Unit"), lambda d: d.unit),
        (_("Chair"), lambda d: f"{d.chair}, {d.chair_title}"), (_("Place"), lambda d: d.place),
        (_("Participants (lượt)"), lambda d: d.participants), (_("Opinions raised"), lambda d: d.opinions_raised),
        (_("Answered on the spot"), lambda d: d.opinions_answered),
    ]

    def get_queryset(self):
        return super().get_queryset().select_related("unit", "chair")


class DialogueDetailView(ScopedDetailView):
    model = Dialogue

    def get_queryset(self):
        return super().get_queryset().select_related("unit", "chair")

    def get_context_data(self, **kwargs):
        dialogue, user = self.object, self.request.user
        return {
            **super().get_context_data(**kwargs),
            "organizations": dialogue.organizations.all(),
            "history": history(dialogue),
            "can_edit": user.can(Role.EDITOR),
        }


class DialogueFormMixin:
    model = Dialogue
    form_class = DialogueForm

    def perform(self, form):
        return services.record_dialogue(self.request.user, form.instance, organizations=form.cleaned_data["organizations"])


class DialogueCreateView(DialogueFormMixin, ScopedCreateView):
    page_title = _("New dialogue")


class DialogueUpdateView(DialogueFormMixin, ScopedUpdateView):
    pass
