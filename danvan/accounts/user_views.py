"""Pages where an administrator manages the accounts of the officials within their reach.

Every page asks ``services.manageable_users`` for its accounts, so an account outside the
administrator's reach is "not found" (404), reading and writing alike.
"""

from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from danvan.accounts import services
from danvan.accounts.filters import UserFilter
from danvan.accounts.models import User
from danvan.accounts.user_forms import AccountForm, ActiveForm, NewAccountForm, PasswordResetForm
from danvan.core.choices import Role
from danvan.core.views import ParentFormView, ScopedCreateView, ScopedListView, ScopedUpdateView


class ManagedAccountsMixin:
    model = User
    required_role = Role.ADMINISTRATOR

    def get_queryset(self):
        return services.manageable_users(self.request.user).select_related("unit")

    def get_success_url(self):
        return reverse("users:update", args=[self.object.pk])


class UserListView(ManagedAccountsMixin, ScopedListView):
    filterset_class = UserFilter
    template_name = "accounts/user_list.html"

    def get_queryset(self):
        return super().get_queryset().order_by("username")


class PasswordShownOnceMixin:
    """The password is shown on the answer to the POST itself, never stored or sent again."""

    def form_valid(self, form):
        response = super().form_valid(form)
        if not hasattr(self, "result"):
            return response
        account = form.instance if isinstance(getattr(form, "instance", None), User) else self.object
        return render(self.request, "accounts/password_given.html", {"account": account, "password": self.result})


class UserCreateView(PasswordShownOnceMixin, ManagedAccountsMixin, ScopedCreateView):
    form_class = NewAccountForm
    page_title = _("New account")
    success_message = _("The account is created.")

    def get_initial(self):
        return {"unit": self.request.user.unit_id, "role": Role.EDITOR}

    def perform(self, form):
        return services.create_user(self.request.user, form.instance, form.cleaned_data["password"])


class UserUpdateView(ManagedAccountsMixin, ScopedUpdateView):
    form_class = AccountForm
    template_name = "accounts/user_form.html"
    success_message = _("The account is saved.")

    def perform(self, form):
        return services.update_user(self.request.user, form.instance)


class UserActiveView(ManagedAccountsMixin, ParentFormView):
    form_class = ActiveForm
    template_name = "accounts/user_active.html"

    def perform(self, form):
        return services.set_active(self.request.user, self.object, not self.object.is_active)

    @property
    def success_message(self):
        if not hasattr(self, "result"):
            return None
        return _("The account can log in again.") if self.result.is_active else _("The account is deactivated.")


class UserPasswordView(PasswordShownOnceMixin, ManagedAccountsMixin, ParentFormView):
    form_class = PasswordResetForm
    success_message = _("The password is reset: the old one, open sessions and API tokens no longer work.")

    @property
    def page_title(self):
        return _("New password for %(account)s") % {"account": self.object.get_full_name() or self.object.username}

    def perform(self, form):
        return services.reset_password(self.request.user, self.object, form.cleaned_data["password"])
