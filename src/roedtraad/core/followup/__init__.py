"""Follow-up arithmetic without Django: series, rolling 12 months, forecast and status."""
