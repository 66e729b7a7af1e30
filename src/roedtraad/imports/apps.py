from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImportsConfig(AppConfig):
    name = "roedtraad.imports"
    label = "imports"
    verbose_name = _("Import af dokumenter")
