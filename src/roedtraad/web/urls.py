from django.contrib.auth import views as auth_views
from django.urls import include, path

from roedtraad.web import contract_views, views

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
]
