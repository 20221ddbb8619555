"""API base classes: the same scoping and services as the pages."""

from rest_framework import viewsets
from rest_framework.exceptions import ValidationError as ApiValidationError
from django.core.exceptions import ValidationError

from danvan.core import services
from danvan.core.choices import Role


def as_api_error(error):
    return ApiValidationError(error.message_dict if hasattr(error, "error_dict") else {"detail": error.messages})


class ScopedViewSetMixin:
    write_role = Role.EDITOR

    def get_queryset(self):
        return super().get_queryset().visible_to(self.request.user)


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
