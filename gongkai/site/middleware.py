"""The page language is the one the person chose, never the browser's guess.

Pages are zh-hans (settings.LANGUAGE_CODE) unless the person picked another
language with the switch in the page header or footer, which posts to
Django's `set_language` view; that view stores the choice in the language
cookie (settings.LANGUAGE_COOKIE_NAME). The browser's Accept-Language header
is ignored so that a page never comes out in a language nobody asked for.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponseBase
from django.middleware.locale import LocaleMiddleware
from django.utils import translation
from django.utils.cache import patch_vary_headers


def chosen_language(request: HttpRequest) -> str:
    """The language of the language cookie if it is one of LANGUAGES, else the default."""
    code = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
    if code and translation.check_for_language(code):
        try:
            return translation.get_supported_language_variant(code)
        except LookupError:
            pass
    return str(settings.LANGUAGE_CODE)


class ChosenLanguageMiddleware(LocaleMiddleware):
    """LocaleMiddleware that reads only the language cookie, not Accept-Language."""

    def process_request(self, request: HttpRequest) -> None:
        translation.activate(chosen_language(request))
        request.LANGUAGE_CODE = translation.get_language()

    def process_response(
        self, request: HttpRequest, response: HttpResponseBase
    ) -> HttpResponseBase:
        # No i18n_patterns here, so none of the parent's redirects apply; the
        # page varies with the cookie, not with Accept-Language.
        patch_vary_headers(response, ("Cookie",))
        response.headers.setdefault("Content-Language", translation.get_language())
        return response
