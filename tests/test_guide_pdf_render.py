"""Typesetting small guides with WeasyPrint: cache, strictness, fonts, tags, metadata (a few seconds)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pypdf
import pytest

from wilguide import cache
from wilguide.findings import ContentError
from wilguide.guide_pdf import Chapter, Edition, make_guide_pdf
from wilguide.guide_pdf.render import TypesetError

EDITION = Edition("fr", "Guide d'essai", "Sous-titre", "Organisation Exemple", date.min, "https://example.org/g/", "", "CC BY 4.0")
ALLOWED_FONTS = ("Liberation", "DejaVu")


def chapters(extra: str = "") -> list[Chapter]:
    return [
        Chapter("index.md", "", '<h1 id="accueil">Accueil</h1><p>Bienvenue à l\'équipe : déjà ça, œuvre, « guillemets », 50\u202f%.</p>', "Accueil"),
        Chapter(
            "roles.md",
            "roles/",
            f'<h1 id="roles">Rôles</h1><h2 id="why">Pourquoi</h2><p>Voir <a href="../#accueil">l\'accueil</a> et '
            f'<a href="https://www.example.com/">un site</a>.</p><p><em>Italique</em> <strong>gras</strong></p>{extra}',
            "Rôles",
            section="Le guide",
        ),
        Chapter("toolkit/first-week.md", "toolkit/first-week/", '<h1>Première semaine</h1><ul class="task-list"><li class="task-list-item"><input type="checkbox" disabled> Accueillir</li></ul>', "Semaine", section="Outils"),
    ]


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("WILGUIDE_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1772668800")  # 2026-03-05: the same date whatever the clock
    return tmp_path / "cache"


def fonts_of(reader: pypdf.PdfReader) -> dict[str, bool]:
    """Every font the PDF uses, and whether its file is embedded."""
    found = {}
    for page in reader.pages:
        for font in (page.get("/Resources", {}).get("/Font") or {}).values():
            font = font.get_object()
            descriptor_owner = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            descriptor = descriptor_owner.get("/FontDescriptor", {})
            found[str(font["/BaseFont"])] = any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
    return found


def test_an_unchanged_guide_is_not_typeset_again(cache_dir):
    before = cache.generated_count.get("guide-pdf", 0)
    first = make_guide_pdf(chapters(), EDITION, {})
    second = make_guide_pdf(chapters(), EDITION, {})
    assert cache.generated_count.get("guide-pdf", 0) == before + 1
    assert first.seconds is not None and second.seconds is None
    assert first.path == second.path and first.path.is_file()
    # The page count the downloads page gives, whether the PDF was just typeset or taken from the cache.
    assert first.pages == second.pages == len(pypdf.PdfReader(first.path).pages) > 1
    longer = make_guide_pdf(chapters("<p>Une phrase de plus.</p>" * 120), EDITION, {})
    assert longer.path != first.path and cache.generated_count["guide-pdf"] == before + 2
    assert longer.pages == len(pypdf.PdfReader(longer.path).pages) > first.pages
    # Back to the first pages (an edit undone): the cached PDF comes with its own page count.
    again = make_guide_pdf(chapters(), EDITION, {})
    assert again.seconds is None and again.pages == first.pages


def test_the_pdf_is_tagged_titled_and_embeds_only_the_packaged_fonts(cache_dir):
    result = make_guide_pdf(chapters(), EDITION, {})
    reader = pypdf.PdfReader(result.path)
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "fr-CA"
    assert "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"]
    assert root["/ViewerPreferences"]["/DisplayDocTitle"]
    assert reader.metadata.title == "Guide d'essai" and reader.metadata.author == "Organisation Exemple"
    assert reader.metadata.subject == "Sous-titre"
    assert result.day == date(2026, 3, 5) and reader.metadata["/CreationDate"].startswith("D:20260305")
    fonts = fonts_of(reader)
    assert fonts and all(fonts.values()), f"fonts not embedded: {fonts}"
    assert all(any(name in font for name in ALLOWED_FONTS) for font in fonts), fonts
    assert any("Italic" in font for font in fonts), "italics must use a real italic face"
    text = "".join(page.extract_text() for page in reader.pages)
    for word in ("équipe", "déjà", "œuvre", "«", "Première"):
        assert word in text
    assert "\ufffd" not in text
    mediabox = reader.pages[0].mediabox
    assert (round(float(mediabox.width)), round(float(mediabox.height))) == (612, 792), "Letter size"


def test_outline_nests_parts_chapters_and_sections(cache_dir):
    reader = pypdf.PdfReader(make_guide_pdf(chapters(), EDITION, {}).path)

    def titles(items):
        return [titles(item) if isinstance(item, list) else item.title for item in items]

    assert titles(reader.outline) == [
        "Table des matières",
        "Accueil",
        "Le guide",
        ["Rôles", ["Pourquoi"]],
        "Annexe\u00a0: Outils",
        ["Première semaine"],
    ]


def test_links_are_annotations_inside_and_outside_the_document(cache_dir):
    reader = pypdf.PdfReader(make_guide_pdf(chapters(), EDITION, {}).path)
    annotations = [a.get_object() for page in reader.pages for a in page.get("/Annots", [])]
    links = [a for a in annotations if a["/Subtype"] == "/Link"]
    internal = [a for a in links if "/Dest" in a or a.get("/A", {}).get("/S") == "/GoTo"]
    external = [a["/A"]["/URI"] for a in links if a.get("/A", {}).get("/S") == "/URI"]
    assert len(internal) >= 5, "table of contents and cross-reference links"
    assert "https://www.example.com/" in external


def test_a_link_to_a_missing_anchor_fails_instead_of_printing_a_dead_link(cache_dir):
    with pytest.raises(TypesetError, match="nowhere"):
        make_guide_pdf(chapters('<p><a href="#nowhere">lost</a></p>'), EDITION, {})
    assert not list((cache_dir / "guide-pdf").glob("*.pdf")), "a failed render leaves nothing in the cache"


def test_a_missing_image_is_a_content_error_naming_the_page(cache_dir):
    with pytest.raises(ContentError, match=r"docs/fr/roles.md:1: .*missing.png"):
        make_guide_pdf(chapters('<img src="../assets/missing.png" alt="x">'), EDITION, {})


def test_images_are_embedded_from_their_source_file(cache_dir, tmp_path):
    image = tmp_path / "dot.svg"
    image.write_text('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>')
    result = make_guide_pdf(chapters('<p><img src="../assets/dot.svg" alt="Un point"></p>'), EDITION, {"assets/dot.svg": image})
    assert result.path.stat().st_size > 0
    image.write_text('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><circle r="5" cx="5" cy="5"/></svg>')
    again = make_guide_pdf(chapters('<p><img src="../assets/dot.svg" alt="Un point"></p>'), EDITION, {"assets/dot.svg": image})
    assert again.path != result.path, "a changed image makes a new PDF"


def test_raster_images_are_drawn_where_the_pages_have_them(cache_dir, tmp_path):
    """Counted in the PDF's drawing operators: an image hidden by the print stylesheet, or left
    out of the document, draws nothing."""
    from PIL import Image

    from pdf_pages import image_draws

    Image.new("RGB", (8, 8), (200, 30, 30)).save(tmp_path / "dot.png")
    Image.new("RGB", (8, 8), (30, 30, 200)).save(tmp_path / "square.png")
    html = '<p><img src="../assets/dot.png" alt="Un point"></p><figure><img src="../assets/square.png" alt="Un carré"></figure>'
    result = make_guide_pdf(chapters(html), EDITION, {"assets/dot.png": tmp_path / "dot.png", "assets/square.png": tmp_path / "square.png"})
    assert image_draws(result.path) == 2
    assert image_draws(make_guide_pdf(chapters(), EDITION, {}).path) == 0


def test_fonts_come_from_debian_packages_or_the_error_names_them(tmp_path):
    from wilguide.guide_pdf.fonts import MissingFonts, font_files

    with pytest.raises(MissingFonts, match="apt-get install fonts-dejavu-core fonts-liberation"):
        font_files([tmp_path])
    assert all(Path(path).is_file() for path in font_files().values())


def test_a_page_reference_prints_its_target_page_and_a_right_guess_takes_one_layout(tmp_path, layouts):
    """Numbers come from where the anchors land, checked after each layout; the last edition's
    numbers seed the first layout, so an edit that moves no page break costs one layout."""
    from wilguide.guide_pdf.render import typeset

    document = (
        '<html lang="en"><head><title>t</title></head><body>'
        '<p>See <a href="#far">far</a><span class="page-ref" data-target="#far"></span>.</p>'
        '<h2 id="middle">Middle</h2><h2 id="far">Far</h2></body></html>'
    )
    stylesheet = 'h2 { break-before: page; } .page-ref::before { content: " (p. " attr(data-page) ")"; }'

    def first_page_text(pdf):
        return pypdf.PdfReader(pdf).pages[0].extract_text()

    assert typeset(document, stylesheet, tmp_path / "a.pdf") == (3, {"far": 3}, ())
    assert "See far (p. 3)." in first_page_text(tmp_path / "a.pdf") and len(layouts) == 2  # the guess, then the number

    layouts.clear()
    assert typeset(document, stylesheet, tmp_path / "b.pdf", {"far": 3, "gone": 7}) == (3, {"far": 3}, ())
    assert "(p. 3)" in first_page_text(tmp_path / "b.pdf") and len(layouts) == 1

    layouts.clear()
    typeset(document, stylesheet, tmp_path / "c.pdf", {"far": 9})  # a stale guess is corrected
    assert "(p. 3)" in first_page_text(tmp_path / "c.pdf") and len(layouts) == 2


def test_the_last_edition_page_numbers_seed_the_next_typesetting(cache_dir, monkeypatch):
    from wilguide.guide_pdf import render

    guesses = []
    real_typeset = render.typeset
    monkeypatch.setattr(render, "typeset", lambda *args: guesses.append(args[3]) or real_typeset(*args))
    make_guide_pdf(chapters(), EDITION, {})
    make_guide_pdf(chapters("<p>Une phrase de plus.</p>"), EDITION, {})
    assert guesses[0] == {} and guesses[1] and all(isinstance(page, int) for page in guesses[1].values())
    assert "roles" in guesses[1]  # the contents' line for the chapter (its id is its slug)


def test_english_breaks_words_the_north_american_way_and_addresses_print_as_typed(tmp_path):
    from wilguide.guide_pdf import fonts
    from wilguide.guide_pdf.build import STYLESHEET
    from wilguide.guide_pdf.render import typeset

    stylesheet = fonts.font_face_css(fonts.font_files()) + "\n" + STYLESHEET.read_text(encoding="utf-8")
    narrow = "width: 44pt; text-align: justify"
    document = (
        '<html lang="en-CA"><head><title>t</title></head><body>'
        f'<p style="{narrow}">We recommend recommend recommend it.</p>'
        f'<p style="{narrow}">See <a href="https://www.hopeforwellness.ca/">https://www.hopeforwellness.ca/</a>.</p>'
        "</body></html>"
    )
    typeset(document, stylesheet, tmp_path / "words.pdf")
    text = pypdf.PdfReader(tmp_path / "words.pdf").pages[0].extract_text()
    hyphens = re.findall(r"(\w+)[\u2010-]\n", text)
    assert hyphens and not [part for part in hyphens if part.endswith("re")], text  # "rec-om-mend", not "re-com-mend"
    assert "https://www.hopeforwellness.ca/" in re.sub(r"\s", "", text), text  # broken, but no hyphen added


def test_a_name_given_to_the_typesetting_is_never_hyphenated_and_other_words_still_are(tmp_path):
    """Names are kept whole through the hyphenation dictionary, not by markup: the same narrow
    column breaks "Carleton" and "l’Université" unless they are given as names (assemble.py finds
    them), and still breaks an ordinary word beside them."""
    from wilguide.guide_pdf import fonts
    from wilguide.guide_pdf.build import STYLESHEET
    from wilguide.guide_pdf.render import typeset

    stylesheet = fonts.font_face_css(fonts.font_files()) + "\n" + STYLESHEET.read_text(encoding="utf-8")
    narrow = "width: 40pt; text-align: justify"
    document = (
        '<html lang="fr-CA"><head><title>t</title></head><body>'
        f'<p style="{narrow}">à Carleton à Carleton à l’Université, personnellement.</p></body></html>'
    )

    def hyphenated(names: frozenset[str]) -> list[str]:
        pdf = tmp_path / f"{len(names)}.pdf"
        typeset(document, stylesheet, pdf, names=names)
        return re.findall(r"(\S+)\u2010\n", pypdf.PdfReader(pdf).pages[0].extract_text())

    assert {"Carle", "l’Uni"} <= set(hyphenated(frozenset())), "the column is narrow enough to break the names"
    cut = hyphenated(frozenset({"Carleton", "Université"}))
    assert cut and not [part for part in cut if part[:1].isupper() or "’" in part], cut


def test_while_the_guide_is_written_each_page_reference_is_the_one_pydyf_makes():
    """The page references are made once per page count instead of once per read (render.py):
    still every page's, in order, after pages were added between two reads."""
    import pydyf

    from wilguide.guide_pdf.render import _page_references_made_once

    pdf = pydyf.PDF()
    seen = []
    with _page_references_made_once():
        for _ in range(3):
            pdf.add_page(pydyf.Dictionary({"Type": "/Page"}))
            seen.append(pdf.page_references)
            assert pdf.page_references is seen[-1], "read again with no page added: the same tuple, not a new one"
    pages = [int(number) for number in pdf.pages["Kids"][::3]]
    assert seen == [tuple(f"{number} 0 R".encode() for number in pages[:count]) for count in (1, 2, 3)]
    assert pdf.page_references == seen[-1] and pdf.page_references is not pdf.page_references, "pydyf's own, once done"


def test_the_collector_looks_at_new_objects_less_often_while_the_guide_is_laid_out_and_as_before_after(tmp_path, monkeypatch, request):
    """Python's collector walked each layout's millions of objects again and again (render.py):
    during each layout it waits for 50,000 new objects instead of 700, and its settings are
    back as they were once the PDF is written, even when the typesetting fails."""
    import gc

    import weasyprint

    from wilguide.guide_pdf.render import typeset

    during = []
    real_render = weasyprint.HTML.render
    monkeypatch.setattr(weasyprint.HTML, "render", lambda self, *a, **k: during.append(gc.get_threshold()) or real_render(self, *a, **k))
    run_wide = gc.get_threshold()  # the tests' own setting (conftest.py)
    gc.set_threshold(700, 10, 10)  # Python's default, as in a build
    request.addfinalizer(lambda: gc.set_threshold(*run_wide))
    before = gc.get_threshold()
    typeset('<html lang="en"><head><title>t</title></head><body><p>Hello.</p></body></html>', "", tmp_path / "a.pdf")
    assert during and all(thresholds[0] == 50_000 and thresholds[1:] == before[1:] for thresholds in during), during
    assert gc.get_threshold() == before
    with pytest.raises(TypesetError):
        typeset('<html lang="en"><head><title>t</title></head><body><span data-target="#nowhere"></span></body></html>', "", tmp_path / "b.pdf")
    assert gc.get_threshold() == before
