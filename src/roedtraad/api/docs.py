"""The browsable API docs: django-ninja's own Swagger page and files, rendered by Django.

ninja renders its page from a CDN unless "ninja" is an installed app; listing it would import
ninja and pydantic whenever Django starts (every command). The page's template and files are
found in the installed package instead (`settings.NINJA_FILES`), so the docs need no CDN either.
"""

from __future__ import annotations

import json

from django.shortcuts import render
from ninja.openapi.docs import Swagger


class LocalSwagger(Swagger):
    def render_page(self, request, api, **kwargs):
        self.settings["url"] = self.get_openapi_url(api, kwargs)
        context = {"swagger_settings": json.dumps(self.settings, indent=1), "api": api, "add_csrf": False}
        return render(request, self.template, context)
