from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation
from django.utils.cache import add_never_cache_headers


class LanguageMiddleware(LocaleMiddleware):
    """Vietnamese unless the person chose English: an office PC's browser language is not asked."""

    def process_request(self, request):
        language = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        if language not in dict(settings.LANGUAGES):
            language = settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()


class NoStoreForAuthenticatedMiddleware:
    """Answers to a signed-in person or an API token are never kept by browsers or proxies.

    A shared office PC's back button or a proxy must not show records after logout.
    Public pages (the showcase, the login page) stay cacheable. DRF sets the token's
    user on the request during the view, so this runs after the view.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if (user is not None and user.is_authenticated) or "HTTP_AUTHORIZATION" in request.META:
            add_never_cache_headers(response)
        return response
