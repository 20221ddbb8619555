import datetime

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.views import generic

from danvan.core.audit import history
from danvan.core.documents.views import SourceDocumentView
from danvan.core.choices import Role
from danvan.core.panels import panels_for
from danvan.core.exports import XlsxExportMixin, plain
from danvan.core.filters import read_query
from danvan.core.services import save_record
from danvan.core.views import ScopedCreateView, ScopedDetailView, ScopedListView, ScopedMixin, ScopedUpdateView
from danvan.core.workflow import transitions_of
from danvan.core.views import CappedCountPaginator, ParentFormView, ScopedFileView
from danvan.directives import services as directive_services
from danvan.directives.models import ObligationFulfilment
from danvan.core.views import ImportView
from danvan.oversight import imports
from danvan.oversight import queries, services
from danvan.oversight.choices import FindingPart, FollowUpStatus, MissionStatus
from danvan.oversight.filters import FollowUpFilter, MeetingFilter, MissionFilter, MonthQuery, PlanQuery, SupervisionPlanFilter
from danvan.oversight.forms import (
    AttendeeForm, DocumentForm, FindingForm, FollowUpForm, MeetingForm, MeetingFulfilmentForm, MemberForm, MissionForm, ProgressForm,
    SupervisionPlanForm, TargetForm, TransitionForm,
)
from danvan.oversight.models import FollowUp, Meeting, MeetingDocument, Mission, MissionDocument, ProgressNote, SupervisionPlan
from danvan.oversight import reports
from danvan.oversight.services import FOLLOW_UP_FLOW, MISSION_FLOW


# --- missions -------------------------------------------------------------------------------------

class MissionListView(XlsxExportMixin, ScopedListView):
    model = Mission
    filterset_class = MissionFilter
    export_filename = "doan-cong-tac.xlsx"
    export_columns = [
        (_("Kind"), lambda m: m.get_kind_display()), (_("Subject"), lambda m: m.subject),
        (_("Leading organisation"), lambda m: m.leading_organization), (_("Planned start"), lambda m: m.planned_start),
        (_("Actual start"), lambda m: m.started_on), (_("Status"), lambda m: m.get_status_display()),
    ]

    def get_queryset(self):
        return super().get_queryset().select_related("leading_organization", "unit")


class MissionDetailView(ScopedDetailView):
    model = Mission

    def get_queryset(self):
        return super().get_queryset().select_related("unit", "leading_organization", "plan")

    def get_context_data(self, **kwargs):
        mission, user = self.object, self.request.user
        findings = list(mission.findings.select_related("target__unit", "target__organization"))
        return {
            **super().get_context_data(**kwargs),
            "members": mission.members.select_related("person"),
            "targets": mission.targets.select_related("unit", "organization", "received_by"),
            "finding_parts": [(part.label, [f for f in findings if f.part == part]) for part in FindingPart],
            "follow_ups": mission.follow_ups.select_related("owner_unit", "owner_organization"),
            "documents": mission.documents.all(),
            "directives": mission.directives.all(),
            "transitions": transitions_of(mission),
            "targets_allowed": MISSION_FLOW.targets(mission, user),
            "history": history(mission),
            "panels": panels_for(self.request.user, mission),  # the articles reporting it (news)
            "can_edit": user.can(Role.EDITOR),
        }


class MissionFormMixin:
    model = Mission
    form_class = MissionForm

    def perform(self, form):
        return services.plan_mission(self.request.user, form.instance, directives=form.cleaned_data["directives"])


class MissionCreateView(MissionFormMixin, ScopedCreateView):
    page_title = _("New mission")

    def get_initial(self):
        return {**super().get_initial(), "plan": read_query(self.request, PlanQuery)["plan"]}


class MissionUpdateView(MissionFormMixin, ScopedUpdateView):
    pass


class MissionMemberAddView(ParentFormView):
    model = Mission
    form_class = MemberForm
    page_title = _("Add a member")

    def perform(self, form):
        d = form.cleaned_data
        return services.add_member(self.request.user, self.object, d["person"], d["title"], d["is_leader"])


class MissionTargetAddView(ParentFormView):
    model = Mission
    form_class = TargetForm
    page_title = _("Add a target")

    def perform(self, form):
        d = form.cleaned_data
        return services.add_target(self.request.user, self.object, d["unit"], d["organization"], d["received_by"])


class FindingAddView(ParentFormView):
    model = Mission
    form_class = FindingForm
    page_title = _("Record a finding")

    def get(self, request, *args, **kwargs):
        # Said before the official types, not after: a planned or closed mission takes no findings.
        self.object = self.get_object()
        if not self.object.takes_findings:
            messages.warning(request, services.FINDINGS_WAIT)
            return redirect(self.object)
        return super().get(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "mission": self.object}

    def perform(self, form):
        d = form.cleaned_data
        return services.record_finding(self.request.user, self.object, d["part"], d["text"], d["target"])


class FollowUpAddView(ParentFormView):
    """A recommendation of a mission or a task of a meeting: one form, one model."""

    form_class = FollowUpForm
    page_title = _("New follow-up")

    def get_form_kwargs(self):
        source = {"mission" if isinstance(self.object, Mission) else "meeting": self.object}
        return {**super().get_form_kwargs(), "instance": FollowUp(**source)}

    def get_initial(self):
        return {"owner_unit": self.object.unit_id}

    def perform(self, form):
        return services.assign_follow_up(self.request.user, form.instance)


class MissionFollowUpAddView(FollowUpAddView):
    model = Mission

    def get_initial(self):
        # A mission to one commune gives its recommendations to that commune, not to the unit that sent it.
        places = set(self.object.targets.values_list("unit_id", flat=True))
        return {"owner_unit": places.pop()} if len(places) == 1 else super().get_initial()


class MeetingFollowUpAddView(FollowUpAddView):
    model = Meeting


class DocumentAddView(ParentFormView):
    form_class = DocumentForm
    page_title = _("Add a document")
    document_model = None

    def perform(self, form):
        parent_field = self.model._meta.model_name
        document = self.document_model(**{parent_field: self.object}, title=form.cleaned_data["title"],
                                       file=form.cleaned_data["file"], uploaded_by=self.request.user)
        return save_record(self.request.user, document)


class MissionDocumentAddView(DocumentAddView):
    model = Mission
    document_model = MissionDocument


class MeetingDocumentAddView(DocumentAddView):
    model = Meeting
    document_model = MeetingDocument


class TransitionView(ParentFormView):
    """Move a mission or follow-up through its lifecycle; a refused move shows its reason on the form."""

    form_class = TransitionForm
    page_title = _("Change the status")
    workflow = None
    dated = ()  # the states whose service keeps the day it happened

    def get_form_kwargs(self):
        labels = dict(self.model._meta.get_field("status").flatchoices)
        targets = [(to, labels[to]) for to in self.workflow.targets(self.object, self.request.user)]
        return {**super().get_form_kwargs(), "targets": targets, "dated": self.dated}


class MissionTransitionView(TransitionView):
    model = Mission
    workflow = MISSION_FLOW
    dated = (MissionStatus.IN_PROGRESS, MissionStatus.CONCLUDED)

    def perform(self, form):
        return services.move_mission(self.request.user, self.object, form.cleaned_data["to"], form.cleaned_data["note"], on=form.cleaned_data.get("on"))


class MissionReportView(SourceDocumentView):
    """The mission's findings and recommendations as a registered Word document."""

    model = Mission

    def issue(self):
        return reports.mission_report(self.request.user, self.object)

    def filename(self):
        return (slugify(f"bao-cao-{self.object.get_kind_display()}-{self.object.planned_start:%Y%m%d}") or "bao-cao") + ".docx"


class MissionNoticeView(SourceDocumentView):
    """The mission's conclusion notice (thông báo kết luận) as a registered Word document."""

    model = Mission

    def issue(self):
        return reports.mission_notice(self.request.user, self.object)

    def filename(self):
        return (slugify(f"thong-bao-ket-luan-{self.object.get_kind_display()}-{self.object.planned_start:%Y%m%d}") or "thong-bao") + ".docx"


class MissionDocumentFileView(ScopedFileView):
    model = MissionDocument


# --- meetings -------------------------------------------------------------------------------------

class MeetingListView(XlsxExportMixin, ScopedListView):
    model = Meeting
    filterset_class = MeetingFilter
    export_filename = "hoi-nghi.xlsx"
    export_columns = [
        (_("Kind"), lambda m: m.get_kind_display()), (_("Title"), lambda m: m.title), (_("Date"), lambda m: m.held_on),
        (_("Place"), lambda m: m.place), (_("Chair"), lambda m: m.chair or ""), (_("Conclusions"), lambda m: m.conclusions),
    ]

    def get_queryset(self):
        return super().get_queryset().select_related("organization", "chair", "unit")


class MeetingDetailView(ScopedDetailView):
    model = Meeting

    def get_queryset(self):
        return super().get_queryset().select_related("unit", "organization", "chair")

    def get_context_data(self, **kwargs):
        meeting, user = self.object, self.request.user
        return {
            **super().get_context_data(**kwargs),
            "attendees": meeting.attendees.select_related("person"),
            "follow_ups": meeting.follow_ups.select_related("owner_unit", "owner_organization"),
            "documents": meeting.documents.all(),
            "directives": meeting.directives.all(),
            "fulfilments": ObligationFulfilment.objects.filter(
                content_type__app_label="oversight", content_type__model="meeting", object_id=meeting.pk).select_related("obligation"),
            "history": history(meeting),
            "panels": panels_for(self.request.user, meeting),
            "can_edit": user.can(Role.EDITOR),
        }


class MeetingNoticeView(SourceDocumentView):
    """The meeting's conclusion notice with the tasks it set, as a registered Word document."""

    model = Meeting

    def issue(self):
        return reports.meeting_notice(self.request.user, self.object)

    def filename(self):
        return (slugify(f"thong-bao-ket-luan-{self.object.get_kind_display()}-{self.object.held_on:%Y%m%d}") or "thong-bao") + ".docx"


class MeetingFormMixin:
    model = Meeting
    form_class = MeetingForm

    def perform(self, form):
        return services.record_meeting(self.request.user, form.instance, directives=form.cleaned_data["directives"])


class MeetingCreateView(MeetingFormMixin, ScopedCreateView):
    page_title = _("New meeting")

    def get_initial(self):
        return {"unit": self.request.user.unit_id}


class MeetingUpdateView(MeetingFormMixin, ScopedUpdateView):
    pass


class MeetingAttendeeAddView(ParentFormView):
    model = Meeting
    form_class = AttendeeForm
    page_title = _("Add an attendee")

    def perform(self, form):
        return services.add_attendee(self.request.user, self.object, form.cleaned_data["person"], form.cleaned_data["title"])


class MeetingFulfilmentAddView(ParentFormView):
    """Record that the meeting met an obligation of its unit (the dialogue a directive asks for every year)."""

    model = Meeting
    form_class = MeetingFulfilmentForm
    page_title = _("Record an obligation it meets")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "meeting": self.object}

    def perform(self, form):
        meeting = self.object
        return directive_services.record_fulfilment(self.request.user, form.cleaned_data["obligation"], meeting.unit,
                                                    meeting.held_on.year, record=meeting, fulfilled_on=meeting.held_on)


class MeetingDocumentFileView(ScopedFileView):
    model = MeetingDocument


# --- follow-ups -----------------------------------------------------------------------------------

FOLLOW_UP_COLUMNS = [
    (_("Follow-up"), lambda f: f.text), (_("Kind"), lambda f: f.get_kind_display()), (_("From"), lambda f: f.source),
    (_("Owner unit"), lambda f: f.owner_unit), (_("Owner organisation"), lambda f: f.owner_organization or ""),
    (_("Deadline"), lambda f: f.deadline), (_("Status"), lambda f: f.get_status_display()),
    (_("Overdue"), lambda f: _("Yes") if f.is_overdue else ""),
]


class FollowUpListView(XlsxExportMixin, ScopedListView):
    model = FollowUp
    filterset_class = FollowUpFilter
    template_name = "oversight/followup_list.html"
    export_filename = "kien-nghi-nhiem-vu.xlsx"
    export_columns = FOLLOW_UP_COLUMNS
    page_title = _("Follow-ups")

    def get_queryset(self):
        return super().get_queryset().select_related("owner_unit", "owner_organization", "mission", "meeting")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        return {**context, "page_title": self.page_title, "today": datetime.date.today(), "rows": queries.follow_up_rows(context["object_list"])}


class MyOpenFollowUpsView(FollowUpListView):
    """My units' open follow-ups, the nearest deadline first."""

    page_title = _("My units' open follow-ups")
    paginator_class = CappedCountPaginator
    export_filename = "kien-nghi-dang-mo.xlsx"

    def get_queryset(self):
        return queries.open_follow_ups(self.request.user)


class DueSoonView(FollowUpListView):
    page_title = _("Falling due in the next 14 days")
    export_filename = "kien-nghi-sap-den-han.xlsx"

    def get_queryset(self):
        return queries.due_soon(self.request.user)


class FollowUpDetailView(ScopedDetailView):
    model = FollowUp

    def get_queryset(self):
        return super().get_queryset().select_related("owner_unit", "owner_organization", "mission", "meeting")

    def get_context_data(self, **kwargs):
        item, user = self.object, self.request.user
        source = item.source
        return {
            **super().get_context_data(**kwargs),
            "source_visible": type(source).objects.visible_to(user).filter(pk=source.pk).exists(),
            "notes": item.progress_notes.select_related("by"),
            "transitions": transitions_of(item),
            "targets_allowed": FOLLOW_UP_FLOW.targets(item, user),
            "history": history(item),
            "can_edit": user.can(Role.EDITOR),
        }


class FollowUpUpdateView(ScopedUpdateView):
    model = FollowUp
    form_class = FollowUpForm

    def perform(self, form):
        return services.assign_follow_up(self.request.user, form.instance)


class ProgressAddView(ParentFormView):
    model = FollowUp
    form_class = ProgressForm
    page_title = _("Report progress")

    def perform(self, form):
        d = form.cleaned_data
        return services.report_progress(self.request.user, self.object, d["text"], d["file"], d["noted_on"])


class FollowUpTransitionView(TransitionView):
    model = FollowUp
    workflow = FOLLOW_UP_FLOW
    dated = (FollowUpStatus.DONE,)

    def perform(self, form):
        return services.move_follow_up(self.request.user, self.object, form.cleaned_data["to"], form.cleaned_data["note"], on=form.cleaned_data.get("on"))


class ProgressFileView(ScopedFileView):
    model = ProgressNote


# --- supervision plans and calendar ---------------------------------------------------------------

class SupervisionPlanListView(XlsxExportMixin, ScopedListView):
    model = SupervisionPlan
    filterset_class = SupervisionPlanFilter
    export_filename = "ke-hoach-giam-sat.xlsx"
    export_columns = [(_("Plan"), str), (_("Organisation"), lambda p: p.organization), (_("Year"), lambda p: plain(p.year)),
                      (_("Planned"), lambda p: p.planned), (_("Done"), lambda p: p.done)]

    def get_queryset(self):
        return queries.plans_with_progress(super().get_queryset().select_related("organization"))


class SupervisionPlanDetailView(ScopedDetailView):
    model = SupervisionPlan

    def get_queryset(self):
        return queries.plans_with_progress(super().get_queryset().select_related("organization", "unit"))

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "missions": self.object.missions.visible_to(self.request.user),
                "history": history(self.object), "can_edit": self.request.user.can(Role.EDITOR)}


class SupervisionPlanCreateView(ScopedCreateView):
    model = SupervisionPlan
    form_class = SupervisionPlanForm
    page_title = _("New supervision plan")

    def perform(self, form):
        return save_record(self.request.user, form.instance)


class CalendarView(ScopedMixin, generic.TemplateView):
    """Missions, meetings, follow-up deadlines and obligations of a month, server-rendered, one colour a kind."""

    model = Mission
    template_name = "oversight/calendar.html"

    def month(self):
        today, query = datetime.date.today(), read_query(self.request, MonthQuery)
        return datetime.date(query["year"] or today.year, query["month"] or today.month, 1)

    def get_context_data(self, **kwargs):
        first = self.month()
        previous = (first - datetime.timedelta(days=1)).replace(day=1)
        following = (first + datetime.timedelta(days=31)).replace(day=1)
        return {**super().get_context_data(**kwargs), "first": first, "previous": previous, "following": following,
                "weeks": queries.month_calendar(self.request.user, first.year, first.month), "kinds": queries.CALENDAR_KINDS}


class FollowUpImportView(ImportView):
    model = FollowUp
    page_title = _("Import follow-ups from Excel")
    list_url = "oversight:follow-up-list"
    template_filename = "mau-nhap-kien-nghi-nhiem-vu.xlsx"
    imported_message = _("%(count)s follow-ups assigned.")
    rules = (_("A follow-up its mission or meeting already gave the same unit is a wrong row: importing the same file again assigns nothing twice."),
             _("A deadline already past is accepted (the follow-up is then overdue); a date that does not exist is a wrong row."))
    build_template, importer = imports.template_workbook, imports.import_follow_ups
