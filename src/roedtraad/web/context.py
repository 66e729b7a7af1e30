from django.conf import settings


def site(request):
    """Site-wide values for every template (name, accessibility statement link)."""
    return {
        "site_name": settings.ROEDTRAAD_SITE_NAME,
        "accessibility_url": settings.ROEDTRAAD_ACCESSIBILITY_URL,
    }
