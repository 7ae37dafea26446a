"""The guide PDF's document assembly and downloads table, without typesetting (fast)."""

from __future__ import annotations

import dataclasses
import re
from datetime import date
from pathlib import Path

import lxml.html
import pytest

from wilguide.findings import Finding
from wilguide.guide_pdf import (
    Chapter,
    Download,
    Edition,
    GuidePdf,
    OtherLanguagePage,
    checklist_rows,
    file_name,
    guide_row,
    insert_downloads,
    render_downloads,
    skip_reason,
)
from wilguide.guide_pdf.assemble import build_document
from wilguide.guide_pdf.contents import arrange

EDITION = Edition(
    lang="fr",
    title="Guide d'essai",
    subtitle="Un sous-titre",
    publisher="Organisation Exemple",
    day=date(2026, 3, 5),
    site_url="https://example-org.github.io/guide/",
    licence="CC BY 4.0",
)


def chapter(src_path: str, html: str, section: str | None = None, url: str | None = None, **extra) -> Chapter:
    url = url if url is not None else ("" if src_path == "index.md" else src_path.removesuffix(".md") + "/")
    return Chapter(src_path=src_path, url=url, html=html, title=extra.pop("title", src_path), section=section, **extra)


def shown(text: str) -> str:
    """The text as it prints: without the characters that only say where an address may break or
    not (a zero width space, a word joiner), which print nothing."""
    return text.replace("\u200b", "").replace("\u2060", "")


def document(chapters: list[Chapter], assets: dict | None = None, edition: Edition = EDITION):
    html, problems, _ = build_document(arrange(chapters, "Annexe\u00a0: {title}"), edition, assets or {})
    return lxml.html.document_fromstring(html), problems


def test_arrange_moves_the_toolkit_to_an_appendix_and_leaves_out_the_downloads_page():
    parts = arrange(
        [
            chapter("index.md", "<h1>Accueil</h1>"),
            chapter("roles.md", "<h1>Rôles</h1>", "Le guide"),
            chapter("toolkit/index.md", "<h1>Outils</h1>", "Boîte à outils"),
            chapter("toolkit/planner.md", "<h1>Planificateur</h1>", "Boîte à outils"),
            chapter("downloads.md", "<h1>Téléchargements</h1>", "Boîte à outils"),
            chapter("glossary.md", "<h1>Glossaire</h1>", "Ressources"),
        ],
        "Annexe\u00a0: {title}",
    )
    assert [(p.title, [c.src_path for c in p.chapters]) for p in parts] == [
        (None, ["index.md"]),
        ("Le guide", ["roles.md"]),
        ("Ressources", ["glossary.md"]),
        ("Annexe\u00a0: Boîte à outils", ["toolkit/index.md", "toolkit/planner.md"]),
    ]
    assert parts[-1].appendix and parts[-1].chapters[1].online_only


def test_ids_get_the_page_prefix_so_two_pages_can_share_a_heading_id():
    doc, problems = document(
        [
            chapter("roles.md", '<h1 id="roles">Rôles</h1><h2 id="why-it-matters">Pourquoi</h2>', "Le guide"),
            chapter("practices/check-in.md", '<h1 id="suivi">Suivi</h1><h2 id="why-it-matters">Pourquoi</h2>', "Le guide"),
        ]
    )
    assert problems == []
    ids = doc.xpath("//@id")
    assert "roles--why-it-matters" in ids and "practices-check-in--why-it-matters" in ids
    assert len(ids) == len(set(ids)), "IDs must be unique in the whole document"
    assert "why-it-matters" not in ids


def test_links_become_internal_anchors_or_absolute_web_addresses():
    html = (
        '<h1>Suivi</h1><h2 id="what-to-do">Quoi faire</h2><p>'
        '<a id="a1" href="#what-to-do">here</a>'
        '<a id="a2" href="../../roles/">roles</a>'
        '<a id="a3" href="../../references/#statcan-2020">source</a>'
        '<a id="a4" href="../../downloads/">downloads</a>'
        '<a id="a5" href="https://www.example.com/page">a site</a>'
        '<a id="a6" href="../../assets/files/x.docx">file</a>'
        '<a id="a7" href="mailto:someone@example.org">someone@example.org</a>'
        '<a id="a8" href="../../toolkit/planner/">planner</a>'
        '<a id="a9" href="../../references/">les références</a>'
        "</p>"
    )
    doc, problems = document(
        [
            chapter("practices/check-in.md", html, "Les pratiques"),
            chapter("roles.md", "<h1>Rôles</h1>", "Le guide"),
            chapter("references.md", '<h1>Références</h1><h2 id="statcan-2020">StatCan</h2>', "Ressources"),
            chapter("downloads.md", "<h1>Téléchargements</h1>", "Boîte à outils"),
            chapter("toolkit/planner.md", "<h1>Planificateur</h1>", "Boîte à outils"),
        ],
        assets={"assets/files/x.docx": Path("/tmp/x.docx")},
    )
    href = {a.get("id"): a for a in doc.xpath("//a[@id]")}
    assert href["practices-check-in--a1"].get("href") == "#practices-check-in--what-to-do"
    assert href["practices-check-in--a2"].get("href") == "#roles"
    assert href["practices-check-in--a3"].get("href") == "#references--statcan-2020"
    assert href["practices-check-in--a4"].get("href") == "https://example-org.github.io/guide/downloads/"
    assert href["practices-check-in--a5"].get("href") == "https://www.example.com/page"
    assert href["practices-check-in--a6"].get("href") == "https://example-org.github.io/guide/assets/files/x.docx"
    assert href["practices-check-in--a8"].get("href") == "#toolkit-planner", "the planner's note is in the appendix"
    # Print shows where external links go, and on which page internal ones land.
    def note_after(link_id):
        following = href[link_id].getnext()
        return following if following is not None and following.tag == "span" else None

    assert shown(note_after("practices-check-in--a5").text_content()) == " (www.example.com/page)"
    # It breaks only after a slash (a zero width space there): not "exam-" / "ple.com".
    assert note_after("practices-check-in--a5").text_content() == " (www.example.com/\u200bpage)"
    assert note_after("practices-check-in--a7") is None, "the address is already the text"
    assert note_after("practices-check-in--a2").get("data-target") == "#roles"
    assert note_after("practices-check-in--a2").get("class") == "page-ref"
    assert note_after("practices-check-in--a3") is None, "a citation prints no page: it would read as a page of the source"
    # The references chapter as a whole is a chapter like any other: "(see the references, p. 121)".
    assert note_after("practices-check-in--a9").get("data-target") == "#references"
    # A section of the same chapter too: on paper, a chapter can run over several pages.
    assert note_after("practices-check-in--a1").get("data-target") == "#practices-check-in--what-to-do"
    # Every internal link lands on an ID of the document.
    ids = set(doc.xpath("//@id"))
    for link in doc.xpath("//a[starts-with(@href, '#')]"):
        assert link.get("href")[1:] in ids, link.get("href")


def test_english_pages_resolve_links_under_the_language_prefix():
    edition = Edition("en", "Guide", "Sub", "Org", date(2026, 1, 1), "https://example-org.github.io/guide/", home="en/")
    doc, _ = document(
        [
            chapter("index.md", '<h1>Home</h1><a id="x" href="roles/">roles</a><a id="y" href="../roles/">fr</a>', url="en/"),
            chapter("roles.md", "<h1>Roles</h1>", "The guide", url="en/roles/"),
        ],
        edition=edition,
    )
    assert doc.get_element_by_id("index--x").get("href") == "#roles"
    assert doc.get_element_by_id("index--y").get("href") == "https://example-org.github.io/guide/roles/", "other language: web"
    assert doc.xpath("//html/@lang") == ["en-CA"]


def test_headings_nest_part_chapter_section_and_titles_are_marked():
    doc, _ = document(
        [
            chapter("index.md", "<h1>Accueil</h1><h2>Intro</h2>"),
            chapter("roles.md", "<h1>Rôles</h1><h2>Section</h2><h3>Sub</h3>", "Le guide"),
            chapter("competencies.md", "<p>No heading here</p>", "Le guide", title="Compétences"),
        ]
    )
    assert [h.text_content() for h in doc.xpath("//h1")] == ["Guide d'essai", "Table des matières", "Accueil", "Le guide"]
    assert [h.text_content() for h in doc.xpath("//h2")] == ["Intro", "Rôles", "Compétences"]
    assert [h.text_content() for h in doc.xpath("//h3")] == ["Section"]
    assert [h.text_content() for h in doc.xpath("//*[contains(@class, 'chapter-title')]")] == ["Accueil", "Rôles", "Compétences"]
    toc = [a.text_content() for a in doc.xpath("//nav[@class='toc']//a")]
    assert toc == ["Accueil", "Le guide", "Rôles", "Compétences"]


def test_screen_widgets_get_their_printed_form():
    html = """<h1>Liste</h1>
    <div class="tabbed-set tabbed-alternate" data-tabs="1:2"><input checked="checked" id="__tabbed_1_1" name="__tabbed_1" type="radio"><input id="__tabbed_1_2" name="__tabbed_1" type="radio">
    <div class="tabbed-labels"><label for="__tabbed_1_1">Sur place</label><label for="__tabbed_1_2">À distance</label></div>
    <div class="tabbed-content"><div class="tabbed-block"><p>Contenu un</p></div><div class="tabbed-block"><p>Contenu deux</p></div></div></div>
    <details class="tip"><summary>Astuce <em>cachée</em></summary><p>Le texte caché</p></details>
    <ul class="task-list"><li class="task-list-item"><input type="checkbox" disabled> Faire ceci</li>
    <li class="task-list-item"><input type="checkbox" disabled checked> Fait</li></ul>
    <p>Nom : <input type="text" name="n"> <textarea></textarea></p>
    <script>alert(1)</script><button>Imprimer</button><noscript><p>Sans script</p></noscript><noscript><p class="wg-checklist-noscript wg-screen-only">Sans JavaScript, les cases ne se cochent pas</p></noscript>
    <h2 id="s">Titre<a class="headerlink" href="#s">¶</a></h2>"""
    doc, _ = document([chapter("toolkit/first-week.md", html, "Boîte à outils")])
    text = doc.text_content()
    assert [p.text_content() for p in doc.xpath("//p[@class='tab-title']")] == ["Sur place", "À distance"]
    assert "Contenu un" in text and "Contenu deux" in text
    assert doc.xpath("//div[contains(@class, 'admonition') and contains(@class, 'tip')]/p[@class='admonition-title']")[0].text_content() == "Astuce cachée"
    assert "Le texte caché" in text and not doc.xpath("//details")
    assert len(doc.xpath("//span[contains(@class, 'task-box')]")) == 2
    assert len(doc.xpath("//span[contains(@class, 'checked')]")) == 1
    assert not doc.xpath("//input | //textarea | //script | //button | //*[contains(@class, 'headerlink')]")
    assert "Sans script" in text and "alert" not in text and "¶" not in text
    assert "Sans JavaScript" not in text, "a note meant for the screen only does not print"


def test_a_printed_title_never_ends_on_a_line_of_one_word():
    html = (
        "<h1>Bien terminer le stage</h1><h2 id='say'>Ce que vous pourriez dire </h2>"
        "<h3 id='one'>Rôles</h3><h2 id='code'>Le fichier <code>mkdocs.yml</code></h2>"
        "<h2 id='abbr'>Pourquoi le mentorat compte en <abbr title='apprentissage intégré au travail'>AIT</abbr></h2>"
        "<h3 id='first'><abbr title='Table ronde'>TRAES</abbr> (2020)</h3>"
        "<h2 id='link'>Voir <a href='#say'>la page des rôles</a></h2>"
        "<h2 id='long'>Un titre <em>vraiment beaucoup trop long pour une seule ligne</em> ici</h2>"
    )
    doc, _ = document([chapter("closing-well.md", html, "Le guide")])
    section = doc.get_element_by_id("closing-well")
    headings = section.xpath(".//h1 | .//h2 | .//h3 | .//h4")
    assert [h.text_content() for h in headings] == [
        "Bien terminer le stage", "Ce que vous pourriez dire ", "Rôles", "Le fichier mkdocs.yml",
        "Pourquoi le mentorat compte en AIT", "TRAES (2020)", "Voir la page des rôles",
        "Un titre vraiment beaucoup trop long pour une seule ligne ici",
    ], "the titles read as before"
    kept = [[span.text_content() for span in h.xpath(".//span[@class='keep-together']")] for h in headings]
    assert kept == [["le stage"], ["pourriez dire"], [], ["fichier mkdocs.yml"], ["en AIT"], ["TRAES (2020)"], [], []], (
        "an abbreviation or code is part of its word; one-word titles, links and overlong endings keep their breaks"
    )
    (abbreviation,) = section.xpath(".//abbr[text()='AIT']")
    assert abbreviation.get("title") == "apprentissage intégré au travail" and abbreviation.getparent().get("class") == "keep-together"


def test_names_are_the_capitalized_words_inside_a_sentence_and_the_text_is_left_as_it_is():
    html = (
        "<h1>Carleton University</h1>"
        "<p>Pendant le stage à Carleton University, voyez <a href='https://example.com/'>Université Laval</a> "
        "Toronto (Ontario). Toronto reçoit. Certaines règles : « <span lang='en'>Backgrounder: Student</span> », "
        "<strong>Québec.</strong> Commission; <code>Mkdocs</code> et mentorat, la norme <span lang='en'>iCalendar</span>, "
        "en Colombie-Britannique, chez Carleton’s, <a href='https://example.com/'>Hyperlien</a>. Remerciez-les. "
        "Lisez <em>L'actualité</em> et L’actualité.</p>"
    )
    result = build_document(arrange([chapter("references.md", html, "Le guide")], "Annexe\u00a0: {title}"), EDITION, {})
    assert result.names == {
        "Carleton", "University", "Toronto", "Ontario", "Backgrounder", "Student", "Québec", "Commission", "iCalendar",
        "Colombie", "Britannique",
    }, (
        "capitalized words of six letters or more inside a sentence, a name with a capital inside (iCalendar), and the "
        "capitalized parts of a compound or of a possessive (as hyphenation sees them); not a sentence's first word (Pendant, Certaines, Remerciez), "
        "a link (Université, Hyperlien), code, a title, or a word too short to be hyphenated (Laval)"
    )
    doc = lxml.html.document_fromstring(result.html)
    section = doc.get_element_by_id("references")
    added = [span.text for span in section.xpath(".//p//span[not(@lang) and not(@class='print-url')]")]
    assert added == ["L'actualité", "L’actualité"], (
        "an element is added round a name only where French hyphenation sees the word after the elision alone"
    )
    assert " ".join(section.xpath("string(.//p)").split()) == (
        "Pendant le stage à Carleton University, voyez Université Laval (example.com) Toronto (Ontario). Toronto reçoit. "
        "Certaines règles : « Backgrounder: Student », Québec. Commission; Mkdocs et mentorat, la norme iCalendar, "
        "en Colombie-Britannique, chez Carleton’s, Hyperlien (example.com). Remerciez-les. Lisez L'actualité et L’actualité."
    ), "the words read as before"


def test_a_paragraph_that_introduces_what_follows_is_kept_with_it():
    html = (
        "<h1>Références</h1><h2 id='law'>Droit du travail</h2><p>Ces sources appuient le chapitre sur le droit.</p>"
        "<h3 id='one'>Une source</h3><ul><li>Auteur</li></ul>"
        "<p>Notre suggestion pour un stage de 16 semaines :</p><ul><li>Un point quotidien.</li></ul>"
        "<p>Le tableau ci-dessous compare les deux :</p><table><tr><td>a</td></tr></table>"
        "<h2 id='long'>Un long début</h2><p>" + "Une phrase qui ouvre la section et continue longtemps. " * 5 + "</p><ul><li>x</li></ul>"
        "<p>Une phrase qui finit par deux-points :</p><p>mais suivie d'un paragraphe.</p>"
        "<div class='admonition'><p class='admonition-title'>Pour le dire :</p><ul><li>« Bonjour »</li></ul></div>"
    )
    doc, _ = document([chapter("references.md", html, "Le guide")])
    marked = [" ".join(p.text_content().split()) for p in doc.xpath("//p[contains(concat(' ', @class, ' '), ' lead-in ')]")]
    assert marked == [
        "Ces sources appuient le chapitre sur le droit.",
        "Notre suggestion pour un stage de 16 semaines :",
        "Le tableau ci-dessous compare les deux :",
    ], "a short section opening and a colon before a list or table; not a long opening, a colon before prose, or a box's title"


def test_the_interactive_planner_becomes_a_note_with_its_web_address():
    doc, _ = document(
        [chapter("toolkit/planner.md", "<h1>Planificateur</h1><form>…</form>", "Boîte à outils", description="Un calendrier.")]
    )
    section = doc.get_element_by_id("toolkit-planner")
    assert section.xpath(".//h2")[0].text_content() == "Planificateur"
    assert section.xpath(".//a/@href") == ["https://example-org.github.io/guide/toolkit/planner/"]
    assert not section.xpath(".//form")
    assert "Un calendrier." in section.text_content(), "a page that is only the tool prints what it is for"


def test_an_interactive_page_with_text_keeps_its_text_and_says_first_where_the_tool_is():
    html = (
        '<h1>Planificateur</h1><p>Un calendrier de rencontres.</p><h2 id="how">Comment l\'utiliser</h2><p>Indiquez les dates.</p>'
        '<h2 id="plan">Planifier</h2><div class="planner"><p>Il faut JavaScript.</p><form>…</form></div>'
        '<h2 id="rhythm">Le rythme</h2><div class="planner-rhythm"><table><tr><td>Moins de 8 semaines</td></tr></table></div>'
    )
    doc, _ = document([chapter("toolkit/planner.md", html, "Boîte à outils", description="Un calendrier.")])
    section = doc.get_element_by_id("toolkit-planner")
    text = " ".join(section.text_content().split())
    assert "Indiquez les dates." in text and "Moins de 8 semaines" in text, "the page's text and tables print"
    assert not section.xpath(".//form") and "Il faut JavaScript." not in text
    (note,) = section.xpath(".//p[@class='online-only']")
    # Before the instructions: a reader learns the tool is online before reading how to use it.
    assert note.getprevious().text_content() == "Un calendrier de rencontres."
    assert note.getnext().text_content() == "Comment l'utiliser"
    assert note.xpath(".//a/@href") == ["https://example-org.github.io/guide/toolkit/planner/"]
    # The section that held only the tool has nothing left to print, not even its title.
    assert [h.text_content() for h in section.xpath(".//h2 | .//h3")] == ["Planificateur", "Comment l'utiliser", "Le rythme"]


def test_images_point_at_their_source_files_and_need_alt_text(tmp_path):
    image = tmp_path / "logo.svg"
    image.write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
    html = '<h1>R</h1><img src="../assets/logo.svg" alt="Logo"><img src="../assets/none.png" alt="x"><img src="../assets/logo.svg">'
    doc, problems = document([chapter("roles.md", html, "Le guide")], assets={"assets/logo.svg": image})
    assert doc.xpath("//img/@src")[0] == image.resolve().as_uri()
    assert problems == [
        Finding("docs/fr/roles.md", 1, "the guide PDF cannot embed the image '../assets/none.png'"),
        Finding("docs/fr/roles.md", 1, "image '../assets/logo.svg' has no alt text (needed in the PDF)"),
    ]


def test_cover_and_metadata_come_from_the_settings():
    doc, _ = document([chapter("index.md", "<h1>Accueil</h1>")])
    assert doc.findtext(".//title") == "Guide d'essai"
    assert doc.xpath("//meta[@name='author']/@content") == ["Organisation Exemple"]
    assert doc.xpath("//meta[@name='description']/@content") == ["Un sous-titre"]
    cover = doc.xpath("//section[@class='cover']")[0].text_content()
    assert "Organisation Exemple" in cover and "5\u00a0mars\u00a02026" in cover and "https://example-org.github.io/guide/" in cover


def test_downloads_table_lists_files_with_format_size_and_date():
    table = render_downloads(
        [
            Download("Le guide", "downloads/guide.pdf", "PDF", 1_234_567, date(2026, 3, 5), kind="guide"),
            Download("Toutes les listes", "toolkit/downloads/all-fr.zip", "ZIP", 48_000, date(2026, 3, 4), kind="bundle"),
        ],
        "fr",
        "downloads/",
    )
    doc = lxml.html.fragment_fromstring(table)
    rows = doc.xpath("//tbody/tr")
    assert [r.get("data-download") for r in rows] == ["guide", "bundle"]
    assert rows[0].xpath(".//a/@href") == ["guide.pdf"]
    assert rows[1].xpath(".//a/@href") == ["../toolkit/downloads/all-fr.zip"]
    cells = [re.sub(r"[ \t\n]+", " ", td.text_content()).strip() for td in rows[0].xpath("td")]
    assert cells[1:] == ["PDF", "1,2\u00a0Mo", "5\u00a0mars\u00a02026"]
    assert rows[0].xpath(".//time/@datetime") == ["2026-03-05"]


def test_rows_sharing_a_title_have_distinct_link_names(tmp_path):
    from wilguide.checklists import Download as ChecklistDownload

    files = [tmp_path / "a.pdf", tmp_path / "a.docx", tmp_path / "all.zip"]
    for file in files:
        file.write_bytes(b"x" * 2048)
    rows = checklist_rows(
        [
            ChecklistDownload("Première semaine", "toolkit/downloads/a.pdf", "PDF", 2048, files[0]),
            ChecklistDownload("Première semaine", "toolkit/downloads/a.docx", "DOCX", 2048, files[1]),
            ChecklistDownload("Toutes les listes", "toolkit/downloads/all.zip", "ZIP", 2048, files[2]),
        ],
        "en/",
    )
    assert [(r.kind, r.url) for r in rows] == [
        ("checklist", "en/toolkit/downloads/a.pdf"),
        ("checklist", "en/toolkit/downloads/a.docx"),
        ("bundle", "en/toolkit/downloads/all.zip"),
    ]
    assert all(r.built == date.today() for r in rows)
    doc = lxml.html.fragment_fromstring(render_downloads(rows, "en", "en/downloads/"))
    names = doc.xpath("//a/@aria-label")
    assert len(set(names)) == 3 and all("Première semaine" in n or "Toutes" in n for n in names)
    assert names[0] == "Première semaine (fillable PDF), 2\u00a0KB"


def test_downloads_table_says_when_the_guide_was_not_built():
    row = guide_row("WIL Guide", "en", "en/downloads/wil-guide.pdf", None, "WILGUIDE_SKIP_GUIDE_PDF=1")
    doc = lxml.html.fragment_fromstring(render_downloads([row], "en", "en/downloads/"))
    assert not doc.xpath("//a")
    assert "not built in this preview (WILGUIDE_SKIP_GUIDE_PDF=1)" in doc.text_content()
    built = GuidePdf(Path("/cache/x.pdf"), date(2026, 3, 5), 2_000_000, None)
    row = guide_row("WIL Guide", "en", "en/downloads/wil-guide.pdf", built, None)
    doc = lxml.html.fragment_fromstring(render_downloads([row], "en", "en/downloads/"))
    assert doc.xpath("//a/@href") == ["wil-guide.pdf"] and "WIL Guide: complete version" in doc.text_content()


def test_under_the_table_a_sentence_links_to_the_other_languages_downloads_page():
    row = guide_row("WIL Guide", "en", None, None, "WILGUIDE_SKIP_GUIDE_PDF=1")
    html = render_downloads([row], "en", "en/downloads/", [OtherLanguagePage("fr", "downloads/", "Téléchargements")])
    (line,) = lxml.html.fromstring(f"<div>{html}</div>").xpath("//p")
    assert " ".join(line.text_content().split()) == "The guide and every checklist and template are also available in French: Téléchargements."
    assert [(a.get("href"), a.get("lang"), a.get("hreflang")) for a in line.xpath("a")] == [("../../downloads/", "fr", "fr")]

    html = render_downloads([row], "fr", "downloads/", [OtherLanguagePage("en", "en/downloads/", "Downloads")])
    (line,) = lxml.html.fromstring(f"<div>{html}</div>").xpath("//p")
    assert line.text_content() == "Le guide, les listes de vérification et les modèles existent aussi en anglais\u00a0: Downloads."
    assert line.xpath("a/@href") == ["../en/downloads/"]

    with pytest.raises(ValueError, match="add 'other_language.de' to LABELS\\['fr'\\]"):
        render_downloads([row], "fr", "downloads/", [OtherLanguagePage("de", "de/downloads/", "Downloads")])


def test_the_table_goes_where_the_page_has_the_marker():
    assert insert_downloads("<p>a</p><!-- wilguide:downloads --><p>b</p>", "<table/>") == "<p>a</p><table/><p>b</p>"
    assert insert_downloads("<p>a</p>", "<table/>") == "<p>a</p><table/>"


@pytest.mark.parametrize(
    ("command", "value", "skipped"),
    [("serve", "1", True), ("serve", "yes", True), ("serve", "0", False), ("serve", "", False),
     ("build", "1", False), ("gh-deploy", "1", False), (None, "1", False)],
)
def test_only_serve_may_skip_the_pdf(command, value, skipped):
    assert (skip_reason(command, {"WILGUIDE_SKIP_GUIDE_PDF": value}) is not None) is skipped


def test_file_name_is_the_guide_name_in_ascii():
    assert file_name("Guide de mentorat en AIT") == "guide-de-mentorat-en-ait.pdf"
    assert file_name("Guía: Éducation & travail!") == "guia-education-travail.pdf"


@pytest.mark.parametrize("site_url", ["https://example.org/guide-mentorat/", "http://127.0.0.1:8000/guide-mentorat/"],
                         ids=["stand-in", "preview"])
def test_a_stand_in_site_address_is_never_printed(site_url):
    """mkdocs.yml's default address is on example.org, reserved for examples, and mkdocs serve's is
    this machine's: a PDF built with either names no address of the site, on the cover or after a
    link, and links nowhere on it."""
    host = site_url.split("/")[2]
    stand_in = Edition("fr", "Guide d'essai", "Un sous-titre", "", date(2026, 3, 5), site_url, licence="CC BY 4.0")
    html = (
        '<h1>Suivi</h1><p><a id="a1" href="../../downloads/">la page Téléchargements</a>, '
        '<a id="a2" href="../../roles/">les rôles</a>, <a id="a3" href="../../assets/files/x.docx">le modèle</a> '
        'et <a id="a4" href="https://www.example.com/page">une source</a>.</p>'
    )
    doc, problems = document(
        [
            chapter("practices/check-in.md", html, "Les pratiques"),
            chapter("roles.md", "<h1>Rôles</h1>", "Le guide"),
            chapter("toolkit/planner.md", "<h1>Planificateur</h1><form>…</form>", "Boîte à outils"),
        ],
        assets={"assets/files/x.docx": Path("/tmp/x.docx")},
        edition=stand_in,
    )
    assert problems == []
    printed = " ".join(doc.text_content().split())
    assert host not in printed and "Version en ligne" not in printed
    assert host not in " ".join(doc.xpath("//a/@href"))
    # The words of a link to the site stay, without the link; other links are untouched.
    paragraph = shown(" ".join(doc.xpath("//section[@id='practices-check-in']//p")[0].text_content().split()))
    assert paragraph.startswith("la page Téléchargements, les rôles")
    assert "le modèle et une source (www.example.com/page)." in paragraph
    assert [a.get("id") for a in doc.xpath("//section[@id='practices-check-in']//p//a")] == [
        "practices-check-in--a2", "practices-check-in--a4"
    ], "the links to the downloads page and to a file of the site are gone"
    assert doc.get_element_by_id("practices-check-in--a2").get("href") == "#roles"
    assert doc.get_element_by_id("practices-check-in--a4").get("href") == "https://www.example.com/page"
    note = doc.xpath("//p[@class='online-only']")[0]
    assert note.text_content().strip() == "Cet outil est interactif\u00a0: utilisez-le sur le site Web du guide."
    assert not note.xpath(".//a")


@pytest.mark.parametrize("edition", [EDITION, dataclasses.replace(EDITION, site_url="")], ids=["published", "unpublished"])
def test_the_download_links_of_a_card_each_print_on_a_line_of_their_own(edition):
    """The toolkit's cards offer a PDF and a Word file side by side; on paper, each followed by its
    address, they ran on as one line: "PDF, 116 ko (…/a.pdf) Word (DOCX), 23 ko (…/a.docx)"."""
    html = (
        '<h1>Outils</h1><p><a class="md-button wg-download" href="downloads/a.pdf">PDF, 116 ko</a> '
        '<a class="md-button wg-download" href="downloads/a.docx">Word (DOCX), 23 ko</a></p>'
    )
    assets = {"toolkit/downloads/a.pdf": Path("/tmp/a.pdf"), "toolkit/downloads/a.docx": Path("/tmp/a.docx")}
    doc, _ = document([chapter("toolkit/index.md", html, "Boîte à outils", url="toolkit/")], assets=assets, edition=edition)
    (paragraph,) = doc.xpath("//section[@id='toolkit-index']//p")
    lines = lxml.html.tostring(paragraph, encoding="unicode", method="html").split("<br>")
    texts = [shown(" ".join(lxml.html.fragment_fromstring(line, create_parent="p").text_content().split())) for line in lines]
    assert len(texts) == 2 and texts[0].startswith("PDF, 116 ko") and texts[1].startswith("Word (DOCX), 23 ko"), texts
    assert "Word" not in texts[0] and "a.pdf" not in texts[1], texts
    if edition.site_url:  # each with its own address
        assert texts[0].endswith("/toolkit/downloads/a.pdf)") and texts[1].endswith("/toolkit/downloads/a.docx)"), texts
