"""French typography shared by the pages' check and the generated files: a number and the unit of
time or the month it counts ("16 semaines", "9 h", "24 mai 2022") stay on one line."""

from __future__ import annotations

import re

UNITS = (
    "semaines? mois jours? heures? minutes? ans? années? h janvier février mars avril mai juin juillet "
    "août septembre octobre novembre décembre"
)
# The ordinary space between such a number and its unit.
NUMBER_AND_UNIT = re.compile(rf"(?<=\d) (?=(?:{'|'.join(UNITS.split())})(?![\w-]))")
