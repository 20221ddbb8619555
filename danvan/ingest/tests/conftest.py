import pytest
from django.core.files.uploadedfile import SimpleUploadedFile


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def upload():
    def make(name, content, content_type="application/octet-stream"):
        if isinstance(content, str):
            content = content.encode("utf-8")
        return SimpleUploadedFile(name, content, content_type=content_type)

    return make
