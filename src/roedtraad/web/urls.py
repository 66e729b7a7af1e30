from django.contrib.auth import views as auth_views
from django.urls import include, path

from roedtraad.web import contract_views, editor, followup_views, history_views, views, workflow_views

urlpatterns = [
    path("", views.home, name="home"),
    path("login/", auth_views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("contracts/", contract_views.contract_list, name="contract_list"),
    path("contracts/<int:pk>/", contract_views.contract_detail, name="contract_detail"),
    path("goals/<int:pk>/", contract_views.goal_detail, name="goal_detail"),
    path("indicators/<int:pk>/", contract_views.indicator_detail, name="indicator_detail"),
    path("search/", contract_views.search, name="search"),
    path("personal-data/", views.privacy, name="privacy"),
    path("accessibility/", views.accessibility, name="accessibility"),
    path("import/", include("roedtraad.imports.urls")),
    path("checks/", include("roedtraad.checks.urls")),
    path("contracts/<int:pk>/submit/", workflow_views.submit, name="contract_submit"),
    path("contracts/<int:pk>/request-changes/", workflow_views.request_changes, name="contract_request_changes"),
    path("contracts/<int:pk>/enter/", workflow_views.enter, name="contract_enter"),
    path("contracts/<int:pk>/close/", workflow_views.close, name="contract_close"),
    path("contracts/<int:pk>/new-revision/", workflow_views.new_revision, name="contract_new_revision"),
    path("goals/<int:pk>/edit/", editor.goal_edit, name="goal_edit"),
    path("goals/<int:pk>/edit/validate/", editor.goal_validate, name="goal_validate"),
    path("goals/<int:pk>/history/", history_views.goal_history, name="goal_history"),
    path("contracts/<int:pk>/history/", history_views.contract_history, name="contract_history"),
    path(
        "goals/<int:pk>/history/<str:kind>/<int:history_id>/restore/",
        history_views.restore,
        name="goal_restore",
    ),
    path("goals/<int:pk>/delete/", history_views.delete_goal, name="goal_delete"),
    path("goals/<int:pk>/undo-delete/", history_views.undo_delete_goal, name="goal_undo_delete"),
    path("goals/<int:pk>/follow-ups/new/", followup_views.add_follow_up, name="goal_follow_up"),
    path("goals/<int:pk>/comments/", workflow_views.add_comment, name="goal_comment"),
    path("comments/<int:pk>/resolve/", workflow_views.resolve_comment, name="comment_resolve"),
]
