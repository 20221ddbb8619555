""""Tài khoản của tôi": a user sets their own e-mail address and digest choice, and nobody else's."""

import pytest
from django.urls import reverse

from danvan.core.choices import Role

pytestmark = pytest.mark.django_db
URL = "/accounts/me/"


def test_the_header_links_to_the_page(tree, make_user, login):
    page = login(make_user(tree.cc1)).get(reverse("core:home")).content.decode()
    assert f'href="{URL}"' in page and reverse("accounts:me") == URL


def test_a_user_sets_their_address_and_turns_the_digest_off(tree, make_user, login):
    user = make_user(tree.cc1, email="cu@danvan.local")
    client = login(user)
    page = client.get(URL).content.decode()
    assert "Tài khoản của tôi" in page and "Nhận thư tóm tắt việc hằng ngày" in page and 'value="cu@danvan.local"' in page
    response = client.post(URL, {"email": " moi@danvan.local "}, follow=True)
    assert "Đã lưu thông tin tài khoản." in response.content.decode()
    user.refresh_from_db()
    assert (user.email, user.receives_digest) == ("moi@danvan.local", False)


def test_the_page_edits_only_the_signed_in_user(tree, make_user, login):
    me = make_user(tree.cc1, email="toi@danvan.local")
    other = make_user(tree.cc1, role=Role.APPROVER, email="nguoikhac@danvan.local")
    client = login(me)
    # Whatever names another account, the page has no field for it and writes to its own user only.
    client.post(URL, {"email": "doi@danvan.local", "receives_digest": "on", "id": other.pk, "pk": other.pk,
                      "username": other.username, "user": other.pk})
    other.refresh_from_db()
    me.refresh_from_db()
    assert (other.email, other.receives_digest) == ("nguoikhac@danvan.local", True)
    assert me.email == "doi@danvan.local" and me.username != other.username
    assert client.get(f"{URL}?user={other.pk}").context["form"].initial["email"] == "doi@danvan.local"


@pytest.mark.parametrize("address, message", [
    ("khong-phai-thu", "Nhập địa chỉ thư điện tử đúng dạng, ví dụ ten@donvi.gov.vn."),
    ("a@" + "b" * 300 + ".vn", "Nhập địa chỉ thư điện tử đúng dạng, ví dụ ten@donvi.gov.vn."),
    ("hai@dia.chi, ba@dia.chi", "Nhập địa chỉ thư điện tử đúng dạng, ví dụ ten@donvi.gov.vn."),
])
def test_a_bad_address_is_refused_beside_the_field(tree, make_user, login, address, message):
    user = make_user(tree.cc1, email="cu@danvan.local")
    response = login(user).post(URL, {"email": address, "receives_digest": "on"})
    assert response.status_code == 200
    assert response.context["form"].errors["email"] == [message]
    assert message in response.content.decode()
    user.refresh_from_db()
    assert (user.email, user.receives_digest) == ("cu@danvan.local", True)


def test_an_anonymous_visitor_is_sent_to_log_in(db, client):
    response = client.post(URL, {"email": "x@danvan.local"})
    assert response.status_code == 302 and response["Location"].startswith(reverse("accounts:login"))
