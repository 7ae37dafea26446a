"""The words the guide PDF and the downloads page add around the editors' content, per language."""

from __future__ import annotations

from datetime import date
from functools import lru_cache

import babel
from babel.dates import format_date

from .. import cache
from ..checklists import format_size
from ..french_typography import join_numbers_to_units

LABELS: dict[str, dict[str, str]] = {
    "fr": {
        "locale": "fr_CA",
        "contents": "Table des matières",
        "appendix": "Annexe\u00a0: {title}",
        "edition": "Édition du {date}",
        "online": "Version en ligne\u00a0: {url}",
        "online_only": "Cet outil est interactif\u00a0: utilisez-le en ligne, à l'adresse {url}.",
        "online_only_unpublished": "Cet outil est interactif\u00a0: utilisez-le sur le site Web du guide.",
        "downloads_caption": "Fichiers à télécharger",
        "document": "Document",
        "format": "Format",
        "size": "Taille",
        "built": "Mis à jour le",
        "guide_title": "{title}\u00a0: version complète",
        "guide_description": "Toutes les pages du guide en un seul fichier, avec la boîte à outils (listes de vérification et modèles) en annexe.",
        "skipped": "Le PDF du guide n'est pas produit dans cet aperçu ({reason}). La commande mkdocs build le produit toujours.",
        "updating": "Aperçu\u00a0: ce fichier est en cours de mise à jour avec vos dernières modifications. Le lien mène encore à la version précédente; rechargez la page dans une minute pour obtenir la nouvelle.",
        "preparing": "Aperçu\u00a0: le PDF du guide est en cours de production. Rechargez la page dans une minute pour le télécharger.",
        "failed": "Aperçu\u00a0: le PDF du guide n'a pas pu être mis à jour avec vos dernières modifications. L'erreur est affichée dans le terminal de mkdocs serve.",
        "download_link": "{title} ({kind}), {size}",
        "size_and_pages": "{size}, {pages}\u00a0pages",
        "kind.guide": "PDF",
        "kind.PDF": "PDF à remplir",
        "kind.DOCX": "Word modifiable",
        "kind.ZIP": "ZIP, PDF et Word",
        "bundle_description": "Toutes les listes de vérification et tous les modèles, en PDF à remplir et en Word modifiable, réunis dans un seul fichier compressé.",
        "footer_link": "Télécharger le guide",
        # After the table: the other language's downloads page, named by its own title.
        "other_language.en": "Le guide, les listes de vérification et les modèles existent aussi en anglais\u00a0: {link}.",
    },
    "en": {
        "locale": "en_CA",
        "contents": "Contents",
        "appendix": "Appendix: {title}",
        "edition": "{date} edition",
        "online": "Online version: {url}",
        "online_only": "This tool is interactive: use it online at {url}.",
        "online_only_unpublished": "This tool is interactive: use it on the guide's website.",
        "downloads_caption": "Files to download",
        "document": "Document",
        "format": "Format",
        "size": "Size",
        "built": "Updated",
        "guide_title": "{title}: complete version",
        "guide_description": "Every page of the guide in one file, with the toolkit (checklists and templates) as an appendix.",
        "skipped": "The guide PDF is not built in this preview ({reason}). The mkdocs build command always builds it.",
        "updating": "Preview: this file is being updated with your latest changes. The link still opens the previous version; reload this page in a minute to get the new one.",
        "preparing": "Preview: the guide PDF is being typeset. Reload this page in a minute to download it.",
        "failed": "Preview: the guide PDF could not be updated with your latest changes. The error is shown in the mkdocs serve terminal.",
        "download_link": "{title} ({kind}), {size}",
        "size_and_pages": "{size}, {pages}\u00a0pages",
        "kind.guide": "PDF",
        "kind.PDF": "fillable PDF",
        "kind.DOCX": "editable Word",
        "kind.ZIP": "ZIP, PDF and Word",
        "bundle_description": "Every checklist and template as a fillable PDF and an editable Word file, in one ZIP file.",
        "footer_link": "Download the guide",
        "other_language.fr": "The guide and every checklist and template are also available in French: {link}.",
    },
}

def labels(lang: str) -> dict[str, str]:
    try:
        return LABELS[lang]
    except KeyError:
        raise ValueError(
            f"the guide PDF has no wording for language '{lang}': add it to LABELS in {__file__}"
        ) from None


@lru_cache(maxsize=64)  # the downloads table shows the same few dates on every row
def long_date(day: date, lang: str) -> str:
    """24 novembre 2026 / November 24, 2026; French writes the first of the month « 1er », and
    keeps the date on one line, as the pages do (french_typography).

    Remembered between builds: Babel loads a locale's data to write a date (about 7 ms each), and
    the downloads table of every rebuild shows the same dates. The key holds Babel's version, the
    source of its locale data."""
    locale = labels(lang)["locale"]
    return cache.cached_value("long-dates", [day.isoformat(), lang, locale, babel.__version__], lambda: _long_date(day, lang, locale))


def _long_date(day: date, lang: str, locale: str) -> str:
    text = format_date(day, "long", locale=locale)
    if lang == "fr" and day.day == 1:
        text = "1er" + text.removeprefix("1")  # CLDR has no ordinal day: « 1 décembre » reads wrong
    if lang == "fr":
        text = join_numbers_to_units(text)
    return text


def file_size(size: int, lang: str) -> str:
    """48 ko / 1,2 Mo: the same wording as the checklist pages' download buttons."""
    return format_size(size, lang)
