from rest_framework.permissions import SAFE_METHODS, BasePermission

from danvan.core.choices import Role
from danvan.core.scoping import Scope


class RolePermission(BasePermission):
    """Reading needs the viewer role, writing the view's ``write_role`` (editor by default)."""

    def has_permission(self, request, view):
        if not (request.user and request.user.is_authenticated):
            return False
        role = Role.VIEWER if request.method in SAFE_METHODS else getattr(view, "write_role", Role.EDITOR)
        return Scope.for_user(request.user).allows(role)
