"""The demo municipality: Fjordby Kommune, invented for Rødtråd (no real names or texts).

Plain data only; `build.py` turns it into rows.
"""

from __future__ import annotations

MUNICIPALITY = "Fjordby Kommune"

# area -> (short name, aliases, [(holder, short, kind of contract, layout, [centres])])
AREAS: dict[str, tuple[str, list[str], list[tuple[str, str, str, str, list[str]]]]] = {
    "Sundhed og Omsorg": (
        "SO",
        ["Sundheds- og Omsorgsområdet"],
        [
            ("Hjemmeplejen Fjordby", "HP", "kontrakt", "workplan", ["Hjemmepleje Nord", "Hjemmepleje Syd"]),
            ("Plejecenter Egelund", "PE", "kontrakt", "workplan", []),
            ("Bofællesskabet Lærkehøj", "BL", "kontrakt", "workplan", []),
            ("Sundhedscenter Fjordby", "SC", "aftale", "sections", ["Træning og Rehabilitering"]),
        ],
    ),
    "Børn og Læring": (
        "BOL",
        ["Børne- og Læringsområdet"],
        [
            ("Fjordby Skole", "FS", "kontrakt", "sections", ["Indskoling", "Udskoling"]),
            ("Dagtilbud Nord", "DN", "kontrakt", "workplan", []),
            ("PPR og Familie", "PPR", "aftale", "sections", []),
            ("Ungecenter Fjordby", "UC", "kontrakt", "sections", []),
        ],
    ),
    "Teknik og Miljø": (
        "TM",
        ["Teknik- og Miljøområdet"],
        [
            ("Vej og Park", "VP", "aftale", "sections", ["Driftsgården"]),
            ("Byggeri og Ejendomme", "BE", "aftale", "sections", []),
        ],
    ),
    "Staben": (
        "ST",
        ["Stabsområdet"],
        [
            ("HR og Personale", "HR", "aftale", "sections", []),
            ("Økonomi og Digitalisering", "ØD", "aftale", "sections", []),
        ],
    ),
}

# Invented people: (name, title, unit name)
PEOPLE = [
    ("Birgitte Holm", "Kommunaldirektør", MUNICIPALITY),
    ("Jens Aagaard", "Direktør for Sundhed og Omsorg", "Sundhed og Omsorg"),
    ("Mette Lund", "Direktør for Børn og Læring", "Børn og Læring"),
    ("Ole Brink", "Direktør for Teknik, Miljø og Staben", "Teknik og Miljø"),
    ("Karen Vestergaard", "Fagchef", "Sundhed og Omsorg"),
    ("Peter Kjær", "Fagchef", "Børn og Læring"),
    ("Lise Dam", "Fagchef", "Teknik og Miljø"),
    ("Henrik Møller", "Stabschef", "Staben"),
]

# Holder leaders, invented: holder -> name
HOLDER_LEADERS = {
    "Hjemmeplejen Fjordby": "Anne Skov",
    "Plejecenter Egelund": "Thomas Bech",
    "Bofællesskabet Lærkehøj": "Susanne Krogh",
    "Sundhedscenter Fjordby": "Rasmus Friis",
    "Fjordby Skole": "Camilla Nørgaard",
    "Dagtilbud Nord": "Louise Winther",
    "PPR og Familie": "Morten Lykke",
    "Ungecenter Fjordby": "Sara Bundgaard",
    "Vej og Park": "Niels Toft",
    "Byggeri og Ejendomme": "Eva Lindberg",
    "HR og Personale": "Kim Rosendahl",
    "Økonomi og Digitalisering": "Jonas Pihl",
}

# Logins printed by `roedtraad demo` and `make run`: username -> (role, unit, person)
LOGINS = {
    "direktoer": ("director", None, "Birgitte Holm"),
    "fagchef": ("head_of_area", "Sundhed og Omsorg", "Karen Vestergaard"),
    "kontraktholder": ("holder", "Hjemmeplejen Fjordby", "Anne Skov"),
    "kontraktholder2": ("holder", "Fjordby Skole", "Camilla Nørgaard"),
    "laeser": ("reader", None, None),
}
DEMO_PASSWORD = "demo-roedtraad"
# The admin's password is generated when the demo is loaded and printed once (never in the repository).
ADMIN_USERNAME = "admin"

# Employees of each unit's own (not in a sub-unit), invented; a unit's headcount is its own
# staff plus its sub-units'. Træning og Rehabilitering is small on purpose: its sick leave is
# shown only to its leaders and the director, and suppression is seen on the overview.
OWN_STAFF = {
    MUNICIPALITY: 8,
    "Hjemmeplejen Fjordby": 12,
    "Hjemmepleje Nord": 48,
    "Hjemmepleje Syd": 41,
    "Plejecenter Egelund": 62,
    "Bofællesskabet Lærkehøj": 18,
    "Sundhedscenter Fjordby": 22,
    "Træning og Rehabilitering": 4,
    "Fjordby Skole": 20,
    "Indskoling": 24,
    "Udskoling": 27,
    "Dagtilbud Nord": 38,
    "PPR og Familie": 16,
    "Ungecenter Fjordby": 14,
    "Vej og Park": 9,
    "Driftsgården": 21,
    "Byggeri og Ejendomme": 11,
    "HR og Personale": 13,
    "Økonomi og Digitalisering": 17,
}
AREA_OWN_STAFF = 3
