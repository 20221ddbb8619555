"""What the API answers outside its routes: JSON, like every other answer of ``/api/v1/``."""

from drf_spectacular.utils import extend_schema
from rest_framework.decorators import api_view, permission_classes
from rest_framework.exceptions import NotFound
from rest_framework.permissions import AllowAny


@extend_schema(exclude=True)
@api_view(["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"])
@permission_classes([AllowAny])
def no_such_endpoint(request, *args, **kwargs):
    """A path no route matches (``/initiatives/abc/``, ``/initiatives/0.5/accept/``) is a 404 in JSON, not an HTML page."""
    raise NotFound()
