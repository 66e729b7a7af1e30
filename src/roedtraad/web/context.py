from django.conf import settings
from django.urls import reverse, translate_url

from roedtraad.web.access import public_view, rights_for, shows_personal_data


def site(request):
    """Site-wide values for every template: name, links in the footer, languages, roles."""
    user = getattr(request, "user", None)
    languages = [
        {"code": code, "name": name, "url": translate_url(request.get_full_path(), code)}
        for code, name in settings.LANGUAGES
    ]
    return {
        "site_name": settings.ROEDTRAAD_SITE_NAME,
        "accessibility_url": settings.ROEDTRAAD_ACCESSIBILITY_URL or reverse("accessibility"),
        "accessibility_external": bool(settings.ROEDTRAAD_ACCESSIBILITY_URL),
        "language_links": languages,
        "user_roles": rights_for(user).role_names() if user is not None else [],
        "personal_data": shows_personal_data(user) if user is not None else False,
        "public_view": public_view(),
    }
