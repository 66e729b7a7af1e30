from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebConfig(AppConfig):
    name = "roedtraad.web"
    label = "web"
    verbose_name = _("Web")

    def ready(self) -> None:
        from roedtraad.web import pagecache

        pagecache.connect_signals()
