from django.contrib.auth.decorators import login_required
from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.permissions import IsAuthenticated
from rest_framework.routers import DefaultRouter

from danvan.accounts.api import ObtainTokenView
from danvan.api.views import no_such_endpoint
from danvan.core.documents.api import DocumentViewSet
from danvan.awards.api import CommendationDecisionViewSet, CommendationProposalViewSet
from danvan.movement.api import AppraisalViewSet, InitiativeViewSet, RecognitionViewSet, ReplicationViewSet
from danvan.engagement.api import DialogueViewSet, HotCaseViewSet, PetitionViewSet
from danvan.members.api import MembershipViewSet, MemberStatsViewSet
from danvan.directives.api import DirectiveViewSet, ImplementationViewSet, ObligationViewSet
from danvan.organizations.api import OrganizationViewSet
from danvan.oversight.api import FindingViewSet, FollowUpViewSet, MeetingViewSet, MissionViewSet
from danvan.people.api import PersonViewSet
from danvan.reporting.api import CompletenessView, IndicatorListView, IndicatorValuesView, SubmissionViewSet
from danvan.units.api import UnitViewSet
from danvan.news.api import ArticleViewSet

router = DefaultRouter()
router.register("units", UnitViewSet, basename="unit")
router.register("organizations", OrganizationViewSet, basename="organization")
router.register("directives", DirectiveViewSet, basename="directive")
router.register("documents", DocumentViewSet, basename="document")
router.register("implementations", ImplementationViewSet, basename="implementation")
router.register("obligations", ObligationViewSet, basename="obligation")
router.register("missions", MissionViewSet, basename="mission")
router.register("findings", FindingViewSet, basename="finding")
router.register("meetings", MeetingViewSet, basename="meeting")
router.register("follow-ups", FollowUpViewSet, basename="follow-up")
router.register("dialogues", DialogueViewSet, basename="dialogue")
router.register("petitions", PetitionViewSet, basename="petition")
router.register("hot-cases", HotCaseViewSet, basename="hot-case")
router.register("memberships", MembershipViewSet, basename="membership")
router.register("members", MemberStatsViewSet, basename="member")
router.register("initiatives", InitiativeViewSet, basename="initiative")
router.register("recognitions", RecognitionViewSet, basename="recognition")
router.register("appraisals", AppraisalViewSet, basename="appraisal")
router.register("replications", ReplicationViewSet, basename="replication")
router.register("commendation-decisions", CommendationDecisionViewSet, basename="commendation-decision")
router.register("commendation-proposals", CommendationProposalViewSet, basename="commendation-proposal")
router.register("persons", PersonViewSet, basename="person")
router.register("articles", ArticleViewSet, basename="article")
router.register("submissions", SubmissionViewSet, basename="submission")

app_name = "api"
urlpatterns = [
    path("auth/token/", ObtainTokenView.as_view(), name="token"),
    # The schema and its docs show every operation and field: for signed-in users only (a token or a session).
    path("schema/", SpectacularAPIView.as_view(permission_classes=[IsAuthenticated]), name="schema"),
    # The docs page loads its init script from its own address (?script): no inline script for the CSP.
    path("docs/", login_required(SpectacularSwaggerSplitView.as_view(url_name="api:schema", template_name="api/swagger_ui.html")), name="docs"),
    path("indicators/", IndicatorListView.as_view(), name="indicator-list"),
    path("indicators/values/", IndicatorValuesView.as_view(), name="indicator-values"),
    path("completeness/", CompletenessView.as_view(), name="completeness"),
    path("", include(router.urls)),
    re_path(r"", no_such_endpoint, name="not-found"),
]
