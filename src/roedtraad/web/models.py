from django.db import models
from django.utils.translation import gettext_lazy as _


class ContentVersion(models.Model):
    """One row whose token changes whenever anything a page shows changes (see web/pagecache.py).

    A random token rather than a counter: a database restored from a backup brings back the token
    that belonged to exactly that data, so a cached page can never be paired with other data.
    """

    token = models.CharField(_("token"), max_length=32)
    changed_at = models.DateTimeField(_("ændret"), auto_now=True)

    class Meta:
        verbose_name = _("indholdsversion")
        verbose_name_plural = _("indholdsversioner")

    def __str__(self) -> str:
        return self.token
