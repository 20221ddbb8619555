"""Dialogues, pages and API, as anonymous, as each role and as a user of another unit (``core/tests/cases.py``)."""

from danvan.core.tests.cases import ApiCases, MARKER, PageCases
from danvan.engagement.models import Dialogue, Petition
from danvan.engagement.tests.factories import DialogueFactory, PetitionFactory, chair_of, petition_field, petition_kind
from danvan.organizations.tests.factories import OrganizationFactory


class DialogueFixtures:
    model = Dialogue
    unchecked = ("read_version", "organizations")

    def make(self, tree, unit):
        return DialogueFactory(unit=unit, place=MARKER)

    def shown(self, record):
        return record.place


class TestDialoguePages(DialogueFixtures, PageCases):
    list_route, detail_route = "engagement:dialogue-list", "engagement:dialogue-detail"
    create_route, update_route = "engagement:dialogue-create", "engagement:dialogue-update"

    def create_data(self, tree):
        return {"kind": "periodic", "unit": tree.cc1.pk, "organizations": [OrganizationFactory(unit=tree.cc1).pk],
                "chair": chair_of(tree.cc1).pk, "date": "12/09/2025", "place": "Hội trường ấp Mới", "participants": "150",
                "opinions_raised": "20", "opinions_answered": "14", "summary": "Nhân dân phản ánh về đường giao thông nông thôn."}

    def update_data(self, tree, record):
        return {"kind": "thematic", "unit": record.unit_id, "organizations": [o.pk for o in record.organizations.all()],
                "chair": record.chair_id, "date": "13/09/2025", "place": "Nhà văn hóa ấp", "participants": "90",
                "opinions_raised": "8", "opinions_answered": "8", "summary": "", "read_version": record.version}


class TestDialogueApi(DialogueFixtures, ApiCases):
    api_url = "/api/v1/dialogues/"

    def create_data(self, tree):
        return {"kind": "periodic", "unit": tree.cc1.pk, "organizations": [OrganizationFactory(unit=tree.cc1).pk],
                "chair": chair_of(tree.cc1).pk, "date": "2025-09-12", "place": "Hội trường ấp Mới", "participants": 150,
                "opinions_raised": 20, "opinions_answered": 14, "summary": "Nhân dân phản ánh về đường giao thông nông thôn."}

    def update_data(self, tree, record):
        return {"kind": "thematic", "place": "Nhà văn hóa ấp", "participants": 90, "opinions_raised": 8, "opinions_answered": 8}


class PetitionFixtures:
    model = Petition

    def make(self, tree, unit):
        return PetitionFactory(unit=unit, content=MARKER)

    def shown(self, record):
        return record.content


class TestPetitionPages(PetitionFixtures, PageCases):
    list_route, detail_route = "engagement:petition-list", "engagement:petition-detail"
    create_route, update_route = "engagement:petition-create", "engagement:petition-update"

    def create_data(self, tree):
        return {"unit": tree.cc1.pk, "channel": "letter", "dialogue": "", "kind": petition_kind().pk, "field": petition_field().pk,
                "content": "Đề nghị nạo vét kênh thủy lợi ấp Mới", "petitioner_name": "Lê Văn Tư", "petitioner_contact": "0987 654 321",
                "received_on": "15/09/2025", "assigned_to": OrganizationFactory(unit=tree.cc1).pk}

    def update_data(self, tree, record):
        return {"unit": record.unit_id, "channel": "phone", "dialogue": "", "kind": record.kind_id, "field": petition_field("Môi trường").pk,
                "content": "Đề nghị nạo vét kênh thủy lợi", "received_on": "16/09/2025", "read_version": record.version}


class TestPetitionApi(PetitionFixtures, ApiCases):
    api_url = "/api/v1/petitions/"
    unchecked = ("read_version", "petitioner_name", "petitioner_contact")

    def create_data(self, tree):
        return {"unit": tree.cc1.pk, "channel": "letter", "kind": petition_kind().pk, "field": petition_field().pk,
                "content": "Đề nghị nạo vét kênh thủy lợi ấp Mới", "petitioner_name": "Lê Văn Tư",
                "received_on": "2025-09-15", "assigned_to": OrganizationFactory(unit=tree.cc1).pk}

    def update_data(self, tree, record):
        return {"channel": "phone", "content": "Đề nghị nạo vét kênh thủy lợi", "received_on": "2025-09-16"}
