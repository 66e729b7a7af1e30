"""Single sign-on URLs, included by roedtraad.urls at /oidc/ only when OIDC is on.

The names are mozilla-django-oidc's, so its code finds them; the callback URL
(https://<host>/oidc/callback/) is the redirect URI to register with the provider.
"""

from django.urls import path

from roedtraad.accounts.oidc import AuthenticateView, CallbackView

urlpatterns = [
    path("callback/", CallbackView.as_view(), name="oidc_authentication_callback"),
    path("authenticate/", AuthenticateView.as_view(), name="oidc_authentication_init"),
]
