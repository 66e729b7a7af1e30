from django.urls import path

from roedtraad.notifications import views

app_name = "notifications"

urlpatterns = [
    path("", views.outbox, name="outbox"),
    path("indstillinger/", views.preferences, name="settings"),
]
