"""The ZIP of all checklists and templates is usable on its own: its files are numbered in the order
of the toolkit's "Which tool, when" list, and a read-me comes first, saying what they are and when to
use each. An employer who unzips it should not need the site to know where to start.

Fast: the ZIP is assembled from small stand-in PDF and Word files (no typesetting, no site build).
Expected values are the words a reader sees, written here, and the page's list read here with a
pattern of our own, never the generator's tables."""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import pytest
from mkdocs.config import load_config

from test_contentcheck import findings_of, fixture_tree
from wilguide import cache
from wilguide.checklists import file_settings, load_all
from wilguide.checklists.bundle import order_findings
from wilguide.checklists.downloads import file_name, produce_downloads

ROOT = Path(__file__).resolve().parent.parent
LANGS = ["fr", "en"]
README = {"fr": "00-lisez-moi.txt", "en": "00-read-me.txt"}
BUNDLE = {"fr": "toutes-les-listes-de-verification-et-tous-les-modeles.zip", "en": "all-checklists-and-templates.zip"}
# The first tool of "Which tool, when", as the ZIP names its files; its separate downloads keep their names.
FIRST = {
    "fr": ("01-avant-la-premiere-journee.pdf", "01-avant-la-premiere-journee.docx", "toolkit/downloads/avant-la-premiere-journee.pdf"),
    "en": ("01-before-the-first-day.pdf", "01-before-the-first-day.docx", "toolkit/downloads/before-the-first-day.pdf"),
}
# The first step of the list, as a reader reads it in the read-me: a tool of the ZIP by its title
# in quotes and its number, the planner (not in the ZIP) marked as online, French spaces kept.
FIRST_STEP = {
    "fr": "1. Avant l'arrivée, dès que le stage est confirmé\u00a0: «\u00a0Avant la première journée\u00a0» (01) et le "
          "Planificateur de rencontres de suivi (en ligne). Pour vous-même, remplissez la fiche «\u00a0Réflexion sur mes "
          "compétences en mentorat\u00a0» (02) et parcourez l'«\u00a0Autoévaluation\u00a0: mentorat inclusif\u00a0» (03).",
    "en": '1. Before the start, as soon as the placement is confirmed: "Before the first day" (01) and the Check-in '
          'planner (online). For yourself, fill in the "Reflection on my mentor competencies" (02) sheet and go through '
          'the "Inclusive mentoring self-check" (03).',
}
# Step 4 uses four tools again: the read-me names their files, without extension, under its own.
AGAIN = {
    "fr": "À reprendre\u00a0: 02-reflexion-sur-mes-competences-en-mentorat, 03-autoevaluation-mentorat-inclusif, "
          "06-plan-d-apprentissage, 07-entente-de-mentorat",
    "en": "Use again: 02-reflection-on-my-mentor-competencies, 03-inclusive-mentoring-self-check, 06-learning-plan, "
          "07-mentoring-agreement",
}
# What the kit is, for whom, and to extract it first.
INTRO = {
    "fr": "Des outils pour les personnes qui supervisent ou accompagnent une ou un stagiaire en apprentissage intégré "
          "au travail (AIT)\u00a0: neuf listes de vérification et deux modèles, à utiliser de la préparation de son "
          "arrivée jusqu'à la fin du stage. Extrayez tous les fichiers avant de les utiliser (dans Windows\u00a0: clic "
          "droit sur le fichier ZIP, puis Extraire tout). Un PDF rempli alors qu'il est encore dans le fichier ZIP "
          "risque de ne pas être enregistré.",
    "en": "Tools for people who supervise or mentor a student in a work-integrated learning (WIL) placement: nine "
          "checklists and two templates, to use from before the student arrives to the end of the placement. Extract "
          "all the files before you use them (in Windows: right-click the ZIP file, then Extract All). A PDF filled in "
          "while it is still inside the ZIP file may not be saved.",
}
# Windows hides known extensions: each file says what it is for.
LABELS = {"fr": ("(Word, à adapter)", "(PDF, à remplir)"), "en": ("(Word, to adapt)", "(PDF, to fill in)")}
ADAPT = {
    "fr": "Vous pouvez adapter et diffuser ces fichiers\u00a0: gardez le pied de page et ajoutez-y la mention de la "
          "source donnée dans la section Licence du site du guide.",
    "en": "You may adapt and share these files: keep the footer and add to it the credit line given in the Licence section "
          "of the guide's website.",
}
BOM = b"\xef\xbb\xbf"  # older Notepad and WordPad read the file as UTF-8 only with it
TITLES = {"fr": "Toutes les listes de vérification et tous les modèles", "en": "All checklists and templates"}
GUIDE = {"fr": "Guide de mentorat en AIT", "en": "WIL Mentoring Guide"}  # mkdocs.yml's site_name
LICENCE = {"fr": "Contenu sous licence CC BY 4.0", "en": "Content licensed under CC BY 4.0"}  # its copyright
PUBLISHER = "Collège Boréal-Test"
SITE_URL = "https://mentorat.college.ca/guide/"
ADDRESSES = {  # the toolkit page, then where the guide PDF, the planner and the licence's credit line are
    "fr": ["https://mentorat.college.ca/guide/toolkit/", "https://mentorat.college.ca/guide/downloads/",
           "https://mentorat.college.ca/guide/toolkit/planner/", "https://mentorat.college.ca/guide/contribute/#licence"],
    "en": ["https://mentorat.college.ca/guide/en/toolkit/", "https://mentorat.college.ca/guide/en/downloads/",
           "https://mentorat.college.ca/guide/en/toolkit/planner/", "https://mentorat.college.ca/guide/en/contribute/#licence"],
}


def settings(lang: str, site_url: str | None = None) -> dict[str, str]:
    """The site settings a build gives the files, from mkdocs.yml (its default address is a
    stand-in: no address), with a publisher set."""
    config = load_config(str(ROOT / "mkdocs.yml"), **({"site_url": site_url} if site_url else {}))
    return {**file_settings(config, lang), "publisher": PUBLISHER}


@pytest.fixture
def docs(tmp_path, monkeypatch) -> Path:
    """A copy of the toolkit pages, an empty cache, and stand-ins for the PDF and Word files."""
    monkeypatch.setenv("WILGUIDE_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    real = cache.cached_file

    def stand_in(kind, key, suffix, produce):
        if kind == "checklists-zip":
            return real(kind, key, suffix, produce)
        return real(kind, key, suffix, lambda target: target.write_bytes(f"{kind} {cache.content_hash(key)}".encode()))

    monkeypatch.setattr(cache, "cached_file", stand_in)
    folder = tmp_path / "docs"
    for lang in LANGS:
        shutil.copytree(ROOT / "docs" / lang / "toolkit", folder / lang / "toolkit")
    return folder


def produce(docs: Path, lang: str, values: dict[str, str]):
    return produce_downloads(list(load_all(docs, LANGS)[lang].values()), lang, values)


def bundle_of(downloads) -> Path:
    (bundle,) = [download for download in downloads if download.format == "ZIP"]
    return bundle.path


def page_order(index: Path) -> list[str]:
    """The tools in the order of "Which tool, when", read here with a pattern of our own: the
    first link to each checklist or template page in the numbered list under { #when-to-use }."""
    section = index.read_text(encoding="utf-8").split("{ #when-to-use }", 1)[1].split("\n## ", 1)[0]
    tools = {path.stem for path in index.parent.glob("*.md") if re.search(r"^(checklist|form):", path.read_text(encoding="utf-8"), re.M)}
    order: list[str] = []
    for step in re.findall(r"^\d+\. .*$", section, re.M):
        order += [slug for slug in re.findall(r"\]\(([\w-]+)\.md(?:#[\w-]+)?\)", step) if slug in tools and slug not in order]
    return order


def expected_members(docs: Path, lang: str, order: list[str]) -> list[str]:
    checklists = load_all(docs, LANGS)[lang]
    ranked = order + [slug for slug in checklists if slug not in order]
    return [README[lang]] + [
        f"{number:02d}-{file_name(checklists[slug], suffix)}" for number, slug in enumerate(ranked, 1) for suffix in (".pdf", ".docx")
    ]


def readme(path: Path, lang: str) -> tuple[bytes, list[str]]:
    with zipfile.ZipFile(path) as archive:
        return archive.read(README[lang]), archive.namelist()


def joined(text: str) -> str:
    """The read-me's wrapped lines joined again, French no-break spaces kept."""
    return re.sub(r"\r\n *", " ", text)


def step(text: str, number: int) -> str:
    """A step of the read-me, with the lines under it."""
    return text.split(f"\r\n\r\n{number}. ", 1)[1].split("\r\n\r\n", 1)[0]


@pytest.mark.parametrize("lang", LANGS)
def test_zip_members_are_numbered_in_the_order_of_which_tool_when(docs, lang):
    downloads = produce(docs, lang, settings(lang))
    order = page_order(docs / lang / "toolkit" / "index.md")
    assert len(order) == 11, order  # the page links all nine checklists and both templates
    with zipfile.ZipFile(bundle_of(downloads)) as archive:
        names = archive.namelist()
        assert names == expected_members(docs, lang, order)
        assert names[:3] == [README[lang], *FIRST[lang][:2]]
        # Each numbered member is the separate download, which keeps its usual name and address.
        separate = {download.url.rsplit("/", 1)[1]: download.path for download in downloads if download.format != "ZIP"}
        for name in names[1:]:
            assert archive.read(name) == separate[name[3:]].read_bytes(), name
    urls = [download.url for download in downloads]
    assert FIRST[lang][2] in urls and f"toolkit/downloads/{BUNDLE[lang]}" in urls


@pytest.mark.parametrize("lang", LANGS)
def test_read_me_comes_first_and_lists_every_file_with_its_step(docs, lang):
    data, names = readme(bundle_of(produce(docs, lang, settings(lang))), lang)
    assert names[0] == README[lang]
    assert data.count(b"\n") == data.count(b"\r\n") > 10 and data.endswith(b"\r\n"), "Windows line ends only"
    assert data.startswith(BOM) and not data[3:].startswith(BOM)
    text = data.decode("utf-8-sig")
    word, pdf = LABELS[lang]
    for name in names[1:]:
        assert re.search(rf"^ *- {re.escape(name)} {re.escape(word if name.endswith('.docx') else pdf)}\r$", text, re.M), name
    lines = text.split("\r\n")
    assert lines[:2] == [TITLES[lang], GUIDE[lang]]
    assert lines[-2] == f"{PUBLISHER} · {LICENCE[lang]}"
    assert joined(text).startswith(f"{TITLES[lang]} {GUIDE[lang]}  {INTRO[lang]}  ")
    assert FIRST_STEP[lang] in joined(text)
    assert ('"Before the first day" (01)' if lang == "en" else "«\u00a0Avant la première journée\u00a0» (01)") in joined(text)
    # The first step's files follow it, before the second step: Word first, as Windows lists them.
    pdf_name, docx_name = FIRST[lang][:2]
    assert step(text, 1).split("\r\n")[-6:-4] == [f"   - {docx_name} {word}", f"   - {pdf_name} {pdf}"]
    # Step 4 lists its own file, then the tools it uses again.
    assert re.search(rf"\r\n   - 09-[a-z-]+\.pdf {re.escape(pdf)}\r\n   {AGAIN[lang].split()[0]}", step(text, 4))
    assert joined(step(text, 4)).endswith(f" {AGAIN[lang]}")
    assert re.search(r"\r\n   (Use again|À reprendre\u00a0): 06-(learning-plan|plan-d-apprentissage)$", step(text, 3))
    assert "Use again" not in step(text, 1) and "reprendre" not in step(text, 1)
    assert joined(text).endswith(f"{ADAPT[lang]}  {PUBLISHER} · {LICENCE[lang]} ")
    # Wrapped at 72 characters for Notepad; only a file's line, which is never cut, may be longer.
    assert all(len(line) <= 72 or line.startswith("   - ") for line in lines)
    assert "{{" not in text and "{%" not in text and "](" not in text and "**" not in text
    assert "http" not in text, "mkdocs.yml's default address is a stand-in: no address at all"
    assert not re.search(r"\binterns?\b", text, re.I)
    if lang == "fr":  # French spacing: a no-break space before the colon and inside « », never an ordinary one
        assert "confirmé\u00a0: «\u00a0Avant" in text and " :" not in text and "« " not in text and " »" not in text
    else:
        assert "Not in this ZIP file: the whole guide as a PDF and the check-in planner." in " ".join(text.split())


@pytest.mark.parametrize("lang", LANGS)
def test_read_me_gives_the_addresses_only_when_the_site_has_one(docs, lang):
    data, _names = readme(bundle_of(produce(docs, lang, settings(lang, SITE_URL))), lang)
    text = data.decode("utf-8-sig")
    toolkit, downloads, planner, licence = ADDRESSES[lang]
    assert text.split("\r\n")[2] == toolkit
    # In order: the toolkit, the planner in step 1, the guide PDF and the planner again, the licence.
    assert re.findall(r"https?://[^\s)]*[^\s).,]", text) == [toolkit, planner, downloads, planner, licence], text
    online = "(online: " if lang == "en" else "(en ligne\u00a0: "
    assert f"{online}{planner})" in joined(step(text, 1))
    assert f" {licence}." in joined(text)


def test_the_zip_is_made_again_when_the_list_order_or_a_setting_changes(docs):
    values = settings("en")
    before = dict(cache.generated_count)
    first = bundle_of(produce(docs, "en", values))
    assert produce(docs, "en", values)[-1].path == first  # unchanged: taken from the cache

    index = docs / "en" / "toolkit" / "index.md"
    text = index.read_text(encoding="utf-8")
    step_five = re.search(r"^5\. .*\n", text, re.M).group(0)
    step_six = re.search(r"^6\. .*\n", text, re.M).group(0)
    swapped = step_six.replace("6.", "5.", 1) + step_five.replace("5.", "6.", 1)
    index.write_text(text.replace(step_five + step_six, swapped), encoding="utf-8")
    reordered = bundle_of(produce(docs, "en", values))
    assert reordered != first
    data, names = readme(reordered, "en")
    assert names[19:] == ["10-when-things-go-wrong-the-steps.pdf", "10-when-things-go-wrong-the-steps.docx",
                          "11-final-evaluation-and-exit-conversation.pdf", "11-final-evaluation-and-exit-conversation.docx"]
    assert "5. As soon as a warning sign repeats" in " ".join(data.decode("utf-8-sig").split())

    licensed = bundle_of(produce(docs, "en", {**values, "copyright": "Content licensed under CC BY-SA 4.0"}))
    assert licensed not in (first, reordered)
    assert "CC BY-SA 4.0" in readme(licensed, "en")[0].decode("utf-8-sig")
    kinds = ("checklists-pdf", "checklists-docx", "checklists-zip")
    made = {kind: cache.generated_count.get(kind, 0) - before.get(kind, 0) for kind in kinds}
    assert made == {"checklists-pdf": 11, "checklists-docx": 11, "checklists-zip": 3}, "only the ZIP is made again"


def test_a_checklist_left_out_of_which_tool_when_is_reported_at_that_heading(tmp_path):
    root = fixture_tree(tmp_path, "tool-order")
    line = (root / "docs/en/toolkit/index.md").read_text(encoding="utf-8").split("\n").index("## Which tool, when { #when-to-use }") + 1
    assert findings_of(root) == [
        f'docs/en/toolkit/index.md:{line}: "Second sheet" (second.md) is not linked in "Which tool, when": add it to the list, '
        "at the step where it is used, so its files are numbered in that order in the ZIP",
    ]


def test_an_unlinked_checklist_goes_last_in_the_zip_and_in_the_read_me(docs):
    index = docs / "en" / "toolkit" / "index.md"
    text = index.read_text(encoding="utf-8")
    # Linked elsewhere than to its page (a link that is no tool's shows its words only).
    linked_out = "[Regular check-in agenda](https://example.org/agenda)"
    index.write_text(text.replace("[Regular check-in agenda](check-in-agenda.md)", linked_out), encoding="utf-8")
    data, names = readme(bundle_of(produce(docs, "en", settings("en"))), "en")
    assert names[-2:] == ["11-regular-check-in-agenda.pdf", "11-regular-check-in-agenda.docx"]
    assert names[15:17] == ["08-mid-placement-review.pdf", "08-mid-placement-review.docx"]
    *_steps, others, elsewhere, adapt, licence = data.decode("utf-8-sig").removesuffix("\r\n").split("\r\n\r\n")
    assert others == ("Other tools:\r\n- 11-regular-check-in-agenda.docx (Word, to adapt)\r\n"
                      "- 11-regular-check-in-agenda.pdf (PDF, to fill in)")
    assert "the Regular check-in agenda, a fresh copy" in " ".join(data.decode("utf-8-sig").split())
    assert " ".join(elsewhere.split()) == (
        "Not in this ZIP file: the whole guide as a PDF and the check-in planner. Both are on the guide's website."
    )
    assert joined(adapt) == ADAPT["en"]
    assert licence == f"{PUBLISHER} · Content licensed under CC BY 4.0"


def test_the_read_me_counts_the_checklists_and_templates_it_holds(docs):
    for lang in LANGS:
        (docs / lang / "toolkit" / "mid-placement-review.md").unlink()
    for lang, counted in (("en", "eight checklists and two templates"), ("fr", "huit listes de vérification et deux modèles")):
        data, names = readme(bundle_of(produce(docs, lang, settings(lang))), lang)
        assert len(names) == 1 + 2 * 10
        assert counted in joined(data.decode("utf-8-sig"))


def test_a_toolkit_index_without_the_section_is_reported_at_its_first_line(tmp_path):
    index = tmp_path / "index.md"
    index.write_text("---\ndescription: The tools.\n---\n\n# Toolkit\n\n## The checklists { #checklists }\n\n"
                     "1. [Checklist](checklist.md)\n", encoding="utf-8")
    assert [str(finding) for finding in order_findings(index, {"checklist": "Checklist"}, "docs/en/toolkit/index.md")] == [
        "docs/en/toolkit/index.md:1: the toolkit index has no section { #when-to-use }: add it, with a numbered list that "
        "links each checklist and template in the order to use them; the ZIP numbers their files in that order",
    ]
