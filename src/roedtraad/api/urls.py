from django.urls import path

from roedtraad.api import token_views

urlpatterns = [
    path("", token_views.token_list, name="api_tokens"),
    path("ny/", token_views.token_create, name="api_token_create"),
    path("<int:pk>/tilbagekald/", token_views.token_revoke, name="api_token_revoke"),
]
