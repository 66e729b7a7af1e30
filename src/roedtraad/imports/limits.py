"""The limits on reading one file, from the settings; no models, so that a dry run of
`roedtraad import` can read them without Django's app registry."""

from __future__ import annotations

from django.conf import settings

from roedtraad.core.ingest.limits import ParseLimits


def max_bytes() -> int:
    return int(settings.ROEDTRAAD_MAX_UPLOAD_BYTES)


def parse_limits() -> ParseLimits:
    """The limits on reading one file, from the settings (`ROEDTRAAD_PARSE_*`)."""
    return ParseLimits(max_bytes=max_bytes(), **settings.ROEDTRAAD_PARSE_LIMITS)
