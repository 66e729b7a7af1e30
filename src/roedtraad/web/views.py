"""The start page and the site's information pages."""

from __future__ import annotations

from django.shortcuts import redirect, render

from roedtraad.web import access, dashboard, pagecache


@pagecache.per_user
def home(request):
    """What needs me now. Without login: the public overview if enabled, else the login page."""
    if not request.user.is_authenticated:
        if access.public_view():
            return redirect("public_index")
        return render(request, "web/welcome.html")
    context = dashboard.work_for(request.user)
    context["rights"] = access.rights_for(request.user)
    return render(request, "web/home.html", context)


def privacy(request):
    return render(request, "web/privacy.html")


def accessibility(request):
    return render(request, "web/accessibility.html")
