from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContractsConfig(AppConfig):
    name = "roedtraad.contracts"
    label = "contracts"
    verbose_name = _("Udviklingskontrakter og -aftaler")

    def ready(self) -> None:
        from roedtraad.contracts import search_index

        search_index.connect_signals()
