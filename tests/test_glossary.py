"""Each glossary term has an address of its own, the same in both languages, so a page (or a reader
sharing a link) can point at one term instead of the top of the glossary."""

from __future__ import annotations

import json

import lxml.html


def terms(built_site, prefix: str) -> list[tuple[str, str | None]]:
    page = lxml.html.parse(str(built_site / prefix / "glossary" / "index.html")).getroot()
    return [(" ".join(dt.text_content().split()), dt.get("id")) for dt in page.xpath("//article//dl/dt")]


def test_every_glossary_term_has_the_same_address_in_both_languages(built_site):
    french, english = terms(built_site, ""), terms(built_site, "en")
    assert len(french) >= 30, "the glossary's terms are definition-list terms"
    missing = [term for term, id_ in french + english if not id_]
    assert not missing, f"terms without an ID (end the term's line with {{ #an-id }}): {missing}"
    assert [id_ for _, id_ in french] == [id_ for _, id_ in english], "the same IDs, in the same order"
    assert ("Contrainte excessive", "undue-hardship") in french and ("Undue hardship", "undue-hardship") in english
    assert ("Rencontre de suivi", "check-in") in french and ("Check-in", "check-in") in english


def test_a_term_link_carries_the_term_s_address_and_a_label_in_the_page_s_language(built_site):
    for prefix, label in (("", "Lien permanent vers ce terme"), ("en", "Permanent link to this term")):
        page = lxml.html.parse(str(built_site / prefix / "glossary" / "index.html")).getroot()
        terms_with_id = page.xpath("//article//dl/dt[@id]")
        links = [dt.xpath("./a[contains(@class, 'headerlink')]") for dt in terms_with_id]
        assert all(len(found) == 1 for found in links), "one permalink per term"
        assert [found[0].get("href") for found in links] == [f"#{dt.get('id')}" for dt in terms_with_id]
        assert {found[0].get("aria-label") for found in links} == {label}


def test_search_does_not_index_the_term_links(built_site):
    """Material's search leaves out only the ¶ of headings: a ¶ written in a term would be indexed."""
    for prefix in ("", "en"):
        index = json.loads((built_site / prefix / "search" / "search_index.json").read_text(encoding="utf-8"))
        glossary = [doc["text"] for doc in index["docs"] if doc["location"].startswith("glossary/")]
        assert glossary and not any("¶" in text for text in glossary)
