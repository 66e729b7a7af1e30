from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import URLPattern, URLResolver, include, path

from roedtraad.api.endpoints import api

urlpatterns: list[URLPattern | URLResolver] = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/", api.urls),  # the REST API; no language prefix (roedtraad/api)
]
urlpatterns += i18n_patterns(
    path("admin/", admin.site.urls),
    path("api-noegler/", include("roedtraad.api.urls")),
    path("", include("roedtraad.web.urls")),
    prefix_default_language=False,
)
if settings.OIDC_ENABLED:  # single sign-on; the callback URL has no language prefix
    urlpatterns += [path("oidc/", include("roedtraad.accounts.oidc_urls"))]
