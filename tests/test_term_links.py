"""The permalink added to each glossary term that has an ID (wilguide/term_links.py)."""

from __future__ import annotations

import pytest

from wilguide.term_links import link_terms


def test_a_term_with_an_id_gets_a_labelled_permalink_and_one_without_is_left_alone():
    html = '<dl><dt id="undue-hardship">Contrainte <em>excessive</em></dt><dd>x</dd><dt>Sans identifiant</dt><dd>y</dd></dl>'
    assert link_terms(html, "fr") == (
        '<dl><dt id="undue-hardship">Contrainte <em>excessive</em><a class="headerlink wg-term-link" href="#undue-hardship" '
        'title="Lien permanent vers ce terme" aria-label="Lien permanent vers ce terme"></a></dt><dd>x</dd>'
        "<dt>Sans identifiant</dt><dd>y</dd></dl>"
    )


def test_a_language_without_a_label_is_named():
    with pytest.raises(ValueError, match="no term permalink tooltip for language 'de'"):
        link_terms('<dt id="x">X</dt>', "de")
