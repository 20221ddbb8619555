"""Public means public-only: without a login, only initiatives recognised now and their public photos are reachable."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from danvan.core.choices import Role
from danvan.core.tests.files import photo_with_gps, real_pdf
from danvan.movement import services
from danvan.movement.choices import AttachmentKind, RecognitionLevel, Status
from danvan.movement.tests.factories import InitiativeFactory

pytestmark = pytest.mark.django_db

# Each was recognised once (it keeps its highest level) and then left the showcase.
GONE = [Status.ENDED, Status.SUSPENDED, Status.NOT_RECOGNISED]


@pytest.fixture
def world(tree, make_user, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    editor = make_user(tree.lc1, role=Role.EDITOR)

    def initiative(name, status):
        record = InitiativeFactory(unit=tree.lc1, name=name, status=status, highest_level=RecognitionLevel.COMMUNE)
        photo = services.add_attachment(editor, record, file=SimpleUploadedFile("anh.png", photo_with_gps()), is_public=True)
        private = services.add_attachment(editor, record, file=SimpleUploadedFile("rieng.png", photo_with_gps()))
        document = services.add_attachment(editor, record, file=SimpleUploadedFile("bien-ban.pdf", real_pdf()),
                                           kind=AttachmentKind.DOCUMENT, is_public=True)
        return type("Shown", (), {"initiative": record, "photo": photo, "private": private, "document": document})

    return type("World", (), {
        "shown": initiative("Mô hình đang được công nhận", Status.RECOGNISED),
        "gone": {status: initiative(f"Mô hình đã rời trưng bày {status}", status) for status in GONE},
        "editor": editor,
    })


@pytest.mark.parametrize("status", GONE)
def test_nothing_of_an_initiative_off_the_showcase_is_reachable_without_a_login(world, client, status):
    gone = world.gone[status]
    assert client.get(reverse("movement:showcase-detail", args=[gone.initiative.pk])).status_code == 404
    assert client.get(reverse("movement:public-photo", args=[gone.photo.pk])).status_code == 404
    assert gone.initiative.name not in client.get(reverse("movement:showcase")).content.decode()
    assert client.get(reverse("movement:file", args=[gone.document.pk])).status_code == 302  # to the login page


def test_an_initiative_recognised_now_shows_its_public_photo_only(world, client):
    shown = world.shown
    page = client.get(reverse("movement:showcase-detail", args=[shown.initiative.pk])).content.decode()
    assert shown.initiative.name in page
    assert reverse("movement:public-photo", args=[shown.photo.pk]) in page
    assert reverse("movement:public-photo", args=[shown.private.pk]) not in page
    assert shown.initiative.name in client.get(reverse("movement:showcase")).content.decode()
    assert client.get(reverse("movement:public-photo", args=[shown.private.pk])).status_code == 404
    assert client.get(reverse("movement:public-photo", args=[shown.document.pk])).status_code == 404  # never a document


def test_a_public_photo_is_shown_inline_and_holds_no_location(world, client):
    response = client.get(reverse("movement:public-photo", args=[world.shown.photo.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    assert response["Content-Disposition"].startswith("inline")
    image = Image.open(io.BytesIO(b"".join(response.streaming_content)))
    assert image.size == (64, 48) and not image.getexif().get_ifd(0x8825)


def test_files_served_to_signed_in_users_are_downloads(world, login):
    client = login(world.editor)
    for attachment in (world.shown.document, world.shown.photo):
        response = client.get(reverse("movement:file", args=[attachment.pk]))
        assert response.status_code == 200
        assert response["Content-Disposition"].startswith("attachment; filename="), response["Content-Disposition"]
