"""An administrator manages the accounts within their reach: every rule of ``accounts.services``, through the pages."""

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse
from rest_framework.authtoken.models import Token

from danvan.accounts import services
from danvan.accounts.models import User
from danvan.accounts.tests.factories import PASSWORD
from danvan.core.choices import Role

NEW_PASSWORD = "Thanh-Yen-tam-2025"


@pytest.fixture
def province_admin(tree, make_user):
    return make_user(tree.cp, role=Role.ADMINISTRATOR, username="quantri-angiang")


@pytest.fixture
def admin_page(province_admin, login):
    return login(province_admin)


def _new_account(where, role=Role.EDITOR, **extra):
    return {"username": "canbo-moi", "first_name": "Nguyễn Văn", "last_name": "Mới", "email": "",
            "unit": where.pk, "role": role, "password": "", **extra}


def _logs_in(username, password):
    response = Client().post(reverse("accounts:login"), {"username": username, "password": password})
    return response.status_code == 302


@pytest.mark.parametrize("role", [Role.VIEWER, Role.EDITOR, Role.APPROVER])
def test_only_an_administrator_opens_the_accounts(tree, make_user, login, role):
    page = login(make_user(tree.cp, role=role))
    for url in (reverse("users:list"), reverse("users:create")):
        assert page.get(url).status_code == 403
    assert page.post(reverse("users:create"), _new_account(tree.cc1)).status_code == 403
    assert not User.objects.filter(username="canbo-moi").exists()


def test_the_list_shows_the_accounts_within_reach_and_filters_them(tree, make_user, admin_page):
    make_user(tree.cc1, role=Role.EDITOR, first_name="Lê", last_name="Bình An")
    make_user(tree.cc2, role=Role.VIEWER, first_name="Trần", last_name="Thạnh Lộc", is_active=False)
    make_user(tree.cc3, role=Role.EDITOR, first_name="Phạm", last_name="Đất Mũi")  # another province
    make_user(None, role=Role.ADMINISTRATOR, first_name="Quản trị", last_name="Trung ương")

    def names(**params):
        return [account.get_full_name() for account in admin_page.get(reverse("users:list"), params).context["object_list"]]

    assert "Phạm Đất Mũi" not in names() and "Quản trị Trung ương" not in names()
    assert {"Lê Bình An", "Trần Thạnh Lộc"} <= set(names())
    assert names(q="Bình") == ["Lê Bình An"]
    assert names(unit=tree.cc2.pk) == ["Trần Thạnh Lộc"]
    assert "Lê Bình An" in names(role=Role.EDITOR) and "Trần Thạnh Lộc" not in names(role=Role.EDITOR)
    assert names(is_active="false") == ["Trần Thạnh Lộc"]
    page = admin_page.get(reverse("users:list"), {"role": "chua-co", "unit": "99999999999999999999999"})
    assert page.status_code == 200 and "Lê Bình An" in page.content.decode()  # an impossible filter shows all


def test_an_administrator_creates_an_editor_for_a_commune_and_the_generated_password_works(tree, admin_page):
    response = admin_page.post(reverse("users:create"), _new_account(tree.cc1))
    assert response.status_code == 200, response.context["form"].errors if response.context else response
    account = User.objects.get(username="canbo-moi")
    assert (account.unit, account.role, account.is_active) == (tree.cc1, Role.EDITOR, True)
    password = response.context["password"]
    assert len(password) == services.GENERATED_LENGTH and password in response.content.decode()
    assert _logs_in("canbo-moi", password)


def test_a_unit_outside_reach_is_refused_beside_the_field_and_nothing_is_written(tree, admin_page):
    response = admin_page.post(reverse("users:create"), _new_account(tree.cc3))
    assert "unit" in response.context["form"].errors
    assert not User.objects.filter(username="canbo-moi").exists()


def test_the_service_refuses_a_unit_outside_reach_whatever_the_form_offers(tree, province_admin):
    with pytest.raises(services.ValidationError) as refused:
        services.create_user(province_admin, User(username="ngoai", unit=tree.cc3, role=Role.EDITOR))
    assert "unit" in refused.value.message_dict
    assert not User.objects.filter(username="ngoai").exists()


def test_nobody_grants_a_role_above_their_own(tree, make_user, province_admin, login):
    assert services.grantable_roles(province_admin) == list(Role)
    approver = make_user(tree.cp, role=Role.APPROVER)
    assert services.grantable_roles(approver) == [Role.VIEWER, Role.EDITOR, Role.APPROVER]
    with pytest.raises(PermissionDenied):  # and, below an administrator, no granting at all
        services.create_user(approver, User(username="cao-hon", unit=tree.cc1, role=Role.ADMINISTRATOR))
    assert not User.objects.filter(username="cao-hon").exists()
    # The page offers no role it would refuse, and refuses one typed in.
    commune_admin = make_user(tree.cc1, role=Role.ADMINISTRATOR)
    page = login(commune_admin)
    response = page.post(reverse("users:create"), _new_account(tree.cc1, role="superuser"))
    assert "role" in response.context["form"].errors


def test_an_administrator_grants_administrator_within_reach_never_above(tree, make_user, province_admin, login):
    commune_admin = make_user(tree.cc1, role=Role.ADMINISTRATOR)
    services.create_user(province_admin, User(username="qt-binhan", unit=tree.cc1, role=Role.ADMINISTRATOR), NEW_PASSWORD)
    assert User.objects.get(username="qt-binhan").role == Role.ADMINISTRATOR
    response = login(commune_admin).post(reverse("users:create"), _new_account(tree.cp, role=Role.ADMINISTRATOR))
    assert "unit" in response.context["form"].errors  # the province lies above the commune's administrator
    assert not User.objects.filter(username="canbo-moi").exists()
    # Nor may the commune's administrator touch the province's.
    assert login(commune_admin).get(reverse("users:update", args=[province_admin.pk])).status_code == 404


def test_an_account_of_another_province_is_not_found(tree, make_user, admin_page):
    other = make_user(tree.cc3, role=Role.EDITOR)
    national = make_user(None, role=Role.ADMINISTRATOR)
    for account in (other, national):
        for name in ("update", "active", "password"):
            url = reverse(f"users:{name}", args=[account.pk])
            assert admin_page.get(url).status_code == 404
            assert admin_page.post(url, {"role": Role.VIEWER, "unit": "", "password": NEW_PASSWORD}).status_code == 404
    other.refresh_from_db()
    assert other.is_active and other.check_password(PASSWORD) and other.role == Role.EDITOR


def test_an_administrator_moves_an_account_and_changes_its_role(tree, make_user, admin_page):
    account = make_user(tree.cc1, role=Role.EDITOR)
    response = admin_page.post(reverse("users:update", args=[account.pk]), {
        "first_name": "Cán", "last_name": "Bộ", "email": "canbo@angiang.gov.vn", "unit": tree.cc2.pk, "role": Role.APPROVER})
    assert response.status_code == 302
    account.refresh_from_db()
    assert (account.unit, account.role, account.email) == (tree.cc2, Role.APPROVER, "canbo@angiang.gov.vn")
    response = admin_page.post(reverse("users:update", args=[account.pk]), {
        "first_name": "Cán", "last_name": "Bộ", "unit": tree.cc3.pk, "role": Role.APPROVER})
    assert "unit" in response.context["form"].errors
    account.refresh_from_db()
    assert account.unit == tree.cc2


def test_an_administrator_cannot_demote_move_or_deactivate_themselves(tree, province_admin, admin_page):
    url = reverse("users:update", args=[province_admin.pk])
    for change in ({"role": Role.EDITOR, "unit": tree.cp.pk}, {"role": Role.ADMINISTRATOR, "unit": tree.cc1.pk}):
        response = admin_page.post(url, {"first_name": "Quản", "last_name": "Trị", **change})
        assert response.status_code == 200 and response.context["form"].non_field_errors()
    response = admin_page.post(reverse("users:active", args=[province_admin.pk]))
    assert response.status_code == 200 and response.context["form"].non_field_errors()
    province_admin.refresh_from_db()
    assert (province_admin.role, province_admin.unit, province_admin.is_active) == (Role.ADMINISTRATOR, tree.cp, True)
    # Their own name they may change.
    assert admin_page.post(url, {"first_name": "Quản trị", "last_name": "An Giang", "role": Role.ADMINISTRATOR,
                                 "unit": tree.cp.pk}).status_code == 302


def test_deactivating_ends_login_and_tokens_and_reactivating_restores_login(tree, make_user, admin_page):
    account = make_user(tree.cc1, role=Role.EDITOR, username="tam-nghi")
    Token.objects.create(user=account)
    assert admin_page.post(reverse("users:active", args=[account.pk])).status_code == 302
    account.refresh_from_db()
    assert not account.is_active and not Token.objects.filter(user=account).exists()
    assert not _logs_in("tam-nghi", PASSWORD)
    assert admin_page.post(reverse("users:active", args=[account.pk])).status_code == 302
    assert _logs_in("tam-nghi", PASSWORD)


def test_a_password_reset_works_for_login_and_ends_the_old_password_and_tokens(tree, make_user, admin_page):
    account = make_user(tree.cc1, role=Role.EDITOR, username="quen-mat-khau")
    Token.objects.create(user=account)
    response = admin_page.post(reverse("users:password", args=[account.pk]), {"password": NEW_PASSWORD})
    assert response.status_code == 200 and NEW_PASSWORD in response.content.decode()
    assert not Token.objects.filter(user=account).exists()
    assert _logs_in("quen-mat-khau", NEW_PASSWORD) and not _logs_in("quen-mat-khau", PASSWORD)
    generated = admin_page.post(reverse("users:password", args=[account.pk]), {"password": ""}).context["password"]
    assert _logs_in("quen-mat-khau", generated)


@pytest.mark.parametrize("weak", ["ngan", "1234567890123", "password123", "quen-mat-khau"])
def test_a_weak_password_is_refused_in_vietnamese_and_nothing_changes(tree, make_user, admin_page, weak):
    account = make_user(tree.cc1, role=Role.EDITOR, username="quen-mat-khau")
    response = admin_page.post(reverse("users:password", args=[account.pk]), {"password": weak},
                               HTTP_ACCEPT_LANGUAGE="vi")
    errors = response.context["form"].errors["password"]
    assert errors and any("Mật khẩu" in error for error in errors), errors
    account.refresh_from_db()
    assert account.check_password(PASSWORD)


@pytest.mark.parametrize("payload", [
    {"username": "x" * 5000}, {"username": "có dấu cách"}, {"role": "administrator' OR 1=1"}, {"unit": "99999999999999999999"},
    {"unit": "abc"}, {"email": "khong-phai-email"}, {"password": "p" * 5000},
])
def test_bad_input_is_refused_beside_its_field_never_a_500(tree, admin_page, payload):
    response = admin_page.post(reverse("users:create"), _new_account(tree.cc1, **payload))
    assert response.status_code == 200
    assert set(payload) & set(response.context["form"].errors), response.context["form"].errors
    assert User.objects.filter(username__startswith="canbo-moi").count() == 0


def test_a_user_name_already_taken_is_refused(tree, make_user, admin_page):
    make_user(tree.cc3, username="canbo-moi")  # even one of another province
    response = admin_page.post(reverse("users:create"), _new_account(tree.cc1))
    assert "username" in response.context["form"].errors
    assert User.objects.filter(username="canbo-moi").count() == 1


def test_the_menu_offers_administration_to_administrators_only(tree, make_user, login, admin_page):
    assert reverse("users:list") in admin_page.get(reverse("core:home")).content.decode()
    approver_home = login(make_user(tree.cp, role=Role.APPROVER)).get(reverse("core:home")).content.decode()
    assert reverse("users:list") not in approver_home
