"""Each glossary term has an address of its own, the same in both languages, so a page (or a reader
sharing a link) can point at one term instead of the top of the glossary."""

from __future__ import annotations

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
