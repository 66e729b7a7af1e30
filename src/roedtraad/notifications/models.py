"""The outbox of notifications, and what each user has chosen not to be mailed."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    """What happened; a user may turn off the e-mails of each kind."""

    SUBMITTED = "submitted", _("En kontrakt er indsendt til gennemsyn")
    SENT_BACK = "sent_back", _("En kontrakt er sendt tilbage med ønsker om ændringer")
    RECOMMENDED = "recommended", _("En kontrakt er anbefalet til indgåelse")
    ENTERED = "entered", _("En kontrakt er indgået")
    PROPOSAL = "proposal", _("Et forslag om fælles mål venter på svar")


class Delivery(models.TextChoices):
    PENDING = "pending", _("Venter på at blive sendt")
    SENT = "sent", _("Sendt")
    FAILED = "failed", _("Kunne ikke sendes")
    NO_ADDRESS = "no_address", _("Ikke sendt: ingen e-mailadresse")
    TURNED_OFF = "turned_off", _("Ikke sendt: slået fra")


class Notification(models.Model):
    """One message to one user: stored whether or not it was mailed (`status` says which)."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("modtager"),
        on_delete=models.CASCADE,
        related_name="notifications",
    )
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices)
    subject = models.CharField(_("emne"), max_length=200)
    body = models.TextField(_("tekst"))
    link = models.CharField(_("link"), max_length=500)
    created_at = models.DateTimeField(_("oprettet"), auto_now_add=True)
    status = models.CharField(_("status"), max_length=20, choices=Delivery.choices, default=Delivery.PENDING)
    sent_at = models.DateTimeField(_("sendt"), null=True, blank=True)
    error = models.CharField(_("fejl"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("notifikation")
        verbose_name_plural = _("notifikationer")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["recipient", "-created_at"], name="notification_recipient_idx")]

    def __str__(self) -> str:
        return self.subject


class NotificationPreference(models.Model):
    """Whether a user wants the e-mails of one kind; no row means yes."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("bruger"),
        on_delete=models.CASCADE,
        related_name="notification_preferences",
    )
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices)
    enabled = models.BooleanField(_("send e-mail"), default=True)

    class Meta:
        verbose_name = _("valg af notifikationer")
        verbose_name_plural = _("valg af notifikationer")
        ordering = ["user", "kind"]
        constraints = [models.UniqueConstraint(fields=["user", "kind"], name="notification_preference_unique")]

    def __str__(self) -> str:
        return f"{self.user}: {self.get_kind_display()} ({'til' if self.enabled else 'fra'})"
