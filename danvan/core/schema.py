"""The OpenAPI schema of ``/api/v1/``: the error answers every operation can give, documented once.

Every operation is behind a login (401), scoped (404 for a record outside the caller's
scope or one that does not exist), role-checked (403) and validated (400, naming each
field or query parameter with its message). Updates carry the version they were read at
(412 when someone changed the record since).
"""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.utils import OpenApiResponse, extend_schema, inline_serializer
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

    def _get_paginator(self):
        # Only collections page and filter; a record's own lists (an initiative's recognitions) come whole.
        return None if getattr(self.view, "detail", False) else super()._get_paginator()

    def get_filter_backends(self):
        return [] if getattr(self.view, "detail", False) else super().get_filter_backends()

    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        for code, response in error_responses(self.method).items():
            responses.setdefault(code, self._get_response_for_code(response, code, direction=direction))
        return responses


def action_schema(*, get, post_request, post_response=None, created=False):
    """The schema of a detail action that answers GET with ``get`` (e.g. a list, or the allowed moves) and
    POST ``post_request`` with ``post_response`` (201 when ``created``; by default the viewset's serializer)."""
    post = {"request": post_request}
    if post_response is not None:
        post["responses"] = {201 if created else 200: post_response}

    def decorate(view):
        return extend_schema(methods=["POST"], **post)(extend_schema(methods=["GET"], request=None, responses=get)(view))

    return decorate
