from django.urls import path

from roedtraad.checks import proposal_views, requirement_views, views

app_name = "checks"

urlpatterns = [
    path("", views.matrix, name="matrix"),
    path("contracts/<int:pk>/", views.report, name="report"),
    path("contracts/<int:pk>/units/new/", views.unit_create, name="unit_create"),
    path("network/", views.network, name="network"),
    path("overlaps/", views.overlaps, name="overlaps"),
    path("proposals/new/<int:a>/<int:b>/", proposal_views.propose, name="proposal_new"),
    path("proposals/<int:pk>/goals/<int:goal_pk>/accept/", proposal_views.accept, name="proposal_accept"),
    path("proposals/<int:pk>/goals/<int:goal_pk>/decline/", proposal_views.decline, name="proposal_decline"),
    path("requirements/", requirement_views.requirement_list, name="requirements"),
    path("requirements/<int:year>/catalogue/", requirement_views.requirement_catalogue, name="requirement_catalogue"),
    path("requirements/<int:year>/new/", requirement_views.requirement_create, name="requirement_create"),
    path("requirements/edit/<int:pk>/", requirement_views.requirement_edit, name="requirement_edit"),
    path("requirements/retire/<int:pk>/", requirement_views.requirement_retire, name="requirement_retire"),
]
