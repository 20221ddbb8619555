"""Files kept with an initiative: each must be what its extension says; photos are kept re-encoded."""

import html
import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils.translation import override
from PIL import Image

from danvan.core.choices import Role
from danvan.core.tests.files import GPS_LATITUDE, PDF_WITH_HTML, PNG_WITH_SVG, photo_with_gps
from danvan.core.uploads import IMAGE_CHECK, MESSAGES
from danvan.movement.choices import AttachmentKind
from danvan.movement.models import InitiativeAttachment
from danvan.movement.tests.factories import InitiativeFactory

pytestmark = pytest.mark.django_db

SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'


@pytest.fixture
def page(tree, make_user, login, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    initiative = InitiativeFactory(unit=tree.lc1)
    client = login(make_user(tree.lc1, role=Role.EDITOR))

    def post(name, data, kind=AttachmentKind.PHOTO):
        return client.post(reverse("movement:attachment-add", args=[initiative.pk]),
                           {"file": SimpleUploadedFile(name, data), "kind": kind, "title": "Ảnh hội nghị", "is_public": "on"})

    return type("Page", (), {"post": staticmethod(post), "initiative": initiative, "media": settings.MEDIA_ROOT})


def stored_files(root):
    return [path for path in root.rglob("*") if path.is_file()] if root.exists() else []


def refusal(check, name, data):
    """The Vietnamese message ``check`` gives for the file, as the page must show it."""
    with override("vi"), pytest.raises(ValidationError) as error:
        check.clean(SimpleUploadedFile(name, data))
    return error.value.messages[0]


@pytest.mark.parametrize("name, data, kind, expected", [
    ("anh.png", PNG_WITH_SVG, AttachmentKind.PHOTO, lambda: str(MESSAGES["bad_content"])),
    ("anh.svg", SVG, AttachmentKind.PHOTO, lambda: refusal(IMAGE_CHECK, "anh.svg", SVG)),
    ("quyet-dinh.pdf", PDF_WITH_HTML, AttachmentKind.DOCUMENT, lambda: str(MESSAGES["bad_content"])),
], ids=["png-header-then-svg", "svg", "pdf-header-then-html"])
def test_a_disguised_file_is_refused_on_the_page_and_nothing_is_kept(page, name, data, kind, expected):
    response = page.post(name, data, kind)
    assert response.status_code == 200  # the form again, with the reason on the file field
    with override("vi"):
        assert expected() in html.unescape(response.content.decode())
    assert not InitiativeAttachment.objects.exists()
    assert stored_files(page.media) == []


def test_a_phone_photo_is_kept_re_encoded_without_its_location(page):
    original = photo_with_gps("JPEG")
    response = page.post("anh-hoi-nghi.jpg", original)
    assert response.status_code == 302, response.content.decode()[:2000]
    attachment = InitiativeAttachment.objects.get()
    with attachment.file.open("rb") as stored:
        data = stored.read()
    assert data != original and b"PhoneMaker" not in data
    image = Image.open(io.BytesIO(data))
    assert image.format == "JPEG" and image.size == (64, 48)
    assert not dict(image.getexif())
    assert GPS_LATITUDE not in image.getexif().get_ifd(0x8825).values()
