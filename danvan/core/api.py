"""API base classes: the same scoping and services as the pages."""

from rest_framework import viewsets
from rest_framework.exceptions import ValidationError as ApiValidationError
from django.core.exceptions import ValidationError

from danvan.core import services
from danvan.core.choices import Role


def as_api_error(error):
    return ApiValidationError(error.message_dict if hasattr(error, "error_dict") else {"detail": error.messages})


def limit_relations_to_scope(serializer, user):
    """Every related record a request may name is one the user reaches, as in the forms."""
    serializer = getattr(serializer, "child", serializer)
    for field in getattr(serializer, "fields", {}).values():
        relation = getattr(field, "child_relation", field)
        queryset = getattr(relation, "queryset", None)
        if queryset is not None and hasattr(queryset, "visible_to"):
            relation.queryset = queryset.visible_to(user)


class ScopedViewSetMixin:
    write_role = Role.EDITOR

    def get_queryset(self):
        return super().get_queryset().visible_to(self.request.user)

    def get_serializer(self, *args, **kwargs):
        serializer = super().get_serializer(*args, **kwargs)
        limit_relations_to_scope(serializer, self.request.user)
        return serializer


class ScopedReadOnlyViewSet(ScopedViewSetMixin, viewsets.ReadOnlyModelViewSet):
    pass


class ScopedModelViewSet(ScopedViewSetMixin, viewsets.ModelViewSet):
    def perform_create(self, serializer):
        self._save(serializer)

    def perform_update(self, serializer):
        self._save(serializer)

    def _save(self, serializer):
        instance = serializer.instance or serializer.Meta.model()
        for field, value in serializer.validated_data.items():
            setattr(instance, field, value)
        try:
            serializer.instance = services.save_record(self.request.user, instance, self.write_role)
        except ValidationError as error:
            raise as_api_error(error) from error

    def perform_destroy(self, instance):
        services.delete_record(self.request.user, instance, self.write_role)
