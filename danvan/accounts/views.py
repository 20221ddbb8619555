from django.contrib.auth.mixins import LoginRequiredMixin
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views import generic

from danvan.accounts import services
from danvan.accounts.forms import OwnSettingsForm
from danvan.core.views import ServiceFormMixin


class OwnAccountView(LoginRequiredMixin, ServiceFormMixin, generic.FormView):
    """"Tài khoản của tôi": the signed-in user's own settings, never anyone else's (there is no id to name)."""

    form_class = OwnSettingsForm
    template_name = "accounts/me.html"
    success_message = _("Your account settings are saved.")

    def get_initial(self):
        return {"email": self.request.user.email, "receives_digest": self.request.user.receives_digest}

    def perform(self, form):
        return services.update_own_settings(self.request.user, form.cleaned_data["email"], form.cleaned_data["receives_digest"])

    def get_success_url(self):
        return reverse("accounts:me")
