"""Optional settings (publisher, contact e-mail): a sentence that needs one is replaced by its
{% else %} wording when the setting is empty, so readers never see a stand-in address."""

from __future__ import annotations

from wilguide.placeholders import find_misused, find_unknown, substitute
from wilguide.settings import guide_settings

TEXT = "Intro. {% if contact_email %}Write to {{ contact_email }}.{% else %}Ask your coordinator.{% endif %} End."


def test_else_wording_when_the_setting_is_empty():
    assert substitute(TEXT, {"contact_email": ""}) == "Intro. Ask your coordinator. End."
    assert substitute(TEXT, {"contact_email": "guide@example.ca"}) == "Intro. Write to guide@example.ca. End."


def test_contact_email_may_be_left_out_but_not_used_unguarded():
    values = guide_settings({"guide": {"edi_guide_url": "https://example.ca/edi"}}, None, "en")
    assert values["contact_email"] == ""
    findings = [str(f) for f in find_misused("Mail {{ contact_email }} now.", values, ["publisher", "contact_email"], "docs/en/x.md")]
    assert findings == [
        "docs/en/x.md:1: {{ contact_email }} may be empty in mkdocs.yml: wrap its sentence in "
        "{% if contact_email %}…{% endif %} so it is left out when the setting is empty"
    ]


def test_a_setting_in_single_braces_is_reported_and_double_braces_are_not():
    text = "A {publisher}, { contact_email }.\n{{ publisher }} {{publisher}} {{ publisher } {{publisher}\n{ publisher }} {other} {}"
    assert [str(f) for f in find_unknown(text, {"publisher": "", "contact_email": ""}, "docs/fr/x.md")] == [
        "docs/fr/x.md:1: '{publisher}' would show as is: write {{ publisher }}, with two braces on each side",
        "docs/fr/x.md:1: '{ contact_email }' would show as is: write {{ contact_email }}, with two braces on each side",
    ]


def test_default_contribution_page_has_no_stand_in_address(built_site):
    pages = {
        "fr": (built_site / "contribute" / "index.html").read_text(encoding="utf-8"),
        "en": (built_site / "en" / "contribute" / "index.html").read_text(encoding="utf-8"),
    }
    for html in pages.values():
        assert "mailto:" not in html and "example.org</a>" not in html and "{%" not in html
    assert "Transmettez vos suggestions à la personne ou à l'équipe qui vous a fait connaître ce guide" in pages["fr"]
    assert "Send your suggestions to the person or team who shared this guide with you" in pages["en"]
