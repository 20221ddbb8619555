"""The OpenAPI schema of ``/api/v1/``: the error answers every operation can give, documented once.

Every operation is behind a login (401), scoped (404 for a record outside the caller's
scope or one that does not exist), role-checked (403) and validated (400, naming each
field or query parameter with its message). Updates carry the version they were read at
(412 when someone changed the record since).
"""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.utils import OpenApiResponse, inline_serializer
from rest_framework import serializers

DETAIL = inline_serializer("ErrorDetail", {"detail": serializers.CharField()})

# 400: ``{"field": ["message", …]}`` for a payload or query parameter, ``{"detail": …}`` for a refused move.
FIELD_ERRORS = {
    "type": "object",
    "description": "Each field or parameter named, with its messages (a list of strings, or nested for nested records).",
    "additionalProperties": {},
}

CONFLICT = {
    "type": "object",
    "properties": {"detail": {"type": "string"}, "version": {"type": "integer"}, "changes": {"type": "array", "items": {"type": "object"}}},
    "required": ["detail"],
}


def error_responses(method):
    responses = {
        "400": OpenApiResponse(FIELD_ERRORS, description=_("Bad input: every field or parameter at fault is named.")),
        "401": OpenApiResponse(DETAIL, description=_("No valid login or token.")),
        "403": OpenApiResponse(DETAIL, description=_("The caller's role does not allow this.")),
        "404": OpenApiResponse(DETAIL, description=_("No such record within the caller's scope.")),
    }
    if method in ("PUT", "PATCH"):
        responses["412"] = OpenApiResponse(CONFLICT, description=_("The record changed after the version named by If-Match."))
    return responses


class DanvanAutoSchema(AutoSchema):
    """drf-spectacular's schema, plus the error answers (400/401/403/404, 412 on updates) of every operation."""

    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        for code, response in error_responses(self.method).items():
            responses.setdefault(code, self._get_response_for_code(response, code, direction=direction))
        return responses
