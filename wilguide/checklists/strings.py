"""Interface words of the checklists (field labels, buttons), written in each language."""

from __future__ import annotations

import functools
import math
import re

from ..french_typography import join_numbers_to_units

STRINGS: dict[str, dict[str, str]] = {
    "fr": {
        "field.name": "Nom",
        "field.student": "Stagiaire",
        "field.supervisor": "Personne qui supervise",
        "field.mentor": "Mentor ou mentore",
        "field.organization": "Organisation d'accueil",
        "field.date": "Date",
        "field.next-check-in": "Prochaine rencontre de suivi",
        "field.coordinator": "Coordonnateur ou coordonnatrice de stage",
        "field.placement-dates": "Dates du stage",
        "field.notes": "Notes",
        "filled-by": "À remplir",
        "page": "Page {page} sur {pages}",
        "download.pdf": "PDF à remplir",
        "download.docx": "Version Word modifiable",
        "download.group": "Télécharger cette liste",
        "bundle.title": "Toutes les listes de vérification et tous les modèles",
        "bundle.button": "Toutes les listes de vérification et tous les modèles en PDF et en Word",
        "readme.name": "lisez-moi",
        "readme.intro": "Des outils pour les personnes qui supervisent ou accompagnent une ou un stagiaire en apprentissage intégré au travail (AIT)\u00a0: {tools}, à utiliser de la préparation de son arrivée jusqu'à la fin du stage. Extrayez tous les fichiers avant de les utiliser (dans Windows\u00a0: clic droit sur le fichier ZIP, puis Extraire tout). Un PDF rempli alors qu'il est encore dans le fichier ZIP risque de ne pas être enregistré.",
        "readme.count.checklist.one": "une liste de vérification",
        "readme.count.checklist.other": "{count} listes de vérification",
        "readme.count.template.one": "un modèle",
        "readme.count.template.other": "{count} modèles",
        "readme.and": "{first} et {second}",
        "readme.versions": "Chaque liste de vérification et chaque modèle existe en deux versions\u00a0: un PDF à remplir et un fichier Word à adapter. Les fichiers sont numérotés dans l'ordre d'utilisation que nous proposons ci-dessous.",
        "readme.tool": "«\u00a0{title}\u00a0» ({number})",
        "readme.online": "{text} (en ligne)",
        "readme.online.address": "{text} (en ligne\u00a0: {address})",
        "readme.file.docx": "Word, à adapter",
        "readme.file.pdf": "PDF, à remplir",
        "readme.again": "À reprendre\u00a0:",
        "readme.others": "Autres outils\u00a0:",
        "readme.elsewhere": "Ce fichier ZIP ne contient ni le guide complet en PDF ni le planificateur de rencontres de suivi\u00a0: les deux se trouvent sur le site du guide.",
        "readme.elsewhere.address": "Ce fichier ZIP ne contient ni le guide complet en PDF, à télécharger à l'adresse {downloads}, ni le planificateur de rencontres de suivi, en ligne à l'adresse {planner}.",
        "readme.adapt": "Vous pouvez adapter et diffuser ces fichiers\u00a0: gardez le pied de page et ajoutez-y la mention de la source donnée dans la section Licence du site du guide.",
        "readme.adapt.address": "Vous pouvez adapter et diffuser ces fichiers\u00a0: gardez le pied de page et ajoutez-y la mention de la source donnée à l'adresse {licence}.",
        "progress.one": "{checked} case cochée sur {total}",
        "progress.other": "{checked} cases cochées sur {total}",
        "reset": "Tout décocher",
        "saved-here": "Vos coches restent dans ce navigateur, sur cet appareil seulement.",
        "blank-pdf": "Les fichiers PDF et Word, eux, ne reprennent pas vos coches\u00a0: pour transmettre cette liste ou en garder une copie remplie, téléchargez le PDF et remplissez-le.",
        "print": "Imprimer la liste",
        "undo": "Annuler",
        "undo.done": "Toutes les coches ont été retirées.",
        "undo.restored": "Vos coches sont rétablies.",
        "checkbox-hint": "Cocher",
        "noscript": "Sans JavaScript, les cases ne se cochent pas sur cette page\u00a0: imprimez-la, ou téléchargez la liste en PDF ou en Word pour la remplir.",
        "fill-on-paper": "Remplissez cette partie sur la page imprimée, ou dans le PDF ou la version Word de la liste.",
        "index.open": "Ouvrir la liste",
        "template.download.group": "Télécharger ce modèle",
        "template.saved-here": "Ce que vous écrivez ici reste dans ce navigateur, sur cet appareil seulement\u00a0: rien n'est envoyé. Pour le partager, imprimez la page ou remplissez plutôt le PDF ou la version Word.",
        "template.print": "Imprimer",
        "template.clear": "Tout effacer",
        "template.confirm-clear": "Effacer tout ce que vous avez écrit dans ce modèle, sur cet appareil?",
        "template.cleared": "Le modèle est vide.",
        "template.restored": "Les réponses de votre dernière visite ont été récupérées.",
        "template.unsaved": "Ce navigateur ne peut pas garder vos réponses\u00a0: imprimez la page ou remplissez plutôt le PDF avant de quitter la page.",
        "template.noscript": "Sans JavaScript, cette page ne garde pas ce que vous écrivez\u00a0: tout s'efface si vous la rechargez ou la quittez. Imprimez-la une fois remplie, ou remplissez plutôt le PDF ou la version Word.",
        "picker.title": "Partir d'un exemple",
        "picker.intro": "Choisissez un domaine et un exemple, puis la ligne où l'insérer. Adaptez ensuite le texte à votre stage.",
        "picker.field": "Domaine",
        "picker.example": "Exemple d'objectif",
        "picker.row": "Insérer dans",
        "picker.insert": "Insérer l'exemple",
        "picker.inserted": "Exemple inséré à la ligne «\u00a0{row}\u00a0». Modifiez-le pour l'adapter à votre stage.",
        "picker.appended": "La ligne «\u00a0{row}\u00a0» contenait déjà du texte\u00a0: l'exemple a été ajouté à la suite.",
    },
    "en": {
        "field.name": "Name",
        "field.student": "Student",
        "field.supervisor": "Supervisor",
        "field.mentor": "Mentor",
        "field.organization": "Host organization",
        "field.date": "Date",
        "field.next-check-in": "Next check-in",
        "field.coordinator": "Placement coordinator",
        "field.placement-dates": "Placement dates",
        "field.notes": "Notes",
        "filled-by": "To fill in",
        "page": "Page {page} of {pages}",
        "download.pdf": "Fillable PDF",
        "download.docx": "Editable Word version",
        "download.group": "Download this checklist",
        "bundle.title": "All checklists and templates",
        "bundle.button": "All checklists and templates as PDF and Word files",
        "readme.name": "read-me",
        "readme.intro": "Tools for people who supervise or mentor a student in a work-integrated learning (WIL) placement: {tools}, to use from before the student arrives to the end of the placement. Extract all the files before you use them (in Windows: right-click the ZIP file, then Extract All). A PDF filled in while it is still inside the ZIP file may not be saved.",
        "readme.count.checklist.one": "one checklist",
        "readme.count.checklist.other": "{count} checklists",
        "readme.count.template.one": "one template",
        "readme.count.template.other": "{count} templates",
        "readme.and": "{first} and {second}",
        "readme.versions": "Each checklist and template comes in two versions: a PDF to fill in and a Word file to adapt. The files are numbered in the order we suggest using them, set out below.",
        "readme.tool": '"{title}" ({number})',
        "readme.online": "{text} (online)",
        "readme.online.address": "{text} (online: {address})",
        "readme.file.docx": "Word, to adapt",
        "readme.file.pdf": "PDF, to fill in",
        "readme.again": "Use again:",
        "readme.others": "Other tools:",
        "readme.elsewhere": "Not in this ZIP file: the whole guide as a PDF and the check-in planner. Both are on the guide's website.",
        "readme.elsewhere.address": "Not in this ZIP file: the whole guide as a PDF, to download from {downloads}, and the check-in planner, online at {planner}.",
        "readme.adapt": "You may adapt and share these files: keep the footer and add to it the credit line given in the Licence section of the guide's website.",
        "readme.adapt.address": "You may adapt and share these files: keep the footer and add to it the credit line given at {licence}.",
        "progress.one": "{checked} of {total} ticked",
        "progress.other": "{checked} of {total} ticked",
        "reset": "Clear all ticks",
        "saved-here": "Your ticks are kept in this browser, on this device only.",
        "blank-pdf": "The PDF and Word files don't include your ticks: to share this checklist or keep a filled-in copy, download the PDF and fill it in.",
        "print": "Print the checklist",
        "undo": "Undo",
        "undo.done": "All ticks were removed.",
        "undo.restored": "Your ticks are back.",
        "checkbox-hint": "Check",
        "noscript": "Without JavaScript, the boxes can't be ticked on this page: print it, or download the checklist as a PDF or Word file to fill it in.",
        "fill-on-paper": "Fill this in on the printed page, or in the PDF or Word version of the checklist.",
        "index.open": "Open the checklist",
        "template.download.group": "Download this template",
        "template.saved-here": "What you type here stays in this browser, on this device only: nothing is sent anywhere. To share it, print the page, or fill in the PDF or Word version instead.",
        "template.print": "Print",
        "template.clear": "Clear everything",
        "template.confirm-clear": "Erase everything you have typed in this template on this device?",
        "template.cleared": "The template is empty.",
        "template.restored": "Your answers from your last visit have been restored.",
        "template.unsaved": "This browser cannot keep your answers: print the page, or fill in the PDF instead, before you leave the page.",
        "template.noscript": "Without JavaScript, this page does not keep what you type: everything is lost if you reload or leave the page. Print the page once you have filled it in, or fill in the PDF or Word version instead.",
        "picker.title": "Start from an example",
        "picker.intro": "Pick a field of work and an example, then the row to put it in, and adapt the wording to your placement.",
        "picker.field": "Field of work",
        "picker.example": "Example goal",
        "picker.row": "Insert into",
        "picker.insert": "Insert the example",
        "picker.inserted": "Example inserted into {row}. Edit it to fit your placement.",
        "picker.appended": "{row} already had text: the example was added after it.",
    },
}

# Numbers from two to nine, spelled out in running text ("nine checklists"); larger ones stay figures.
NUMBER_WORDS = {
    "fr": ("deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf"),
    "en": ("two", "three", "four", "five", "six", "seven", "eight", "nine"),
}

# Document languages: Canadian variants for PDF /Lang, Word proofing and <html lang>.
LOCALES = {"fr": "fr-CA", "en": "en-CA"}


@functools.lru_cache(maxsize=4096)  # a build asks for the same texts again (pages, files, cache keys)
def typography(value: str, lang: str) -> str:
    """French spacing: a no-break space before : ; ? ! % and inside « », so a line never starts
    with a lone colon, percent sign or guillemet, and between a number and the unit or month that
    follows it ("16 semaines", "24 mai 2022"), the pages' rule (contentcheck.french_spacing).
    Editors type ordinary spaces."""
    if lang != "fr":
        return value
    value = re.sub(r" ([:;?!»%])", "\u00a0\\1", value)
    value = join_numbers_to_units(value)
    return value.replace("« ", "«\u00a0")


def text(lang: str, key: str, **values) -> str:
    strings = STRINGS.get(lang) or STRINGS["en"]
    return strings[key].format(**values)


def counted(lang: str, key: str, count: int) -> str:
    """``count`` things as a sentence says it: ``key``.one for one ("one template"), else
    ``key``.other with the number, in words up to nine ("nine checklists", "12 checklists")."""
    if count == 1:
        return text(lang, f"{key}.one")
    words = NUMBER_WORDS.get(lang) or NUMBER_WORDS["en"]
    return text(lang, f"{key}.other", count=words[count - 2] if 2 <= count <= 9 else count)


def page_number_parts(lang: str) -> tuple[str, str, str]:
    """The words around the two numbers of "Page 1 of 2": ("Page ", " of ", ""), for the PDF's
    counters and the Word file's fields."""
    before, _, rest = text(lang, "page", page="\0", pages="\1").partition("\0")
    middle, _, after = rest.partition("\1")
    return before, middle, after


def locale(lang: str) -> str:
    return LOCALES.get(lang, lang)


def format_size(size: int, lang: str) -> str:
    """A file size as readers expect it: '48 ko' in French, '48 KB' in English (1 KB = 1024 bytes)."""
    units = ("ko", "Mo") if lang == "fr" else ("KB", "MB")
    if size < 1024 * 1024:
        return f"{max(1, math.ceil(size / 1024))}\u00a0{units[0]}"
    number = f"{size / (1024 * 1024):.1f}"
    if lang == "fr":
        number = number.replace(".", ",")
    return f"{number}\u00a0{units[1]}"
