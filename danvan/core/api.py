"""API base classes: the same scoping and services as the pages, and one error adapter.

Every write of the API goes through an app's service (``save_record`` underneath); the
services raise Django's ``ValidationError`` (bad input), ``VersionConflict`` (a stale
``If-Match``) and ``PermissionDenied`` (role), and ``exception_handler`` below turns them
into 400, 412 and 403 answers in one place.
"""

import re

from auditlog.context import auditlog_value
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from rest_framework import serializers, status, viewsets
from rest_framework.exceptions import PermissionDenied, ValidationError as ApiValidationError
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from danvan.core import services
from danvan.core.choices import Role
from danvan.core.models import VersionedModel
from danvan.core.paging import IdsFirstPagination

ETAG = re.compile(r'^\s*(?:W/)?"(\d{1,9})"\s*$')


def exception_handler(exc, context):
    """The one error adapter: a service's refusal becomes the API's answer."""
    if isinstance(exc, services.VersionConflict):
        return Response({
            "detail": _("Someone else changed this record after you read it."),
            "version": exc.current_version,
            "changes": [{"field": c.field, "label": c.label, "value": c.after, "by": c.by, "at": c.at} for c in exc.changes],
        }, status=status.HTTP_412_PRECONDITION_FAILED)
    if isinstance(exc, ValidationError):
        exc = ApiValidationError(exc.message_dict if hasattr(exc, "error_dict") else {"detail": exc.messages})
    elif isinstance(exc, DjangoPermissionDenied):
        exc = PermissionDenied(str(exc) or None)
    return drf_exception_handler(exc, context)


def limit_relations_to_scope(serializer, user):
    """Every related record a request may name is one the services accept (``services.choosable``)."""
    serializer = getattr(serializer, "child", serializer)
    model = getattr(getattr(serializer, "Meta", None), "model", None)
    for name, field in getattr(serializer, "fields", {}).items():
        if isinstance(field, (serializers.BaseSerializer, serializers.ListSerializer)):
            limit_relations_to_scope(field, user)
            continue
        relation = getattr(field, "child_relation", field)
        queryset = getattr(relation, "queryset", None)
        if queryset is None:
            continue
        source = field.source or name
        if model is not None and source in {f.name for f in model._meta.get_fields()}:
            allowed = services.choosable(user, model, source)
        else:
            allowed = queryset.visible_to(user) if hasattr(queryset, "visible_to") else None
        if allowed is not None:
            relation.queryset = allowed
            relation.error_messages["does_not_exist"] = _("No record {pk_value} among those you may choose here.")


def read_version(request):
    """The version named by ``If-Match`` (``"5"``); None when the client sent none."""
    header = request.headers.get("If-Match")
    if header is None or header.strip() == "*":
        return None
    match = ETAG.match(header)
    if match is None:
        raise ApiValidationError({"If-Match": _("If-Match must be the ETag of the record, such as \"3\".")})
    return int(match.group(1))


class ScopedViewSetMixin:
    write_role = Role.EDITOR
    pagination_class = IdsFirstPagination

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        # The audit middleware ran before DRF knew the token's user: name the actor now, so that
        # the history and a stale writer's 412 say who changed what.
        context = auditlog_value.get(None)
        if context is not None and context.get("actor") is None and request.user.is_authenticated:
            context["actor"] = request.user

    def get_queryset(self):
        return super().get_queryset().visible_to(self.request.user)

    def get_serializer(self, *args, **kwargs):
        serializer = super().get_serializer(*args, **kwargs)
        limit_relations_to_scope(serializer, self.request.user)
        return serializer

    # The request serializer of each write action ({"replicate": ReplicationSerializer}); the write walk
    # reads it too, so an action that names records cannot escape the check of another unit's records.
    action_serializers = {}

    def payload(self):
        """The action's request body, validated by its serializer with the same scoped relations."""
        serializer = self.action_serializers[self.action](data=self.request.data, context=self.get_serializer_context())
        limit_relations_to_scope(serializer, self.request.user)
        serializer.is_valid(raise_exception=True)
        return serializer.validated_data

    def retrieve(self, request, *args, **kwargs):
        response = super().retrieve(request, *args, **kwargs)
        return self._with_etag(response, self.get_object())

    @staticmethod
    def _with_etag(response, instance):
        if isinstance(instance, VersionedModel):
            response["ETag"] = f'"{instance.version}"'
        return response


class ScopedReadOnlyViewSet(ScopedViewSetMixin, viewsets.ReadOnlyModelViewSet):
    pass


class ScopedModelViewSet(ScopedViewSetMixin, viewsets.ModelViewSet):
    """Creates, updates and deletes through ``write`` (a service) and ``services.delete_record``.

    An update is applied to the record as read in this request with the fields the client sent,
    and carries the version of ``If-Match``: fields changed meanwhile by others are kept, a field
    both changed is refused with 412.
    """

    def write(self, instance, extra):
        """Save ``instance`` through the app's service; ``extra`` holds what is not a plain field
        (many-to-many values, flags such as ``confirm_duplicate``). Apps override this to call their service."""
        instance = services.save_record(self.request.user, instance, self.write_role)
        for name, values in extra.items():
            getattr(instance, name).set(values)
        return instance

    @staticmethod
    def _apply(serializer, instance):
        """Set the plain fields sent on ``instance``; return the rest."""
        plain = {field.name for field in instance._meta.concrete_fields}
        extra = {}
        for name, value in serializer.validated_data.items():
            if name in plain:
                setattr(instance, name, value)
            else:
                extra[name] = value
        return extra

    def perform_create(self, serializer):
        instance = serializer.Meta.model()
        serializer.instance = self.write(instance, self._apply(serializer, instance))

    def perform_update(self, serializer):
        instance = serializer.instance
        instance.read_version = read_version(self.request)
        serializer.instance = self.write(instance, self._apply(serializer, instance))
        self.written = serializer.instance

    def update(self, request, *args, **kwargs):
        response = super().update(request, *args, **kwargs)
        return self._with_etag(response, self.written)

    def perform_destroy(self, instance):
        services.delete_record(self.request.user, instance, self.write_role)
