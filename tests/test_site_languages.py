"""Each language of the built site shows its own words: navigation titles, abbreviation definitions
and the values of the {{ placeholders }} (mkdocs.yml's extra.guide settings).

Every expected value is written out here as a reader sees it; none is read from mkdocs.yml, the
includes or the code, so a setting or a definition served to the wrong language fails.
"""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest

from wilguide.settings import guide_settings

LANGUAGES = {"fr": "", "en": "en/"}
EDI_GUIDE = {
    "fr": "https://www.bher.ca/fr/centre-ait/creer-des-ait-de-qualite/strategies-dequite-de-diversite-et-dinclusion-dans-lait",
    "en": "https://www.bher.ca/equity-diversity-and-inclusion-strategies-wil",
}
NAV_TITLES = {
    "fr": ["Guide de mentorat en apprentissage intégré au travail (AIT)", "Par où commencer?", "Comment bien accompagner?",
           "À quoi d'autre penser?", "Quels outils utiliser?", "Où en savoir plus?"],
    "en": ["Work-integrated learning (WIL) mentoring guide", "Where do I start?", "How do I mentor well?",
           "What else should I plan for?", "Which tools can I use?", "Where can I learn more?"],
}
# Every abbreviation a page may mark, with the definition a reader of that language gets.
ABBREVIATIONS = {
    "fr": {
        "AIT": "apprentissage intégré au travail",
        "EDI": "équité, diversité et inclusion",
        "ÉDI": "équité, diversité et inclusion",
        "TRAES": "Table ronde des affaires + de l'enseignement supérieur",
        "BHER": "Business + Higher Education Roundtable (TRAES en français)",
        "PME": "petites et moyennes entreprises",
        "ECAIT": "Enseignement coopératif et apprentissage intégré au travail Canada",
        "CNESST": "Commission des normes, de l'équité, de la santé et de la sécurité du travail",
        "IRCC": "Immigration, Réfugiés et Citoyenneté Canada",
        "EDSC": "Emploi et Développement social Canada",
        "STIM": "sciences, technologies, ingénierie et mathématiques",
        "CSPAAT": "Commission de la sécurité professionnelle et de l'assurance contre les accidents du travail (Ontario)",
        "NAS": "numéro d'assurance sociale",
        "LPRPDE": "Loi sur la protection des renseignements personnels et les documents électroniques",
        "SCT": "Secrétariat du Conseil du Trésor du Canada",
        "PFETE": "Programme fédéral d'expérience de travail étudiant",
        "SFU": "Université Simon Fraser (Simon Fraser University)",
        "CODP": "Commission ontarienne des droits de la personne",
        "CCRT": "Conseil canadien de la réadaptation et du travail",
        "SCFP": "Syndicat canadien de la fonction publique",
        "CCDP": "Commission canadienne des droits de la personne",
        "CFP": "Commission de la fonction publique du Canada",
        "UVic": "Université de Victoria (University of Victoria)",
        "UBC": "Université de la Colombie-Britannique (University of British Columbia)",
        "CICan": "Collèges et instituts Canada",
        "ACSM": "Association canadienne pour la santé mentale",
        "CVR": "Commission de vérité et réconciliation du Canada",
        "CRTC": "Conseil de la radiodiffusion et des télécommunications canadiennes",
        "CICMH": "Centre d'innovation en santé mentale sur les campus (Centre for Innovation in Campus Mental Health)",
        "RH": "ressources humaines",
        "ARC": "Agence du revenu du Canada",
        "PAE": "programme d'aide aux employés",
        "LQ": "Lois du Québec",
        "ASL": "langue des signes américaine (American Sign Language)",
        "LSQ": "langue des signes québécoise",
        "CART": "Communication Access Realtime Translation (sous-titrage en direct)",
    },
    "en": {
        "WIL": "work-integrated learning",
        "EDI": "equity, diversity and inclusion",
        "BHER": "Business + Higher Education Roundtable",
        "TRAES": "Table ronde des affaires + de l'enseignement supérieur (BHER in French)",
        "SME": "small and medium-sized enterprise",
        "SMEs": "small and medium-sized enterprises",
        "CEWIL": "Co-operative Education and Work-Integrated Learning Canada",
        "CNESST": "Commission des normes, de l'équité, de la santé et de la sécurité du travail (Quebec's labour standards, pay equity, and workplace health and safety board)",
        "IRCC": "Immigration, Refugees and Citizenship Canada",
        "ESDC": "Employment and Social Development Canada",
        "STEM": "science, technology, engineering and mathematics",
        "WSIB": "Workplace Safety and Insurance Board (Ontario)",
        "SIN": "Social Insurance Number",
        "PIPEDA": "Personal Information Protection and Electronic Documents Act",
        "TBS": "Treasury Board of Canada Secretariat",
        "FSWEP": "Federal Student Work Experience Program",
        "SFU": "Simon Fraser University",
        "OHRC": "Ontario Human Rights Commission",
        "CCRW": "Canadian Council on Rehabilitation and Work",
        "CUPE": "Canadian Union of Public Employees",
        "CHRC": "Canadian Human Rights Commission",
        "PSC": "Public Service Commission of Canada",
        "UVic": "University of Victoria",
        "UBC": "University of British Columbia",
        "CICan": "Colleges and Institutes Canada",
        "CMHA": "Canadian Mental Health Association",
        "TRC": "Truth and Reconciliation Commission of Canada",
        "CRTC": "Canadian Radio-television and Telecommunications Commission",
        "CICMH": "Centre for Innovation in Campus Mental Health",
        "HR": "human resources",
        "CRA": "Canada Revenue Agency",
        "EAP": "employee assistance program",
        "ASL": "American Sign Language",
        "LSQ": "Quebec Sign Language (langue des signes québécoise)",
        "CART": "Communication Access Realtime Translation (live captioning)",
    },
}
# What the contribution page says when no contact address is set.
NO_CONTACT = {
    "fr": "Transmettez vos suggestions à la personne ou à l'équipe qui vous a fait connaître ce guide",
    "en": "Send your suggestions to the person or team who shared this guide with you",
}
REPO = "https://github.com/example-org/wil-mentoring-guide"


def parse(site: Path, lang: str, path: str) -> lxml.html.HtmlElement:
    return lxml.html.parse(str(site / LANGUAGES[lang] / path / "index.html")).getroot()


def article_text(document) -> str:
    return " ".join(document.xpath("//article")[0].text_content().split())


def other(lang: str) -> str:
    return "en" if lang == "fr" else "fr"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_navigation_titles_are_in_the_page_language(built_site, lang):
    for path in ("", "roles", "toolkit/first-week"):
        document = parse(built_site, lang, path)
        items = document.cssselect("nav.md-nav--primary > ul > li")
        titles = [" ".join(li.xpath("./*[not(self::input)][1]")[0].text_content().split()) for li in items]
        assert titles == NAV_TITLES[lang], (path, titles)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_abbreviations_are_defined_in_the_page_language(built_site, lang):
    marked = {}
    for page in sorted((built_site / LANGUAGES[lang]).rglob("index.html")):
        relative = page.relative_to(built_site).as_posix()
        if lang == "fr" and relative.startswith("en/"):
            continue
        for abbr in lxml.html.parse(str(page)).getroot().iter("abbr"):
            marked.setdefault(abbr.text, set()).add(abbr.get("title"))
    assert {"AIT" if lang == "fr" else "WIL", "BHER" if lang == "en" else "TRAES"} <= set(marked), sorted(marked)
    for short, titles in marked.items():
        assert short in ABBREVIATIONS[lang], f"{short} is marked on a {lang} page but has no definition here"
        assert titles == {ABBREVIATIONS[lang][short]}, (short, titles)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_placeholders_show_the_settings_of_the_page_language(built_site, lang):
    # The EDI guide link is set per language in mkdocs.yml; the publisher and the contact address
    # are empty by default (tests/test_publisher_setting.py builds a configured publisher).
    for path in ("why-mentoring", "inclusive-mentoring"):
        hrefs = parse(built_site, lang, path).xpath("//article//a/@href")
        assert EDI_GUIDE[lang] in hrefs, (path, [h for h in hrefs if "bher" in h])
        assert EDI_GUIDE[other(lang)] not in hrefs, path
    home = article_text(parse(built_site, lang, ""))
    assert "Votre organisation" not in home and "Your Organization" not in home

    contribute = parse(built_site, lang, "contribute")
    hrefs = contribute.xpath("//article//a/@href")
    assert not [h for h in hrefs if h.startswith("mailto:")]  # no stand-in address
    assert REPO in hrefs and f"{REPO}/blob/main/CONTRIBUTING.md" in hrefs
    text = article_text(contribute)
    assert NO_CONTACT[lang] in text and NO_CONTACT[other(lang)] not in text
    assert "{{" not in text and "}}" not in text


def test_settings_mistakes_are_explained():
    settings = {"publisher": {"fr": "Org", "en": "Org"}, "contact_email": "a@example.org", "edi_guide_url": "https://x.org/"}
    assert guide_settings({"guide": settings}, "https://example.org/repo/", "en") == {
        "publisher": "Org", "contact_email": "a@example.org", "edi_guide_url": "https://x.org/",
        "repo_url": "https://example.org/repo",
    }
    with pytest.raises(ValueError) as missing:
        guide_settings({"guide": {"publisher": "Org"}}, None, "fr")
    assert str(missing.value) == "mkdocs.yml: extra.guide is missing edi_guide_url"  # publisher and contact_email are optional
    with pytest.raises(ValueError) as untranslated:
        guide_settings({"guide": {**settings, "publisher": {"fr": "Org"}}}, None, "en")
    assert str(untranslated.value) == "mkdocs.yml: extra.guide.publisher has no value for language 'en'"
