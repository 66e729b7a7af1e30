from django.apps import AppConfig


class OpsConfig(AppConfig):
    """Operating commands: `roedtraad serve`."""

    name = "roedtraad.ops"
    label = "ops"
    verbose_name = "Drift"
