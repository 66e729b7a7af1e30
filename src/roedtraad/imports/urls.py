from django.urls import path

from roedtraad.imports import views

app_name = "imports"

urlpatterns = [
    path("", views.upload, name="upload"),
    path("batch/<int:pk>/", views.batch_status, name="batch"),
    path("<int:pk>/", views.draft_preview, name="preview"),
    path("<int:pk>/save/", views.save, name="save"),
    path("<int:pk>/discard/", views.discard, name="discard"),
    path("<int:pk>/goals/<int:index>/section/", views.edit_section, name="edit_section"),
    path("<int:pk>/goals/<int:index>/title/", views.edit_title, name="edit_title"),
    path("<int:pk>/goals/<int:index>/<slug:action>/", views.goal_boundary, name="goal_boundary"),
    path("<int:pk>/fragments/<int:index>/<slug:action>/", views.fragment_action, name="fragment_action"),
]
