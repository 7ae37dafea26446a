"""The bilingual build: both languages for every page, language metadata, switcher, 404s,
sitemap, no request leaving the site, per-language search."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from lxml import html as lxml_html

from conftest import ROOT, SITE_URL

LANGUAGES = {"fr": "", "en": "en/"}


def source_pages(lang: str) -> list[str]:
    return sorted(p.relative_to(ROOT / "docs" / lang).as_posix() for p in (ROOT / "docs" / lang).rglob("*.md"))


def page_url(page: str) -> str:
    """The URL path of a page with use_directory_urls: x.md -> x/, a/index.md -> a/."""
    stem = page[: -len(".md")]
    if stem == "index" or stem.endswith("/index"):
        stem = stem[: -len("index")].rstrip("/")
    return f"{stem}/" if stem else ""


def built_path(site: Path, lang: str, page: str) -> Path:
    return site / LANGUAGES[lang] / page_url(page) / "index.html"


def parse(path: Path):
    return lxml_html.fromstring(path.read_bytes())


def test_both_languages_have_the_same_pages():
    assert source_pages("fr") == source_pages("en")
    assert len(source_pages("fr")) >= 20


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_is_built_with_its_language(built_site, lang):
    for page in source_pages(lang):
        path = built_path(built_site, lang, page)
        assert path.exists(), f"{lang}/{page} was not built at {path}"
        assert parse(path).get("lang") == lang, f"{path} has the wrong <html lang>"


def switcher_links(document) -> dict[str, str]:
    return {a.get("hreflang"): a.get("href") for a in document.cssselect("a.md-select__link")}


@pytest.mark.parametrize(
    "lang, other, page",
    [("fr", "en", "practices/check-in.md"), ("en", "fr", "practices/check-in.md"), ("en", "fr", "toolkit/planner.md")],
)
def test_switcher_of_a_deep_page_targets_its_counterpart(built_site, lang, other, page):
    path = built_path(built_site, lang, page)
    href = switcher_links(parse(path))[other]
    target = (path.parent / href).resolve() / "index.html"
    assert target == built_path(built_site, other, page).resolve()


@pytest.mark.parametrize("lang, other", [("fr", "en"), ("en", "fr")])
def test_switcher_of_a_home_page_is_relative_and_targets_the_other_home(built_site, lang, other):
    """The plugin gives the home pages links from the site's path (/wil-mentoring-guide/en/): they
    broke on any copy served elsewhere, such as a local preview at /."""
    path = built_path(built_site, lang, "index.md")
    links = switcher_links(parse(path))
    assert not [href for href in links.values() if href.startswith("/") or "//" in href], links
    assert (path.parent / links[other]).resolve() / "index.html" == built_path(built_site, other, "index.md").resolve()
    assert (path.parent / links[lang]).resolve() / "index.html" == path.resolve()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_hreflang_alternates_are_absolute_and_complete(built_site, lang):
    for page in source_pages(lang):
        document = parse(built_path(built_site, lang, page))
        alternates = {link.get("hreflang"): link.get("href") for link in document.cssselect('link[rel~="alternate"][hreflang]')}
        assert set(alternates) == set(LANGUAGES) | {"x-default"}, page
        assert alternates.pop("x-default") == alternates["fr"], page  # the default language's page
        for alt_lang, href in alternates.items():
            assert href == SITE_URL + LANGUAGES[alt_lang] + page_url(page), f"{lang}/{page}: {href}"
        canonical = document.cssselect('link[rel="canonical"]')[0].get("href")
        assert canonical == alternates[lang], f"{lang}/{page}: canonical {canonical} is not its own alternate"


def test_sitemap_lists_both_languages_with_absolute_urls(built_site):
    sitemap = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    assert "None" not in sitemap
    locations = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    assert all(loc.startswith(SITE_URL) for loc in locations)
    assert SITE_URL + "practices/check-in/" in locations
    assert SITE_URL + "en/practices/check-in/" in locations
    assert f'hreflang="en" href="{SITE_URL}en/practices/check-in/"' in sitemap
    assert gzip.decompress((built_site / "sitemap.xml.gz").read_bytes()).decode() == sitemap


@pytest.mark.parametrize("lang, other", [("fr", "en"), ("en", "fr")])
def test_each_language_has_its_404_page(built_site, lang, other):
    path = built_site / LANGUAGES[lang] / "404.html"
    document = parse(path)
    assert document.get("lang") == lang
    links = switcher_links(document)
    # The switcher leads to the other language's 404 page; paths are root-relative (404 pages are
    # served at any depth).
    assert links[other] == urlsplit(SITE_URL).path + LANGUAGES[other] + "404.html"
    site_path = urlsplit(SITE_URL).path
    nav_links = [a.get("href") for a in document.cssselect("nav.md-nav--primary a[href]")]
    site_links = [href for href in nav_links if href.startswith(site_path)]
    assert len(site_links) >= 20
    in_english = [href.startswith(site_path + "en/") for href in site_links]
    assert all(in_english) if lang == "en" else not any(in_english)


def test_edit_action_points_at_the_page_source(built_site):
    document = parse(built_path(built_site, "en", "practices/feedback.md"))
    edit = document.cssselect('footer a[rel="edit"]')[0].get("href")
    assert edit.endswith("/edit/main/docs/en/practices/feedback.md")


LOADING_ATTRIBUTES = {
    "script": "src", "img": "src", "iframe": "src", "source": "src", "audio": "src", "video": "src",
    "embed": "src", "object": "data", "track": "src",
}


def loaded_urls(document) -> list[str]:
    """URLs a browser fetches on its own when it renders this HTML."""
    urls = []
    for tag, attribute in LOADING_ATTRIBUTES.items():
        urls += [el.get(attribute) for el in document.iter(tag) if el.get(attribute)]
    for link in document.iter("link"):
        rel = (link.get("rel") or "").lower()
        if rel in {"stylesheet", "icon", "preload", "modulepreload", "manifest", "prefetch", "preconnect", "dns-prefetch"}:
            urls.append(link.get("href") or "")
    urls += re.findall(r"url\(\s*['\"]?([^'\")]+)", " ".join(el.get("style") or "" for el in document.iter() if isinstance(el.tag, str)))
    return urls


def is_external(url: str) -> bool:
    return bool(re.match(r"^(https?:)?//", url.strip()))


def test_no_page_loads_anything_from_another_host(built_site):
    offenders = []
    for page in built_site.rglob("*.html"):
        for url in loaded_urls(parse(page)):
            if is_external(url):
                offenders.append(f"{page.relative_to(built_site)}: {url}")
    for sheet in built_site.rglob("*.css"):
        for url in re.findall(r"(?:url\(\s*['\"]?|@import\s+['\"])((?:https?:)?//[^'\")\s]+)", sheet.read_text(errors="ignore")):
            offenders.append(f"{sheet.relative_to(built_site)}: {url}")
    assert not offenders, "\n".join(offenders)


def test_search_index_is_split_by_language_with_french_stemming(built_site):
    french = json.loads((built_site / "search" / "search_index.json").read_text())
    english = json.loads((built_site / "en" / "search" / "search_index.json").read_text())
    assert french["config"]["lang"] == ["fr"] and english["config"]["lang"] == ["en"]
    assert french["config"]["pipeline"] == english["config"]["pipeline"] == ["stemmer", "stopWordFilter", "trimmer"]
    for index in (french, english):
        assert re.fullmatch(index["config"]["separator"], "'") and re.fullmatch(index["config"]["separator"], "’")
    assert french["docs"] and english["docs"]
    assert not any(doc["location"].startswith("en/") for doc in french["docs"])
    english_locations = {doc["location"].split("#")[0] for doc in english["docs"]}
    assert "practices/check-in/" in english_locations
    assert (built_site / "en" / "practices" / "check-in" / "index.html").exists()


# Runs the search worker the pages load (workers/search-stemming.js around Material's worker) in
# node, on an index given on stdin, and prints the locations found for each query, best first.
SEARCH_WORKER_IN_NODE = r"""
const fs = require("fs"), path = require("path"), vm = require("vm");
const { workers, material, index, queries } = JSON.parse(fs.readFileSync(0, "utf8"));
let listener, answer;
Object.assign(globalThis, {
  self: globalThis,
  location: new URL(`file://${workers}/search-stemming.js?material=${material}`),
  importScripts: (...urls) => urls.forEach(url => vm.runInThisContext(  // as in a worker: no module
    `(function (exports, module, define) {${fs.readFileSync(path.resolve(workers, url), "utf8")}\n})`,
    { filename: url })()),
  addEventListener: (type, fn) => { listener = fn; },
  postMessage: message => answer(message),
});
const ask = message => new Promise(resolve => { answer = resolve; listener({ data: message }); });
(async () => {
  importScripts("search-stemming.js");
  await ask({ type: 0, data: { ...index, options: { suggest: false } } });  // SETUP -> READY
  const found = {};
  for (const query of queries) {
    const { data } = await ask({ type: 2, data: query });                   // QUERY -> RESULT
    found[query] = data.items.flat().map(item => [item.location, Object.keys(item.terms).filter(t => item.terms[t])]);
  }
  process.stdout.write(JSON.stringify(found));
})();
"""


def search_in_node(site: Path, index: dict, queries: list[str], terms: bool = False) -> dict[str, list]:
    """Locations found for each query, best first; with terms, [location, matched terms] pairs
    (the terms Material puts in each result link's ?h= to highlight them on the page opened)."""
    import shutil
    import subprocess

    node = shutil.which("node")
    assert node, "node is missing: scripts/test.sh installs it"
    workers = site / "assets" / "javascripts" / "workers"
    material = next(workers.glob("search.*.min.js")).name
    result = subprocess.run(
        [node, "-e", SEARCH_WORKER_IN_NODE],
        input=json.dumps({"workers": str(workers), "material": material, "index": index, "queries": queries}),
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr[-4000:]
    found = json.loads(result.stdout)
    return found if terms else {query: [location for location, _ in items] for query, items in found.items()}


def sections_with(index: dict, word: str, without: str | None = None) -> set[str]:
    """Locations of the index sections whose title or text has this word (and not the other)."""
    def words(doc):
        # A web address is one search token (the separator is spaces, hyphens and apostrophes):
        # "students" inside https://students.example.ca/ is not a word a reader can find.
        text = re.sub(r"\bhttps?://\S+", " ", f"{doc['title']} {doc['text']}")
        return set(re.findall(r"\w+", text.lower()))
    return {doc["location"] for doc in index["docs"] if word in words(doc) and (without is None or without not in words(doc))}


def sections_with_forms_of(index: dict, stem: str) -> set[str]:
    """Locations of the sections with any word of the family ("évalu": évaluation, évaluer...)."""
    return {doc["location"] for doc in index["docs"] if re.search(rf"\b{stem}\w*", f"{doc['title']} {doc['text']}".lower())}


def test_french_search_finds_whole_words_word_forms_and_prefixes(built_site):
    """Material adds "*" to each typed word, and lunr does not stem a word with a wildcard: with
    the French stemmer, whole words such as "rétroaction" (stem "rétroact") used to find nothing."""
    index = json.loads((built_site / "search" / "search_index.json").read_text())
    pairs = [("stagiaire", "stagiaires"), ("principal", "principaux"), ("évaluation", "évaluations")]
    queries = ["rétroaction", "supervision", "Rétroaction", "rétro", "supervisio", "l'évaluation", "l’évaluation"]
    queries += [word for pair in pairs for word in pair]
    found = search_in_node(built_site, index, queries)
    for query in queries:
        assert found[query], f"nothing found for {query!r}"
        assert not [location for location in found[query] if location.startswith("en/")], query
    # Whole words find every section that has them.
    for word in ["rétroaction", "supervision"]:
        assert sections_with(index, word) <= set(found[word]), word
    assert set(found["rétroaction"]) == set(found["Rétroaction"])
    # Singular and plural find each other, even in sections that only have the other form.
    for one, other in pairs + [(b, a) for a, b in pairs]:
        assert sections_with(index, other, without=one) <= set(found[one]), (one, other)
    assert any(sections_with(index, other, without=one) for one, other in pairs)
    # A prefix longer than the stem still finds the word ("supervis" is the stem of "supervision").
    assert sections_with(index, "supervision") <= set(found["supervisio"])
    # Elided forms: "l'évaluation" finds the sections about évaluation first.
    for query in ["l'évaluation", "l’évaluation"]:
        assert sections_with(index, "évaluation") <= set(found[query])
        # The best result is about evaluating; which form of the word ranks first depends on the pages.
        assert found[query][0] in sections_with_forms_of(index, "évalu")


def test_english_search_finds_whole_words_and_prefixes(built_site):
    index = json.loads((built_site / "en" / "search" / "search_index.json").read_text())
    pairs = [("supervisor", "supervisors"), ("student", "students"), ("placement", "placements")]
    queries = ["feedback", "supervisor", "check-ins", "superv", "feedb", "Feedback"]
    queries += [word for pair in pairs for word in pair if word not in queries]
    found = search_in_node(built_site, index, queries)
    for query in queries:
        assert found[query], f"nothing found for {query!r}"
    # Singular and plural find each other, even in sections that only have the other form.
    for one, other in pairs + [(b, a) for a, b in pairs]:
        assert sections_with(index, other, without=one) <= set(found[one]), (one, other)
    assert any(sections_with(index, other, without=one) for one, other in pairs)
    assert sections_with(index, "feedback") <= set(found["feedback"]) == set(found["Feedback"])
    assert sections_with(index, "supervisor") <= set(found["supervisor"]) & set(found["superv"])
    assert sections_with(index, "feedback") <= set(found["feedb"])
    # English pages only: the English index holds locations relative to /en/.
    assert not [doc for doc in index["docs"] if doc["location"].startswith("en/")]


def test_search_ignores_accents_in_both_languages(built_site):
    """Readers type French without accents or with wrong ones: "retroaction", "equite" and
    "reussite" used to find nothing. The same query with its accents finds the same sections."""
    french = json.loads((built_site / "search" / "search_index.json").read_text())
    typed = {
        "retroaction": "rétroaction", "evaluation": "évaluation", "equite": "équité", "reussite": "réussite",
        "retro": "rétro",                        # prefix
        "evaluations": "évaluations",            # plural, found through the stem
        "l'evaluation": "l'évaluation", "l’evaluation": "l’évaluation",
        "èvaluation": "évaluation", "EQUITE": "équité", "Reussite": "réussite",  # wrong accents, capitals
    }
    found = search_in_node(built_site, french, [*typed, *set(typed.values())])
    for query, accented in typed.items():
        assert found[query], f"nothing found for {query!r}"
        assert set(found[query]) == set(found[accented]), (query, accented)
        assert not [location for location in found[query] if location.startswith("en/")], query
    for query, word in [("retroaction", "rétroaction"), ("equite", "équité"), ("reussite", "réussite"), ("retro", "rétroaction")]:
        assert sections_with(french, word) <= set(found[query]), query
    assert sections_with(french, "évaluations", without="évaluation") <= set(found["evaluation"])
    assert found["l'evaluation"][0] in sections_with_forms_of(french, "évalu")
    # Material links each result with its matched terms (?h=) to highlight them on the page opened,
    # literally: the words as the text writes them are among those terms.
    first_location, first_terms = search_in_node(built_site, french, ["retroaction"], terms=True)["retroaction"][0]
    assert "rétroaction" in first_terms, (first_location, first_terms)

    # English: French names and the reverse (an accent typed, none in the text); nothing else changed.
    english = json.loads((built_site / "en" / "search" / "search_index.json").read_text())
    queries = ["equite", "équité", "Metis", "Métis", "Québec", "quebec", "feedback", "feedb", "supervisor"]
    found = search_in_node(built_site, english, queries)
    for query in queries:
        assert found[query], f"nothing found for {query!r}"
    assert set(found["equite"]) == set(found["équité"]) >= sections_with(english, "équité")
    assert set(found["Metis"]) == set(found["Métis"]) >= sections_with(english, "métis")
    assert set(found["Québec"]) == set(found["quebec"]) >= sections_with(english, "quebec")
    assert sections_with(english, "feedback") <= set(found["feedback"]) & set(found["feedb"])
    assert sections_with(english, "supervisor") <= set(found["supervisor"])


def test_a_stop_word_in_a_longer_query_is_not_searched_as_a_prefix(built_site):
    """Material adds "*" to every word typed: the "in" of "check in" matched "integrated" and
    "inclusive", and the "d" of "mesures d'adaptation" (split at the apostrophe) every word in d.
    In a query of several words, those words are left out; alone, a short word is still searched."""
    def marked(results):
        return {term for _, terms in results for term in terms}

    french = json.loads((built_site / "search" / "search_index.json").read_text())
    found = search_in_node(built_site, french, ["mesures d'adaptation", "mesures adaptation", "de", "accommodement"], terms=True)
    assert [place for place, _ in found["mesures d'adaptation"]] == [place for place, _ in found["mesures adaptation"]]
    assert found["mesures d'adaptation"][0][0] in sections_with(french, "adaptation") & sections_with_forms_of(french, "mesure")
    words = marked(found["mesures d'adaptation"])
    assert "mesures" in words and "adaptation" in words
    assert not [word for word in words if not word.startswith(("mesur", "adapt"))], words  # no "de", "dire", "difficile"
    assert found["de"]  # typed alone, on the way to "développer": still answered
    # "Accommodement", the usual Canadian word, leads to the chapter's section on it, not only the glossary.
    assert "inclusive-mentoring/" in [place for place, _ in found["accommodement"][:3]]

    english = json.loads((built_site / "en" / "search" / "search_index.json").read_text())
    found = search_in_node(built_site, english, ["check in", "check", "in"], terms=True)
    assert [place for place, _ in found["check in"]] == [place for place, _ in found["check"]]
    assert not [word for word in marked(found["check in"]) if word.startswith("in")]
    assert "integrated" in marked(found["in"])


# Markdown that was not converted: emphasis or bold markers around words, a link's "](", a
# heading's hashes or an admonition's marks at the start of a paragraph, an attribute or key
# marker such as { #key }. Any of them in a page's text means some path (a checklist, a template,
# a placeholder, an include) passed Markdown through as plain text.
UNCONVERTED_MARKDOWN = re.compile(
    r"(?<![\w*])\*{1,2}(?=[^\s*])|(?<![\w_])_{1,2}(?=[^\s_])|\]\(|^#{1,6} |^!!! |^\?\?\?\+? |\{\s*[#.:][\w-]"
)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_markdown_syntax_shows_in_the_pages(built_site, lang):
    problems = []
    # The translation status shows pending changes as their Markdown source, on purpose.
    for page in (page for page in source_pages(lang) if page != "translation-status.md"):
        article = parse(built_path(built_site, lang, page)).find(".//article")
        for element in article.iter():
            if not isinstance(element.tag, str) or element.tag in ("code", "pre", "script", "style"):
                continue
            for text in (element.text, element.tail):
                words = re.sub(r"https?://\S+", "", text or "").strip()  # web addresses may hold _ and *
                if UNCONVERTED_MARKDOWN.search(words):
                    problems.append(f"docs/{lang}/{page}: {text.strip()[:100]!r}")
    assert not problems, "\n".join(problems)
