"""Safe by default: no start without a secret key, a clean deploy check, a strict
Content-Security-Policy on every page, and nothing a signed-in person saw left in a cache."""

import os
import re
import secrets
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse
from rest_framework.authtoken.models import Token

PACKAGE = Path(__file__).resolve().parents[2]
DEVELOPMENT_VARIABLES = ("DANVAN_SECRET_KEY", "DANVAN_DEV", "DANVAN_DEBUG", "DANVAN_HTTPS", "DANVAN_ALLOWED_HOSTS")


def danvan(tmp_path, *args, **variables):
    """Run the ``danvan`` command as an operator would, with only the given DANVAN_* settings."""
    environment = {name: value for name, value in os.environ.items() if name not in DEVELOPMENT_VARIABLES}
    environment.update(DANVAN_DATA_DIR=str(tmp_path), DJANGO_SETTINGS_MODULE="danvan.settings", **variables)
    return subprocess.run(
        [sys.executable, "-m", "danvan.cli", *args], env=environment, capture_output=True, text=True, timeout=300
    )


# -- the secret key ----------------------------------------------------------------------------


def test_without_a_secret_key_danvan_refuses_to_start_and_names_the_variable_in_vietnamese(tmp_path):
    result = danvan(tmp_path, "check")
    assert result.returncode != 0
    assert "DANVAN_SECRET_KEY" in result.stderr
    assert "Chưa đặt biến môi trường DANVAN_SECRET_KEY" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "secret_key").exists()


def test_the_help_still_works_without_a_secret_key(tmp_path):
    result = danvan(tmp_path, "help")
    assert result.returncode == 0
    assert "DANVAN_SECRET_KEY" in result.stdout + result.stderr


def test_on_a_development_pc_a_random_key_is_made_once_and_kept_private(tmp_path):
    assert danvan(tmp_path, "check", DANVAN_DEV="1").returncode == 0
    key_file = tmp_path / "secret_key"
    key = key_file.read_text()
    assert len(key) >= 50
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert danvan(tmp_path, "check", DANVAN_DEBUG="1").returncode == 0
    assert key_file.read_text() == key


def test_the_deploy_check_is_clean_under_the_production_settings_of_the_readme(tmp_path):
    result = danvan(
        tmp_path, "check", "--deploy",
        DANVAN_SECRET_KEY=secrets.token_urlsafe(50), DANVAN_HTTPS="1", DANVAN_ALLOWED_HOSTS="danvan.example.vn",
    )
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout, result.stdout + result.stderr
    assert "WARNING" not in result.stdout + result.stderr


# -- Content-Security-Policy ------------------------------------------------------------------


def policy(response):
    header = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


@pytest.mark.django_db
def test_pages_carry_a_policy_without_inline_code(tree, login, make_user):
    user = make_user(unit=tree.cc1)
    for response in (login(user).get(reverse("core:home")), login(user).get(reverse("api:docs"))):
        assert response.status_code == 200
        directives = policy(response)
        for directive in ("script-src", "style-src"):
            assert "'unsafe-inline'" not in directives[directive]
            assert "'unsafe-eval'" not in directives[directive]
        assert directives["default-src"] == ["'self'"]
        assert directives["frame-ancestors"] == ["'none'"]


def test_the_api_docs_page_has_no_inline_script(client, db, tree, login, make_user):
    page = login(make_user(unit=tree.cc1)).get(reverse("api:docs")).content.decode()
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", page)
    assert "<style" not in page


INLINE_CODE = re.compile(
    r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>"  # a script with a body
    r"|<style\b|\sstyle=|\son[a-z]+=|javascript:",  # inline styles, handlers, javascript: links
    re.IGNORECASE,
)


def test_no_template_carries_inline_script_or_style():
    """A strict policy refuses them in the browser: they belong in core/static/core/.

    E-mails are not pages: no policy governs them and mail programs read only inline styles."""
    offenders = [
        f"{template.relative_to(PACKAGE)}: {match.group(0).strip()}"
        for template in PACKAGE.glob("*/templates/**/*.html") if "email" not in template.parts
        for match in INLINE_CODE.finditer(template.read_text(encoding="utf-8"))
    ]
    assert offenders == []


# -- caching ---------------------------------------------------------------------------------


def never_stored(response):
    return "no-store" in response.get("Cache-Control", "")


@pytest.mark.django_db
def test_signed_in_pages_and_api_answers_are_never_stored(tree, login, make_user):
    user = make_user(unit=tree.cc1)
    assert never_stored(login(user).get(reverse("core:home")))
    assert never_stored(login(user).get(reverse("api:unit-list")))
    token = Token.objects.create(user=user)
    from django.test import Client

    assert never_stored(Client(HTTP_AUTHORIZATION=f"Token {token.key}").get(reverse("api:unit-list")))


@pytest.mark.django_db
def test_public_pages_may_be_cached(client):
    # (The login page is never cached either: Django's LoginView says so itself, for its CSRF token.)
    response = client.get(reverse("movement:showcase"))
    assert response.status_code == 200
    assert not never_stored(response)
