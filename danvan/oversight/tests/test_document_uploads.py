"""Mission and meeting documents go through the same upload check: a disguised file is refused on the form,
a real one is kept and served as a download."""

import html

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils.translation import override

from danvan.core.choices import Role
from danvan.core.tests.files import PDF_WITH_HTML, real_pdf, zip_bomb
from danvan.core.uploads import DEFAULT_LIMITS, MESSAGES
from danvan.oversight.models import MissionDocument
from danvan.oversight.tests.factories import MissionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def mission_page(tree, make_user, login, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    mission = MissionFactory(unit=tree.lc1)
    client = login(make_user(tree.lc1, role=Role.EDITOR))

    def post(name, data):
        return client.post(reverse("oversight:mission-document-add", args=[mission.pk]),
                           {"title": "Biên bản", "file": SimpleUploadedFile(name, data)})

    return type("Page", (), {"post": staticmethod(post), "client": client})


def vietnamese(code, **params):
    with override("vi"):
        return str(MESSAGES[code]) % params if params else str(MESSAGES[code])


@pytest.mark.parametrize("name, data, expected", [
    ("bien-ban.pdf", lambda: PDF_WITH_HTML, lambda: vietnamese("bad_content")),
    ("bien-ban.docx", lambda: zip_bomb(".docx"), lambda: vietnamese("too_large", size=DEFAULT_LIMITS["max_entry_megabytes"])),
], ids=["pdf-header-then-html", "docx-bomb"])
def test_a_disguised_or_dangerous_document_is_refused_on_the_form(mission_page, name, data, expected):
    response = mission_page.post(name, data())
    assert response.status_code == 200
    assert expected() in html.unescape(response.content.decode())
    assert not MissionDocument.objects.exists()


def test_a_real_pdf_is_kept_and_served_as_a_download(mission_page):
    assert mission_page.post("bien-ban.pdf", real_pdf()).status_code == 302
    document = MissionDocument.objects.get()
    response = mission_page.client.get(reverse("oversight:mission-document-file", args=[document.pk]))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment; filename=")


def test_a_photo_kept_as_a_mission_document_is_stored_without_its_location(mission_page):
    """Images come in through the one write path, which keeps our re-encoding, not the phone's file."""
    import io

    from PIL import Image

    from danvan.core.tests.files import photo_with_gps

    original = photo_with_gps("JPEG")
    assert Image.open(io.BytesIO(original)).getexif().get_ifd(0x8825)
    assert mission_page.post("anh-lam-viec.jpg", original).status_code == 302
    with MissionDocument.objects.get().file.open("rb") as stored:
        kept = stored.read()
    image = Image.open(io.BytesIO(kept))
    assert not image.getexif().get_ifd(0x8825) and b"PhoneMaker" not in kept
