"""The movement's lifecycle and every bad-input rule of the issue, through the services."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from danvan.core.choices import Role
from danvan.core.workflow import TransitionNotAllowed, transitions_of
from danvan.movement import services
from danvan.movement.choices import AppraisalOutcome, AttachmentKind, RecognitionLevel, Status
from danvan.movement.models import Initiative, Recognition
from danvan.movement.tests.factories import FieldFactory, InitiativeFactory, PhaseFactory, RecognitionFactory
from danvan.organizations.tests.factories import OrganizationFactory

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def new_initiative(unit, owner, name="Tổ dần đổi công", year=2018, **kwargs):
    return Initiative(name=name, unit=unit, owner_organization=owner, phase=PhaseFactory(), registration_year=year, **kwargs)


@pytest.fixture
def commune_editor(tree, make_user):
    return make_user(unit=tree.lc1, role=Role.EDITOR)


@pytest.fixture
def commune_approver(tree, make_user):
    return make_user(unit=tree.lc1, role=Role.APPROVER)


@pytest.fixture
def district_approver(tree, make_user):
    return make_user(unit=tree.ld1, role=Role.APPROVER)


def test_a_registration_walks_from_draft_to_recognised_and_every_step_is_recorded(tree, commune_editor, commune_approver):
    owner = OrganizationFactory(unit=tree.lc1)
    initiative = services.register_initiative(commune_editor, new_initiative(tree.lh1, owner), fields=[FieldFactory()])
    assert initiative.status == Status.DRAFT
    services.submit(commune_editor, initiative)
    services.return_registration(commune_approver, initiative, "Thiếu mục tiêu")
    services.submit(commune_editor, initiative)
    services.approve_registration(commune_approver, initiative)
    appraisal = services.appraise(commune_approver, initiative, level=RecognitionLevel.COMMUNE, year=2019,
                                  outcome=AppraisalOutcome.MET)
    services.recognise_initiative(commune_approver, initiative, level=RecognitionLevel.COMMUNE, year=2019,
                                  decided_on=datetime.date(2019, 12, 1), document="05/QĐ-BCĐ", appraisal=appraisal, outstanding=True)
    initiative.refresh_from_db()
    assert initiative.status == Status.RECOGNISED and initiative.is_outstanding
    assert initiative.highest_level == RecognitionLevel.COMMUNE
    steps = [(record.source, record.target, record.by) for record in transitions_of(initiative)]
    assert steps[0] == (Status.DRAFT, Status.SUBMITTED, commune_editor)
    assert steps[1][1] == Status.RETURNED
    assert [target for _, target, _ in steps][-2:] == [Status.UNDER_APPRAISAL, Status.RECOGNISED]


def test_registering_without_an_owner_is_refused_and_nothing_is_saved(tree, commune_editor):
    with pytest.raises(ValidationError) as error:
        services.register_initiative(commune_editor, new_initiative(tree.lc1, None), fields=[FieldFactory()])
    assert "owner_organization" in error.value.message_dict
    assert not Initiative.objects.exists()


def test_a_registration_year_outside_its_phase_is_refused(tree, commune_editor):
    owner = OrganizationFactory(unit=tree.lc1)
    with pytest.raises(ValidationError) as error:
        services.register_initiative(commune_editor, new_initiative(tree.lc1, owner, year=2022), fields=[FieldFactory()])
    assert "registration_year" in error.value.message_dict


def test_an_owner_organisation_of_another_units_subtree_is_refused(tree, commune_editor):
    elsewhere = OrganizationFactory(unit=tree.lc2)
    with pytest.raises(ValidationError) as error:
        services.register_initiative(commune_editor, new_initiative(tree.lc1, elsewhere), fields=[FieldFactory()])
    assert "owner_organization" in error.value.message_dict


def test_a_commune_organisation_may_own_a_model_in_one_of_its_hamlets(tree, commune_editor):
    owner = OrganizationFactory(unit=tree.lc1)
    initiative = services.register_initiative(commune_editor, new_initiative(tree.lh1, owner), fields=[FieldFactory()])
    assert initiative.pk


def test_a_duplicate_registration_is_warned_and_saved_only_when_confirmed(tree, commune_editor):
    owner = OrganizationFactory(unit=tree.lc1)
    services.register_initiative(commune_editor, new_initiative(tree.lc1, owner, name="Tổ dần đổi công"), fields=[FieldFactory()])
    with pytest.raises(services.DuplicateRegistration):
        services.register_initiative(commune_editor, new_initiative(tree.lc1, owner, name="  to DAN doi   cong "), fields=[FieldFactory()])
    assert Initiative.objects.count() == 1
    services.register_initiative(commune_editor, new_initiative(tree.lc1, owner, name="to dan doi cong"),
                                 fields=[FieldFactory()], confirm_duplicate=True)
    assert Initiative.objects.count() == 2


def test_the_same_name_for_another_owner_is_no_duplicate(tree, commune_editor):
    services.register_initiative(commune_editor, new_initiative(tree.lc1, OrganizationFactory(unit=tree.lc1)), fields=[FieldFactory()])
    services.register_initiative(commune_editor, new_initiative(tree.lc1, OrganizationFactory(unit=tree.lc1)), fields=[FieldFactory()])
    assert Initiative.objects.count() == 2


def test_a_registration_needs_a_field(tree, commune_editor):
    with pytest.raises(ValidationError) as error:
        services.register_initiative(commune_editor, new_initiative(tree.lc1, OrganizationFactory(unit=tree.lc1)), fields=[])
    assert "fields" in error.value.message_dict
    assert not Initiative.objects.exists()


def test_a_registration_outside_the_users_units_is_refused(tree, commune_editor):
    owner = OrganizationFactory(unit=tree.lc2)
    with pytest.raises(ValidationError):
        services.register_initiative(commune_editor, new_initiative(tree.lc2, owner), fields=[FieldFactory()])
    assert not Initiative.objects.exists()


def test_a_viewer_cannot_register(tree, make_user):
    viewer = make_user(unit=tree.lc1, role=Role.VIEWER)
    with pytest.raises(PermissionDenied):
        services.register_initiative(viewer, new_initiative(tree.lc1, OrganizationFactory(unit=tree.lc1)), fields=[FieldFactory()])


def test_a_forbidden_transition_is_refused_with_a_message(tree, commune_approver):
    initiative = InitiativeFactory(unit=tree.lc1, status=Status.DRAFT)
    with pytest.raises(TransitionNotAllowed) as error:
        services.approve_registration(commune_approver, initiative)
    assert error.value.messages
    initiative.refresh_from_db()
    assert initiative.status == Status.DRAFT


def test_returning_a_registration_needs_a_reason(tree, commune_approver):
    initiative = InitiativeFactory(unit=tree.lc1, status=Status.SUBMITTED)
    with pytest.raises(TransitionNotAllowed):
        services.return_registration(commune_approver, initiative, "  ")
    initiative.refresh_from_db()
    assert initiative.status == Status.SUBMITTED


def test_an_editor_cannot_approve(tree, commune_editor):
    """A missing role is refused by the workflow itself as a permission (403 on the API), not as bad input."""
    initiative = InitiativeFactory(unit=tree.lc1, status=Status.SUBMITTED)
    with pytest.raises(PermissionDenied):
        services.approve_registration(commune_editor, initiative)
    initiative.refresh_from_db()
    assert initiative.status == Status.SUBMITTED


def test_recognising_a_draft_is_refused(tree, commune_approver):
    initiative = InitiativeFactory(unit=tree.lc1, status=Status.DRAFT)
    with pytest.raises(TransitionNotAllowed):
        services.recognise_initiative(commune_approver, initiative, level=RecognitionLevel.COMMUNE, year=2019,
                                      decided_on=datetime.date(2019, 5, 1))
    assert not Recognition.objects.exists()


def test_a_commune_approver_cannot_grant_district_level(tree, commune_approver):
    initiative = InitiativeFactory(unit=tree.lc1, status=Status.UNDER_APPRAISAL)
    with pytest.raises(ValidationError) as error:
        services.recognise_initiative(commune_approver, initiative, level=RecognitionLevel.DISTRICT, year=2019,
                                      decided_on=datetime.date(2019, 5, 1))
    assert "level" in error.value.message_dict
    assert not Recognition.objects.exists()


def test_a_district_approver_recognises_again_higher_in_a_later_year(tree, commune_approver, district_approver):
    initiative = InitiativeFactory(unit=tree.lc1, status=Status.UNDER_APPRAISAL)
    services.recognise_initiative(commune_approver, initiative, level=RecognitionLevel.COMMUNE, year=2019,
                                  decided_on=datetime.date(2019, 5, 1))
    with pytest.raises(ValidationError):  # not higher than before
        services.recognise_initiative(district_approver, initiative, level=RecognitionLevel.COMMUNE, year=2020,
                                      decided_on=datetime.date(2020, 5, 1))
    services.recognise_initiative(district_approver, initiative, level=RecognitionLevel.DISTRICT, year=2020,
                                  decided_on=datetime.date(2020, 8, 4))
    initiative.refresh_from_db()
    assert initiative.highest_level == RecognitionLevel.DISTRICT
    assert initiative.recognitions.count() == 2


def test_no_new_district_recognition_after_the_2025_reform(tree, district_approver):
    initiative = InitiativeFactory(unit=tree.lc1, status=Status.UNDER_APPRAISAL)
    with pytest.raises(ValidationError) as error:
        services.recognise_initiative(district_approver, initiative, level=RecognitionLevel.DISTRICT, year=2025,
                                      decided_on=datetime.date(2025, 8, 1))
    assert "level" in error.value.message_dict


def test_old_district_recognitions_stay_as_history(tree):
    recognition = RecognitionFactory(initiative__unit=tree.lc1, level=RecognitionLevel.DISTRICT, year=2020)
    assert Recognition.objects.get(pk=recognition.pk).level == RecognitionLevel.DISTRICT


def test_a_not_met_appraisal_ends_as_not_recognised(tree, commune_approver):
    initiative = InitiativeFactory(unit=tree.lc1, status=Status.REGISTERED)
    services.appraise(commune_approver, initiative, level=RecognitionLevel.COMMUNE, year=2019, outcome=AppraisalOutcome.NOT_MET)
    initiative.refresh_from_db()
    assert initiative.status == Status.NOT_RECOGNISED


def test_the_appraisal_keeps_each_criterion_with_its_evidence(tree, commune_approver):
    from danvan.movement.models import Criterion

    initiative = InitiativeFactory(unit=tree.lc1, status=Status.REGISTERED)
    criteria = list(Criterion.objects.filter(holder="collective"))
    assert len(criteria) == 5
    checks = [(criterion, index != 2, f"Bằng chứng {index}", 2) for index, criterion in enumerate(criteria)]
    appraisal = services.appraise(commune_approver, initiative, level=RecognitionLevel.COMMUNE, year=2019,
                                  outcome=AppraisalOutcome.NOT_MET, checks=checks, appraisers="Ban Chỉ đạo xã")
    assert appraisal.checks.filter(met=True).count() == 4
    assert appraisal.checks.get(met=False).evidence == "Bằng chứng 2"


def test_a_replication_of_itself_or_into_the_same_unit_is_refused(tree, commune_editor):
    origin = InitiativeFactory(unit=tree.lc1)
    with pytest.raises(ValidationError) as error:
        services.replicate(commune_editor, origin, unit=tree.lh1, adopted_on=datetime.date(2020, 1, 1), adopter=origin)
    assert "adopter" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        services.replicate(commune_editor, origin, unit=tree.lc1, adopted_on=datetime.date(2020, 1, 1))
    assert "unit" in error.value.message_dict
    services.replicate(commune_editor, origin, unit=tree.lh1, adopted_on=datetime.date(2020, 1, 1))
    assert origin.replications.count() == 1


def test_a_result_update_keeps_the_latest_date_on_the_initiative(tree, commune_editor):
    initiative = InitiativeFactory(unit=tree.lc1)
    services.record_result(commune_editor, initiative, date=datetime.date(2020, 5, 1), text="50 hộ", beneficiaries=50)
    services.record_result(commune_editor, initiative, date=datetime.date(2020, 1, 1), text="Trước đó")
    initiative.refresh_from_db()
    assert initiative.last_result_on == datetime.date(2020, 5, 1)
    assert initiative.result_updates.get(date=datetime.date(2020, 5, 1)).beneficiaries == 50


def test_a_photo_that_is_not_an_image_is_refused(tree, commune_editor):
    initiative = InitiativeFactory(unit=tree.lc1)
    fake = SimpleUploadedFile("anh.jpg", b"MZ not an image at all")
    with pytest.raises(ValidationError) as error:
        services.add_attachment(commune_editor, initiative, file=fake, kind=AttachmentKind.PHOTO)
    assert "file" in error.value.message_dict
    assert not initiative.attachments.exists()


def test_a_photo_larger_than_the_limit_is_refused(tree, commune_editor):
    initiative = InitiativeFactory(unit=tree.lc1)
    big = SimpleUploadedFile("anh.png", PNG + b"\x00" * (6 * 1024 * 1024))
    with pytest.raises(ValidationError):
        services.add_attachment(commune_editor, initiative, file=big, kind=AttachmentKind.PHOTO)
    assert not initiative.attachments.exists()


def test_a_real_photo_is_kept(tree, commune_editor, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    initiative = InitiativeFactory(unit=tree.lc1)
    from danvan.core.tests.files import photo_with_gps

    services.add_attachment(commune_editor, initiative, file=SimpleUploadedFile("anh.png", photo_with_gps()), is_public=True)
    assert initiative.attachments.get().is_public


def test_formalism_lists_recognised_initiatives_without_recent_results(tree):
    today = datetime.date(2024, 6, 1)
    stale = InitiativeFactory(unit=tree.lc1, status=Status.RECOGNISED, recognised_on=datetime.date(2022, 1, 1),
                              last_result_on=datetime.date(2023, 1, 1))
    silent = InitiativeFactory(unit=tree.lc1, status=Status.RECOGNISED, recognised_on=datetime.date(2023, 1, 1))
    # Recognised this year: not a formality yet, with or without a result since.
    InitiativeFactory(unit=tree.lc1, status=Status.RECOGNISED, recognised_on=datetime.date(2024, 1, 1))
    InitiativeFactory(unit=tree.lc1, status=Status.RECOGNISED, recognised_on=datetime.date(2024, 3, 1),
                      last_result_on=datetime.date(2024, 2, 1))
    InitiativeFactory(unit=tree.lc1, status=Status.RECOGNISED, recognised_on=datetime.date(2023, 1, 1),
                      last_result_on=datetime.date(2024, 4, 1))
    InitiativeFactory(unit=tree.lc1, status=Status.REGISTERED)
    assert set(Initiative.objects.formalism(today)) == {stale, silent}


def test_available_moves_follow_role_and_status(tree, commune_editor, commune_approver):
    initiative = InitiativeFactory(unit=tree.lc1, status=Status.SUBMITTED)
    assert services.available_moves(commune_editor, initiative) == []
    assert set(services.available_moves(commune_approver, initiative)) == {"approve", "return"}
