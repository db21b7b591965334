"""The seven qualities of the City Resilience Framework, for `rrs init`.

English names and short definitions as the framework (Arup with the Rockefeller
Foundation, 2014) and the 100 Resilient Cities programme give them. The Dutch
names and definitions are those of a Dutch strategy written in that programme
(the bundled catalogue's ``qualities.yaml``); ``rrs init`` writes them only for
a catalogue whose language is Dutch.
"""

from __future__ import annotations

from typing import NamedTuple


class CrfQuality(NamedTuple):
    key: str
    name_en: str
    definition_en: str
    name_nl: str
    definition_nl: str


QUALITIES: tuple[CrfQuality, ...] = (
    CrfQuality(
        "reflective",
        "Reflective",
        "Using past experience to inform future decisions.",
        "Reflectievermogen",
        "Gebruik ervaringen uit het verleden om nu en straks verstandig te acteren",
    ),
    CrfQuality(
        "resourceful",
        "Resourceful",
        "Recognising alternative ways to use resources.",
        "Vindingrijkheid",
        "Herken en gebruik meervoudige manieren om bronnen te gebruiken",
    ),
    CrfQuality(
        "robust",
        "Robust",
        "Well-conceived, constructed and managed systems.",
        "Robuustheid",
        "Maak doordachte en beheerde systemen die verbeterd uit plotse verstoringen en "
        "uit langdurige druk tevoorschijn kunnen komen",
    ),
    CrfQuality(
        "redundant",
        "Redundant",
        "Spare capacity purposively created to accommodate disruption.",
        "Reservecapaciteit",
        "Bouw bewust extra reactieruimte, reservecapaciteit en –vermogen in om "
        "ontwrichtingen op te vangen",
    ),
    CrfQuality(
        "flexible",
        "Flexible",
        "Willingness and ability to adopt alternative strategies in response to "
        "changing circumstances.",
        "Flexibiliteit",
        "Pas alternatieve strategieën toe in veranderende omstandigheden",
    ),
    CrfQuality(
        "inclusive",
        "Inclusive",
        "Broad consultation and engagement of communities, including the most "
        "vulnerable groups, to create a sense of shared ownership in decision making.",
        "Inclusiviteit",
        "Zorg voor gedeeld eigenaarschap, betrek mensen, sluit niemand uit en zorg voor "
        "gezamenlijke creatieprocessen",
    ),
    CrfQuality(
        "integrated",
        "Integrated",
        "Bringing together a range of distinct systems and institutions.",
        "Integraliteit",
        "Breng verschillende mensen, netwerken, organisaties, gebieden, projecten en "
        "systemen met elkaar in verbinding, zoek de synergie en laat ze samenwerken",
    ),
)
