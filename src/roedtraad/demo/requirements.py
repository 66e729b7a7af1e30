"""Requirements used by the demo when the checks app's catalogue is not installed."""

FALLBACK = [
    ("holde-op-med", "Forslag til noget vi skal holde op med, fordi det ikke giver virkning for borgeren."),
    ("ledelsesudvikling", "Fokusområder i ledelsesudviklingen med afsæt i det fælles ledelsesgrundlag."),
    ("sygefravaer", "Lokale mål for sygefraværet og en strategi for at nå målet."),
    ("fleksible-arbejdsformer", "Hvordan vi eksperimenterer med og udvikler fleksible arbejdsformer."),
    ("god-modtagelse", "Indsatsen for god modtagelse af nye kolleger."),
    ("opgaveloesning", "Fokusområder hvor opgaveløsningen udvikles, fx med velfærdsteknologi."),
    ("faelles-maal", "Mindst ét fælles mål med angivelse af ansvar og roller."),
]
