"""The demo accounts, one per kind of user the seeds show."""

from django.contrib.auth.hashers import make_password

from danvan.accounts.models import User
from danvan.core.choices import Role


def _wanted(places):
    return [
        ("admin", Role.ADMINISTRATOR, None, "Quản trị hệ thống"),
        ("camau", Role.APPROVER, places.current_ca_mau, "Ban Tuyên giáo và Dân vận Tỉnh ủy Cà Mau"),
        ("quantri-camau", Role.ADMINISTRATOR, places.current_ca_mau, "Quản trị hệ thống tỉnh Cà Mau"),
        ("uminhthuong", Role.APPROVER, places.districts["U Minh Thượng"], "Ban Dân vận Huyện ủy U Minh Thượng"),
        ("hieptung", Role.EDITOR, places.communes["Hiệp Tùng"], "Khối dân vận xã Hiệp Tùng"),
        ("thanhyen", Role.EDITOR, places.communes["Thạnh Yên"], "Khối dân vận xã Thạnh Yên"),
    ]


def official(places, username):
    """The demo account ``username`` with its role and unit, for the story to act as the official who did it
    (a proposal is sent by the commune and decided by the district, never by one account)."""
    for name, role, unit, label in _wanted(places):
        if name == username:
            user = User.objects.filter(username=username).first() or User(username=username)
            user.role, user.unit, user.first_name = role, unit, label
            user.email = user.email or f"{username}@danvan.local"  # a demo address, so the daily digest can be tried
            user.is_staff = user.is_superuser = username == "admin"
            if not user.pk:
                user.set_unusable_password()  # build_accounts gives the demo password at the end
            user.save()
            return user
    raise KeyError(username)


def build_accounts(places, password):
    """Create or reset the demo accounts; returns (username, role, unit) rows to print."""
    rows = []
    # One hash for every account: they share a published password, and each hash takes the hasher's full work.
    encoded = make_password(password)
    for username, role, unit, label in _wanted(places):
        user = official(places, username)
        user.password = encoded
        user.save()
        rows.append((username, role.label, unit))
    return rows
