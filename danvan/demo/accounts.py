"""The demo accounts, one per kind of user the seeds show."""

from danvan.accounts.models import User
from danvan.core.choices import Role


def build_accounts(places, password):
    """Create or reset the demo accounts; returns (username, role, unit) rows to print."""
    wanted = [
        ("admin", Role.ADMINISTRATOR, None, "Quản trị hệ thống"),
        ("camau", Role.APPROVER, places.current_ca_mau, "Ban Tuyên giáo và Dân vận Tỉnh ủy Cà Mau"),
        ("uminhthuong", Role.APPROVER, places.districts["U Minh Thượng"], "Ban Dân vận Huyện ủy U Minh Thượng"),
        ("hieptung", Role.EDITOR, places.communes["Hiệp Tùng"], "Khối dân vận xã Hiệp Tùng"),
        ("thanhyen", Role.EDITOR, places.communes["Thạnh Yên"], "Khối dân vận xã Thạnh Yên"),
    ]
    rows = []
    for username, role, unit, label in wanted:
        user = User.objects.filter(username=username).first() or User(username=username)
        user.role, user.unit, user.first_name = role, unit, label
        user.is_staff = user.is_superuser = username == "admin"
        user.set_password(password)
        user.save()
        rows.append((username, role.label, unit))
    return rows
