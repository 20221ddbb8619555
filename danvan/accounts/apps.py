from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "danvan.accounts"
    label = "accounts"
    verbose_name = _("Accounts")

    def ready(self):
        from django.contrib.auth.signals import user_logged_out

        from danvan.accounts.tokens import revoke_tokens_at_logout

        user_logged_out.connect(revoke_tokens_at_logout, dispatch_uid="danvan.accounts.revoke_tokens_at_logout")
