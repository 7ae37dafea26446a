"""The content check (wilguide-check): each rule on a deliberately broken fixture, with the exact
``file:line: message`` an editor reads, the command's output and exit code, and the real tree.

Fixtures: tests/fixtures/contentcheck/valid/ is a tiny bilingual project that passes every rule;
each sibling folder holds only the files it breaks, copied over a copy of valid/.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import append_line, copy_project, replace_once
from wilguide.contentcheck import load_project, run_rules
from wilguide.contentcheck.cli import main
from wilguide.contentcheck.house_terms import fold, load_house_terms

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "contentcheck"


def fixture_tree(tmp_path: Path, broken: str | None = None) -> Path:
    root = tmp_path / "project"
    shutil.copytree(FIXTURES / "valid", root)
    if broken:
        shutil.copytree(FIXTURES / broken, root, dirs_exist_ok=True)
    return root


def findings_of(root: Path, rules=None) -> list[str]:
    """Every rule's findings by default, so a fixture also proves the other rules stay quiet."""
    return [str(finding) for finding in run_rules(load_project(root), rules)]


def test_valid_fixture_has_no_finding(tmp_path):
    assert findings_of(fixture_tree(tmp_path)) == []


def test_page_missing_in_one_language(tmp_path):
    assert findings_of(fixture_tree(tmp_path, "missing-page")) == [
        "docs/fr/extra.md:1: this page has no 'en' version: create docs/en/extra.md (every page must exist in every language)",
    ]


def test_front_matter_malformed_without_description_or_with_formatting(tmp_path):
    assert findings_of(fixture_tree(tmp_path, "front-matter")) == [
        "docs/en/guide.md:1: the page has no front matter: start it with three lines: `---`, `description: <one sentence>`, `---`",
        "docs/en/index.md:3: the front matter lacks `description:`: add it above this line: one sentence that says what the "
        "page offers; search engines and the PDF show it",
        "docs/en/references.md:1: the front matter is not closed: add a line `---` after its last line",
        "docs/en/toolkit/checklist.md:2: `description:` is shown as plain text (search results, the PDF's contents): remove "
        "Markdown or HTML formatting (*, **, `, links, tags)",
        "docs/fr/guide.md:3: the front matter is not valid YAML: a value contains ': ' (put the value in double quotes); write "
        "`key: value` lines, and put a value that contains `: `, `#` or starts with a quote or a bracket in double quotes",
        "docs/fr/index.md:2: `description:` is empty: write one sentence that says what the page offers; search engines "
        "and the PDF show it",
        "docs/fr/references.md:2: the front matter is empty: write `description: <one sentence>` between the two `---` lines",
    ]


def test_headings_missing_without_id_duplicated_or_out_of_order(tmp_path):
    assert findings_of(fixture_tree(tmp_path, "headings")) == [
        "docs/en/guide.md:9: the H2 { #further } of docs/fr/guide.md:11 is missing here: add it before this heading, or "
        "remove it there (every language has the same H2s, in the same order)",
        "docs/en/guide.md:9: the H2 { #what-to-do } is out of order: in docs/fr/guide.md it comes first; both languages "
        "have the same H2s in the same order",
        "docs/en/guide.md:11: the ID { #tools } is already used by the H2 at line 7: give each H2 its own ID",
        "docs/en/index.md:7: this H2 has no ID: end the line with { #why-this-guide }, the ID of the matching H2 at "
        "docs/fr/index.md:9",
        "docs/fr/guide.md:13: the ID { #tools } is already used by the H2 at line 9: give each H2 its own ID",
    ]


def test_glossary_terms_without_an_id_or_with_another_language_s_id(tmp_path):
    root = fixture_tree(tmp_path, "glossary")
    assert findings_of(root) == [
        "docs/en/glossary.md:15: the glossary term { #coordinator } of docs/fr/glossary.md:15 is missing here: add it at "
        "this place (terms are grouped by topic), or remove it there",
        "docs/fr/glossary.md:12: the glossary term { #student } of docs/en/glossary.md:12 is missing here: add it at this "
        "place (terms are grouped by topic), or remove it there",
        "docs/fr/glossary.md:12: this glossary term has no ID: end the line with { #an-id } (English, lowercase, with "
        "hyphens), and give the term in the other language the same ID",
        "docs/fr/glossary.md:15: the glossary term { #placement-coordinator } of docs/en/glossary.md:15 is missing here: "
        "add it at this place (terms are grouped by topic), or remove it there",
        "docs/fr/glossary.md:16: the glossary term { #site-visit } of docs/en/glossary.md:18 is missing here: add it at the "
        "end of the page (terms are grouped by topic), or remove it there",
    ]
    french, english = root / "docs" / "fr" / "glossary.md", root / "docs" / "en" / "glossary.md"
    french.write_text(french.read_text(encoding="utf-8").replace("{ #coordinator }", "{ #placement-coordinator }"), encoding="utf-8")
    assert findings_of(root) == [
        "docs/fr/glossary.md:12: this glossary term has no ID: end the line with { #student }, the ID of the matching "
        "term at docs/en/glossary.md:12",
        "docs/fr/glossary.md:16: the glossary term { #site-visit } of docs/en/glossary.md:18 is missing here: add it at the "
        "end of the page (terms are grouped by topic), or remove it there",
    ]
    english.write_text(english.read_text(encoding="utf-8").split("Site visit")[0].rstrip() + "\n", encoding="utf-8")
    assert findings_of(root) == [
        "docs/fr/glossary.md:12: this glossary term has no ID: end the line with { #student }, the ID of the matching "
        "term at docs/en/glossary.md:12",
    ]


def test_checklist_item_missing_in_one_language(tmp_path):
    assert findings_of(fixture_tree(tmp_path, "checklists")) == [
        "docs/fr/toolkit/checklist.md:11: item 'prepare-desk' has no counterpart in docs/en/toolkit/checklist.md",
    ]


def test_broken_links_and_anchors(tmp_path):
    assert findings_of(fixture_tree(tmp_path, "links")) == [
        "docs/en/index.md:7: broken link '../assets/images/diagrm.svg': there is no file docs/assets/images/diagrm.svg",
        "docs/en/index.md:11: broken link 'guide.md#wat-to-do': docs/en/guide.md has no anchor #wat-to-do; did you mean "
        "#what-to-do?",
        "docs/en/index.md:11: broken link 'toolkit/checklst.md': there is no page docs/en/toolkit/checklst.md; did you "
        "mean 'toolkit/checklist.md'?",
        "docs/en/index.md:11: link '#nowhere': there is no anchor #nowhere on this page (its H2 IDs: #why-this-guide)",
        "docs/en/index.md:12: absolute link '/en/guide/': write a link relative to this file, to the .md file (for "
        "example 'toolkit/planner.md' or '../references.md#statcan-2020')",
        "docs/en/index.md:12: link 'guide' is not a link to a file: link to the page's .md file; did you mean 'guide.md'?",
        "docs/en/index.md:12: link 'guide.html' points at a web address: link to the page's .md file; did you mean "
        "'guide.md'?",
        "docs/en/index.md:16: broken link 'references.md#statcan-202': docs/en/references.md has no anchor #statcan-202; "
        "did you mean #statcan-2020?",
        "docs/fr/index.md:9: link '../../guide.md' points outside the docs folder: link to a page or a file under docs/",
        "docs/fr/index.md:9: link '../en/guide.md' points into the 'en' folder: link to the page in this language, "
        "without the language folder: 'guide.md'",
        "docs/fr/index.md:10: broken link 'checklist.md': there is no page docs/fr/checklist.md; did you mean "
        "'toolkit/checklist.md'?",
    ]



def test_a_link_named_after_one_section_must_lead_to_it(tmp_path):
    # On paper "What to do (p. 12)" sends the reader to the section its words name; a page's title
    # sends them to the page's start, so a link to one of its sections names both. A link named
    # "Chapter – Section" (the French line 21) and one named after a page it opens at the top pass.
    assert findings_of(fixture_tree(tmp_path, "link-names")) == [
        "docs/en/guide.md:16: link '*What to do*' leads to #tools, but its words are the title of #what-to-do in "
        "docs/en/guide.md: name the section it leads to, or link to #what-to-do",
        "docs/en/guide.md:18: link 'The guide' leads to #tools, but its words are the title of the whole page "
        "docs/en/guide.md: name the section too, 'The guide – Tools', or link to the page without #tools",
        "docs/fr/index.md:19: link 'Outils' leads to #what-to-do, but its words are the title of #tools in "
        "docs/fr/guide.md: name the section it leads to, or link to #tools",
        "docs/fr/index.md:21: link 'Le guide' leads to #tools, but its words are the title of the whole page "
        "docs/fr/guide.md: name the section too, 'Le guide – Outils', or link to the page without #tools",
    ]


def test_anchors_are_read_again_when_the_target_page_or_the_markdown_settings_change(tmp_path, monkeypatch):
    """The rendered IDs are cached by page text and settings: a stale cache would hide a broken link."""
    monkeypatch.setenv("WILGUIDE_CACHE_DIR", str(tmp_path / "cache"))
    root = fixture_tree(tmp_path, "links")
    assert any("no anchor #wat-to-do" in finding for finding in findings_of(root))  # fills the cache
    guide = root / "docs" / "en" / "guide.md"
    text = guide.read_text(encoding="utf-8")
    assert "{ #what-to-do }" in text
    guide.write_text(text.replace("{ #what-to-do }", "{ #wat-to-do }"), encoding="utf-8")
    assert not any("no anchor #wat-to-do" in finding for finding in findings_of(root))

    # A heading without an ID gets one from the toc extension's settings: a link to it is right
    # with the default separator, and broken once the settings change the IDs.
    guide.write_text(guide.read_text(encoding="utf-8") + "\n### Two words\n\nText.\n", encoding="utf-8")
    index = root / "docs" / "en" / "index.md"
    index.write_text(index.read_text(encoding="utf-8") + "\nSee [two words](guide.md#two-words).\n", encoding="utf-8")
    assert not any("#two-words" in finding for finding in findings_of(root))
    settings = root / "mkdocs.yml"
    text = settings.read_text(encoding="utf-8")
    assert "  - toc:\n" in text
    settings.write_text(text.replace("  - toc:\n", "  - toc:\n      separator: _\n", 1), encoding="utf-8")
    assert load_project(root).config.mdx_configs["toc"]["separator"] == "_"
    line = index.read_text(encoding="utf-8").count("\n")
    assert (
        f"docs/en/index.md:{line}: broken link 'guide.md#two-words': docs/en/guide.md has no anchor #two-words; "
        "did you mean #two_words?"
    ) in findings_of(root)


SKIPPED_CHECK_IMPORTS = r"""
import sys
from pathlib import Path
from wilguide.contentcheck import load_project
from wilguide.contentcheck.build_check import BUILD_RULES, run_rules_unless_unchanged
project = load_project(Path(sys.argv[1]))
assert run_rules_unless_unchanged(project, BUILD_RULES) == []
print("wilguide.contentcheck.rules" in sys.modules, "wilguide.contentcheck.figures" in sys.modules)
"""


def test_a_skipped_build_check_does_not_import_the_rules(tmp_path):
    """A rebuild with nothing changed skips the check, and the rules' modules with it (a new process
    each time, as each build is)."""
    root = fixture_tree(tmp_path)
    env = dict(os.environ, WILGUIDE_CACHE_DIR=str(tmp_path / "cache"))

    def imported() -> str:
        return subprocess.run([sys.executable, "-c", SKIPPED_CHECK_IMPORTS, str(root)], env=env, capture_output=True,
                              text=True, check=True, timeout=120).stdout.strip()

    assert imported() == "True True"  # checked: the rules ran
    assert imported() == "False False"  # the same pages passed before: skipped


def test_the_build_check_is_skipped_only_when_nothing_changed_since_it_passed(tmp_path, monkeypatch):
    from wilguide.contentcheck import BUILD_RULES, rules

    monkeypatch.setenv("WILGUIDE_CACHE_DIR", str(tmp_path / "cache"))
    runs = []
    real_run_rules = rules.run_rules
    monkeypatch.setattr(rules, "run_rules", lambda *args: runs.append(1) or real_run_rules(*args))
    root = fixture_tree(tmp_path)
    assert rules.run_rules_unless_unchanged(load_project(root), BUILD_RULES) == []
    assert rules.run_rules_unless_unchanged(load_project(root), BUILD_RULES) == []
    assert len(runs) == 1  # the second, unchanged run only hashed the inputs

    shutil.copytree(FIXTURES / "links", root, dirs_exist_ok=True)  # break links in the same tree
    broken = [str(f) for f in rules.run_rules_unless_unchanged(load_project(root), BUILD_RULES)]
    assert "docs/fr/index.md:9: link '../../guide.md' points outside the docs folder: link to a page or a file under docs/" in broken
    # A problem is reported again on every run until it is fixed: only clean results are remembered.
    assert [str(f) for f in rules.run_rules_unless_unchanged(load_project(root), BUILD_RULES)] == broken
    assert len(runs) == 3

    shutil.rmtree(root)
    root = fixture_tree(tmp_path)
    assert rules.run_rules_unless_unchanged(load_project(root), BUILD_RULES) == []
    (root / "docs" / "assets" / "images" / "diagram.svg").unlink()  # a linked file is gone, no page changed
    assert any("no file docs/assets/images/diagram.svg" in str(f) for f in rules.run_rules_unless_unchanged(load_project(root), BUILD_RULES))
    # A broken abbreviation file, no page changed: checked again, not taken from the cache.
    shutil.rmtree(root)
    root = fixture_tree(tmp_path)
    assert rules.run_rules_unless_unchanged(load_project(root), BUILD_RULES) == []
    (root / "includes").mkdir()
    (root / "includes" / "abbreviations.fr.md").write_text("*[AIT]: apprentissage intégré au travail\n", encoding="utf-8")
    assert rules.run_rules_unless_unchanged(load_project(root), BUILD_RULES) == []
    shutil.copytree(FIXTURES / "abbreviations", root, dirs_exist_ok=True)
    assert "includes/abbreviations.fr.md:3: write each abbreviation as *[SHORT]: what it stands for" in [
        str(f) for f in rules.run_rules_unless_unchanged(load_project(root), BUILD_RULES)]

def test_unknown_placeholder(tmp_path):
    assert findings_of(fixture_tree(tmp_path, "placeholders")) == [
        "docs/en/index.md:7: unknown placeholder {{ publsher }}; use one of: {{ contact_email }}, {{ edi_guide_url }}, "
        "{{ publisher }}, {{ repo_url }}",
        "docs/en/index.md:9: '{ edi_guide_url }' would show as is: write {{ edi_guide_url }}, with two braces on each side",
    ]


def test_a_page_title_is_the_front_matter_title_or_the_first_level_one_heading():
    from wilguide.contentcheck.markdown_text import page_title

    assert page_title("---\ndescription: x\n---\n\n## Not this\n\n# Téléchargements { #downloads }\n") == "Téléchargements"
    assert page_title("---\ntitle: Downloads\n---\n\n# Files\n") == "Downloads"
    assert page_title("Text\n\n## Only a section\n") is None


def test_a_missing_guide_setting_is_reported_once_at_mkdocs_yml(tmp_path):
    root = fixture_tree(tmp_path)
    settings = root / "mkdocs.yml"
    settings.write_text(settings.read_text(encoding="utf-8").replace("    edi_guide_url: https://example.org/edi\n", ""), encoding="utf-8")
    assert [f for f in findings_of(root) if "extra.guide" in f] == ["mkdocs.yml:1: extra.guide is missing edi_guide_url"]


def test_house_terms_whatever_the_case_accents_or_line_breaks(tmp_path):
    # Not reported: "feedback" in code and in a link address, a source's title listed under
    # `allow`, and « feedback » quoted on the references page (valid/docs/fr/references.md).
    assert findings_of(fixture_tree(tmp_path, "house-terms")) == [
        'docs/en/guide.md:9: "Mentorship": the house term is "mentoring" (one word for one concept)',
        'docs/fr/guide.md:2: "feedback": the house term is "rétroaction" (terme recommandé au Canada)',
        'docs/fr/guide.md:9: "Maître de stage": the house term is "superviseur, superviseure" (titre masculin, absent '
        "des programmes canadiens)",
        'docs/fr/guide.md:10: "maitre de stage": the house term is "superviseur, superviseure" (titre masculin, absent '
        "des programmes canadiens)",
        'docs/fr/guide.md:11: "feedbacks": the house term is "rétroaction" (terme recommandé au Canada)',
    ]


def test_mistakes_in_the_house_terms_file(tmp_path):
    assert findings_of(fixture_tree(tmp_path, "house-terms-file")) == [
        "content/house-terms.yml:3: 'reason' is missing or empty",
        "content/house-terms.yml:5: unknown key 'note' (use allow, reason, replacement, term)",
        "content/house-terms.yml:9: unknown key 'es': use a language (fr, en) or quoted_titles_on",
    ]


def test_french_spacing_before_a_colon_and_a_percent_sign_inside_guillemets_and_after_a_number(tmp_path):
    # Not reported: the spaces already right, inline and fenced code, an icon's shortcode, and a
    # checklist item (french-spacing/docs/fr/toolkit/checklist.md), which the build spaces itself.
    advice = ("type a no-break space (U+00A0) instead, so the line cannot break there (on macOS Option+Space, on Windows "
              "Alt+0160, or copy one from another « : » on this page)")
    assert findings_of(fixture_tree(tmp_path, "french-spacing")) == [
        f'docs/fr/guide.md:2: an ordinary space next to ":": {advice}',
        f'docs/fr/guide.md:10: an ordinary space next to "%": {advice}',
        f'docs/fr/guide.md:10: an ordinary space next to ":": {advice}',
        f'docs/fr/guide.md:11: an ordinary space next to "«": {advice}',
        f'docs/fr/guide.md:11: an ordinary space next to "»": {advice}',
        f'docs/fr/guide.md:12: an ordinary space next to ":": {advice}',
        f'docs/fr/guide.md:23: an ordinary space between "16" and "semaines": {advice}',
        f'docs/fr/guide.md:23: an ordinary space between "1er" and "avril": {advice}',
        f'docs/fr/guide.md:23: an ordinary space between "24" and "mai": {advice}',
        f'docs/fr/guide.md:23: an ordinary space between "9" and "h": {advice}',
        f'docs/fr/guide.md:23: an ordinary space between "article" and "12": {advice}',
        f'docs/fr/guide.md:23: an ordinary space between "mai" and "2022": {advice}',
        f'docs/fr/guide.md:23: an ordinary space between "p." and "10": {advice}',
        f'docs/fr/guide.md:23: an ordinary space between "semaine" and "4": {advice}',
        # no space at all before ; ! ? (Canadian style), in checklist items too; code is left alone
        'docs/fr/guide.md:25: a space before "!": remove it (Canadian French puts no space before ; ! ?)',
        'docs/fr/guide.md:25: a space before ";": remove it (Canadian French puts no space before ; ! ?)',
        'docs/fr/guide.md:25: a space before "?": remove it (Canadian French puts no space before ; ! ?)',
        'docs/fr/guide.md:27: a space in the web address "https\u00a0:": remove it, or the link is lost',
        'docs/fr/toolkit/checklist.md:11: a space before "?": remove it (Canadian French puts no space before ; ! ?)',
    ]


def test_abbreviation_files_with_a_line_that_is_not_a_definition(tmp_path):
    """The command checks both files, although only the glossary's build reads them."""
    advice = "write each abbreviation as *[SHORT]: what it stands for"
    assert findings_of(fixture_tree(tmp_path, "abbreviations")) == [
        f"includes/abbreviations.en.md:2: {advice}",
        f"includes/abbreviations.fr.md:3: {advice}",
    ]


def test_figures_missing_from_the_references_page(tmp_path):
    # Not figures: years (2019, 2020), counts under 100, numbers in code, COVID-19, 75-006-X.
    # Already on the references page: "plus de 600", "50 %".
    add_it = "add it there, written the same way, next to its source, and link this sentence to that source"
    assert findings_of(fixture_tree(tmp_path, "figures")) == [
        f'docs/en/guide.md:9: the figure "$5,000" is not on docs/en/references.md: {add_it}',
        f'docs/en/guide.md:9: the figure "$798.2 million" is not on docs/en/references.md: {add_it}',
        f'docs/en/guide.md:9: the figure "323" is not on docs/en/references.md: {add_it}',
        'docs/en/guide.md:9: the figure "50 %" is not on docs/en/references.md: it is written "50%" there: write it '
        "the same way in both places",
        f'docs/fr/guide.md:9: the figure "2 838" is not on docs/fr/references.md: {add_it}',
        f'docs/fr/guide.md:9: the figure "35 %" is not on docs/fr/references.md: {add_it} (also on line 11)',
        f'docs/fr/guide.md:9: the figure "5 000 $" is not on docs/fr/references.md: {add_it}',
        f'docs/fr/guide.md:9: the figure "798,2 millions de dollars" is not on docs/fr/references.md: {add_it}',
        'docs/fr/guide.md:10: the figure "600" is not in the entry #statcan-2020 of docs/fr/references.md (it is under '
        "#bher-consultation-2020): link the sentence to the source that gives it, or add the figure to that entry",
    ]


def test_practice_names_on_the_home_cards_the_overview_links_and_the_menu(tmp_path):
    """Each practice has one name, its page's title; correct cards, headings and links pass."""
    assert findings_of(fixture_tree(tmp_path, "practice-names")) == [
        'docs/en/index.md:41: "Read the practice: Give feedback" is not the name of the practice practices/feedback.md: '
        'write "Give and get feedback", the title of docs/en/practices/feedback.md:5 (one name per practice, the same '
        "everywhere)",
        'docs/en/practices/index.md:13: "Get feedback" is not the name of the practice practices/feedback.md: write '
        '"Give and get feedback", the title of docs/en/practices/feedback.md:5 (one name per practice, the same everywhere)',
        'docs/en/practices/index.md:15: "Give feedback" is not the name of the practice practices/feedback.md: write '
        '"Give and get feedback", the title of docs/en/practices/feedback.md:5 (one name per practice, the same everywhere)',
        'docs/fr/index.md:31: "Obtenir de la rétroaction" is not the name of the practice practices/feedback.md: write '
        '"Donner et demander de la rétroaction", the title of docs/fr/practices/feedback.md:5 (one name per practice, '
        "the same everywhere)",
        'docs/fr/practices/index.md:9: "Faire souvent des suivis" is not the name of the practice practices/check-in.md: '
        'write "Faire souvent le point", the title of docs/fr/practices/check-in.md:5 (one name per practice, the same '
        "everywhere)",
        'mkdocs.yml:40: the menu gives practices/check-in.md its own title, "Suivis": write `- practices/check-in.md` so '
        "the menu shows the page's title, the practice's one name",
    ]


def test_the_project_house_terms_file_is_valid_and_finds_terms_to_avoid():
    terms, mistakes = load_house_terms(ROOT / "content" / "house-terms.yml", ["fr", "en"], "content/house-terms.yml")
    assert mistakes == []
    french = [form for term in terms.terms if term.lang == "fr" for form in term.forms]
    for avoided in ("feedback", "maître de stage", "tuteur", "check-in", "meilleures pratiques", "opportunité"):
        assert avoided in french
    assert fold("Maître D’ÉQUITÉ") == "maitre d'equite"


def test_command_prints_findings_and_exits_non_zero(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    root = fixture_tree(tmp_path, "placeholders")
    assert main(["--root", str(root), "--no-translation-status"]) == 1
    out = capsys.readouterr().out
    assert out.startswith("docs/en/index.md:7: unknown placeholder {{ publsher }}")
    assert "Content check: 2 problems in 1 file" in out

    assert main(["--root", str(fixture_tree(tmp_path / "ok")), "--no-translation-status"]) == 0
    assert "Content check: no problems" in capsys.readouterr().out


def test_command_writes_github_annotations_in_actions(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    assert main(["--root", str(fixture_tree(tmp_path, "missing-page")), "--no-translation-status"]) == 1
    assert "::error file=docs/fr/extra.md,line=1::this page has no 'en' version" in capsys.readouterr().out


def test_command_without_a_project(tmp_path, capsys):
    assert main(["--root", str(tmp_path), "--no-translation-status"]) == 2
    assert "no mkdocs.yml" in capsys.readouterr().err


def test_console_script_runs_and_exits_with_the_result(tmp_path):
    """The installed `wilguide-check` command itself, in its own process, as editors and CI run it."""
    command = Path(sys.executable).parent / "wilguide-check"
    assert command.exists(), "reinstall the project: scripts/setup.sh"
    env = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"}
    broken = subprocess.run(
        [str(command), "--root", str(fixture_tree(tmp_path, "placeholders")), "--no-translation-status"],
        capture_output=True, text=True, env=env, timeout=120,
    )
    assert broken.returncode == 1, broken.stdout + broken.stderr
    assert broken.stdout.startswith("docs/en/index.md:7: unknown placeholder {{ publsher }}"), broken.stdout
    clean = subprocess.run(
        [str(command), "--root", str(fixture_tree(tmp_path / "ok")), "--no-translation-status"],
        capture_output=True, text=True, env=env, timeout=120,
    )
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert "Content check: no problems" in clean.stdout


@pytest.mark.slow
def test_editors_script_fails_on_a_broken_tree_and_passes_on_the_clean_one(tmp_path):
    """scripts/check-content.sh end to end (it installs what it needs, then runs the check): exit 1
    with file:line on a broken copy of the project, exit 0 on the project itself."""
    project = copy_project(tmp_path / "project")
    link_line = append_line(project / "docs" / "en" / "roles.md", "See [the missing page](missing-page.md).")
    term_line = append_line(project / "docs" / "fr" / "closing-well.md", "Un feedback de plus.")
    env = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"}
    script = ["bash", str(ROOT / "scripts" / "check-content.sh")]

    broken = subprocess.run([*script, "--root", str(project)], capture_output=True, text=True, env=env, timeout=600)
    assert broken.returncode == 1, broken.stdout[-3000:] + broken.stderr[-3000:]
    assert f"docs/en/roles.md:{link_line}: broken link 'missing-page.md'" in broken.stdout, broken.stdout[-3000:]
    assert f'docs/fr/closing-well.md:{term_line}: "feedback": the house term is "rétroaction"' in broken.stdout
    assert "Content check: 2 problems in 2 files" in broken.stdout, broken.stdout[-1000:]

    clean = subprocess.run(script, capture_output=True, text=True, env=env, timeout=600, cwd=tmp_path)
    assert clean.returncode == 0, clean.stdout[-3000:] + clean.stderr[-3000:]
    assert "Content check: no problems" in clean.stdout


def test_real_tree_has_no_finding():
    findings = run_rules(load_project(ROOT))
    assert not findings, "scripts/check-content.sh reports:\n" + "\n".join(map(str, findings))


@pytest.mark.slow
def test_build_fails_naming_file_and_line(broken_build):
    """Mistakes made together in one copy of the project (conftest.broken_build), reported together."""
    lines = broken_build.lines
    assert broken_build.result.returncode != 0
    errors = broken_build.stderr
    assert f"docs/en/roles.md:{lines['link']}: broken link 'missing-page.md': there is no page docs/en/missing-page.md" in errors
    assert f"docs/fr/roles.md:{lines['anchor']}: broken link 'competencies.md#no-such-section'" in errors
    assert f"of docs/fr/glossary.md:{lines['heading']} is missing here" in errors
    assert (
        f"docs/en/glossary.md:{lines['glossary-term']}: this glossary term has no ID: end the line with "
        "{ #undue-hardship }, the ID of the matching term at docs/fr/glossary.md:"
    ) in errors
    # Editorial rules stay out of the build: the house term added to this page does not fail it.
    assert "docs/fr/closing-well.md" not in errors


def test_code_comments_and_markup_are_blanked_in_place():
    from wilguide.contentcheck.markdown_text import headings, links, prose, without_code

    source = (
        "## Real { #real }\n"
        "!!! example\n"
        "    ~~~text\n"
        "    ## Not a heading\n"
        "    [not a link](gone.md)\n"
        "    ~~~\n"
        "<!-- [hidden](gone.md) -->\n"
        "See `[code](gone.md)` and [a link](page.md#part \"title\").\n"
        "[ref]: <other page.md>\n"
    )
    code_free = without_code(source)
    assert len(code_free) == len(source) and code_free.count("\n") == source.count("\n")
    assert [(h.level, h.id, h.line) for h in headings(code_free)] == [(2, "real", 1)]
    assert [(link.target, source[: link.offset].count("\n") + 1) for link in links(code_free)] == [
        ("page.md#part", 8),
        ("other page.md", 9),
    ]
    words = prose(source, "en")
    assert "page.md" not in words and "real" not in words.split() and "a link" in words


def test_tables_boxes_and_images_that_would_render_wrong_without_a_warning(tmp_path):
    assert findings_of(fixture_tree(tmp_path, "blocks")) == [
        "docs/en/guide.md:15: this table row has 2 cells but the header has 3: add or remove a '|' so that each value sits "
        "in its column (an empty cell is '| |')",
        "docs/en/guide.md:16: this table row has 4 cells but the header has 3: add or remove a '|' so that each value sits "
        "in its column (an empty cell is '| |')",
        "docs/en/guide.md:19: this table's line of dashes has 3 columns but its header has 2: write one '---' per column, "
        "for example |---|---|",
        "docs/en/guide.md:22: this box (!!! tip) has no text under it: indent the lines of its text by four spaces, right "
        "under this line",
        "docs/en/guide.md:29: this image has no description for readers who cannot see it: write what it shows between the "
        "brackets, as in ![A mentor and a student at a desk](…)",
        "docs/en/guide.md:33: this image has no description for readers who cannot see it: add alt=\"what it shows\" to the "
        "<img> tag",
        "docs/en/guide.md:39: !!! quote is not used in this guide (no invented quotations): quote a published source in the "
        "text, with its reference, or use !!! example for a sample",
        "docs/en/guide.md:42: unknown box type 'warnig': it would show as a plain box; use note, tip, warning, example or info",
        "docs/en/guide.md:45: a second '# Title' on this page: use '## ' for a section",
        "docs/en/index.md:4: the page does not start with its '# Title': write it on the first line after the front matter "
        "(the menu, the browser tab and the guide PDF's contents use it)",
    ]


def test_the_menu_lists_existing_pages_every_page_and_a_title_for_each_section_in_each_language(tmp_path):
    assert findings_of(fixture_tree(tmp_path, "menu")) == [
        "docs/fr/references.md:1: this page is not in the menu: add 'references.md' under nav: in mkdocs.yml, in the "
        "section where readers should find it",
        "mkdocs.yml:43: the menu (nav:) lists 'gude.md', but there is no page docs/fr/gude.md; did you mean 'guide.md'?",
        "mkdocs.yml:44: the menu section 'Outils' has no title in 'en': add 'Outils: …' under nav_translations: of the "
        "'en' language in mkdocs.yml",
    ]


def test_a_page_left_out_of_the_menu_is_reported_only_when_mkdocs_would_stop_on_it(tmp_path):
    """MkDocs' `validation: nav: omitted_files:` decides (the preview test shortens the menu on purpose)."""
    root = fixture_tree(tmp_path, "menu")
    settings = root / "mkdocs.yml"
    settings.write_text(settings.read_text(encoding="utf-8").replace("omitted_files: warn", "omitted_files: info"), encoding="utf-8")
    assert not [f for f in findings_of(root) if "not in the menu" in f]
    assert [f for f in findings_of(root) if "gude.md" in f], "a menu entry with no page still stops it"


def test_a_condition_left_open_before_the_next_one_is_named_with_both_lines(tmp_path):
    root = fixture_tree(tmp_path)
    page = root / "docs" / "en" / "index.md"
    page.write_text(
        page.read_text(encoding="utf-8")
        + "\n{% if publisher %}Published by {{ publisher }}.\n\n{% if contact_email %}Write to {{ contact_email }}.{% endif %}\n",
        encoding="utf-8",
    )
    lines = page.read_text(encoding="utf-8").splitlines()
    opened = lines.index("{% if publisher %}Published by {{ publisher }}.") + 1
    assert f"docs/en/index.md:{opened}: '{{% if publisher %}}' has no {{% endif %}} before the next '{{% if contact_email %}}' " \
        f"(line {opened + 2}): close it with {{% endif %}}" in findings_of(root)


def test_the_editors_check_reports_a_broken_planner_file_and_a_deleted_marker(tmp_path):
    """What only the build used to report: content/planner.yml's mistakes and the markers the build
    fills in, with the same file:line messages, so the pull request's check fails on them too."""
    project = copy_project(tmp_path / "project")
    planner = project / "content" / "planner.yml"
    minutes_line = replace_once(planner, "    minutes: 30\n", "    minutes: half an hour\n")
    findings = [str(f) for f in run_rules(load_project(project), ["planner", "markers"])]
    assert findings == [f"content/planner.yml:{minutes_line}: meeting 'preparation': 'minutes' must be a whole number from 5 to 240"]

    replace_once(planner, "    minutes: half an hour\n", "    minutes: 30\n")
    link_line = replace_once(planner, "guide: practices/check-in.md#what-to-do\n", "guide: practices/check-in.md#what-we-do\n")
    replace_once(project / "docs" / "en" / "toolkit" / "index.md", "<!-- checklist-bundle -->", "")
    findings = [str(f) for f in run_rules(load_project(project), ["planner", "markers"])]
    assert findings == [
        f"content/planner.yml:{link_line}: 'practices/check-in.md#what-we-do': docs/{lang}/practices/check-in.md has no heading with id '#what-we-do'"
        for lang in ("en", "fr")
    ] + ["docs/en/toolkit/index.md:1: the toolkit index needs the marker <!-- checklist-bundle --> where the checklists and their ZIP are listed"]


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("search:\n\tkeywords: [a]\n", 2, "this line is indented with a tab: indent with spaces (two per level)"),
        ("description: Glossary: the terms\n", 1, "a value contains ': ' (put the value in double quotes)"),
        ("fields:\n  - key: a\n   name: b\n", 3, "a line is indented differently from the list items around it"),
    ],
)
def test_yaml_mistakes_are_named_in_plain_words_at_their_line(text, line, message):
    import yaml

    from wilguide.yamlload import safe_load, yaml_problem

    with pytest.raises(yaml.YAMLError) as error:
        safe_load(text)
    assert yaml_problem(error.value, text) == (line, message)


def test_a_tab_in_a_page_s_front_matter_is_named_at_its_line(tmp_path):
    root = fixture_tree(tmp_path)
    replace_once(root / "docs" / "en" / "guide.md", "description:", "search:\n\tkeywords: [a]\ndescription:")
    assert "docs/en/guide.md:3: the front matter is not valid YAML: this line is indented with a tab: indent with spaces (two per level)" in findings_of(root)


def test_a_checklist_whose_front_matter_cannot_be_read_is_not_also_said_to_lack_checklist_true(tmp_path):
    root = fixture_tree(tmp_path)
    replace_once(root / "docs" / "en" / "toolkit" / "checklist.md", "checklist: true", "checklist: true\n\tfields: [name]")
    assert findings_of(root) == [
        "docs/en/toolkit/checklist.md:4: the front matter is not valid YAML: this line is indented with a tab: indent with "
        "spaces (two per level)",
    ]


def test_an_anchor_that_is_not_a_typo_gets_the_list_of_ids_not_a_guess(tmp_path):
    """'#what-to-say' is not a typo of '#what-to-do': the editor gets the page's H2 IDs to choose
    from, where a loose guess would send the link to the wrong section."""
    root = fixture_tree(tmp_path)
    line = append_line(root / "docs" / "en" / "index.md", "See [what to say](guide.md#what-to-say).")
    assert (f"docs/en/index.md:{line}: broken link 'guide.md#what-to-say': docs/en/guide.md has no anchor #what-to-say "
            "(its H2 IDs: #what-to-do, #tools)") in findings_of(root)


def test_an_h2_id_changed_in_one_language_is_named_as_such_on_both_sides(tmp_path):
    root = fixture_tree(tmp_path)
    replace_once(root / "docs" / "en" / "guide.md", "{ #tools }", "{ #our-tools }")
    findings = findings_of(root)
    advice = "use the same ID in both languages (keep the one other pages and readers' bookmarks already link to)"
    assert f"docs/en/guide.md:12: this H2's ID {{ #our-tools }} differs from {{ #tools }}, the ID of the matching H2 at docs/fr/guide.md:16: {advice}" in findings
    assert f"docs/fr/guide.md:16: this H2's ID {{ #tools }} differs from {{ #our-tools }}, the ID of the matching H2 at docs/en/guide.md:12: {advice}" in findings
    assert not [f for f in findings if "is missing here" in f], findings


def test_an_h2_id_that_is_not_lowercase_words_joined_by_hyphens(tmp_path):
    root = fixture_tree(tmp_path)
    for lang in ("en", "fr"):
        replace_once(root / "docs" / lang / "guide.md", "{ #tools }", "{ #Our_Tools }")
    findings = [f for f in findings_of(root) if "lowercase words" in f]
    assert findings == [
        "docs/en/guide.md:12: the ID { #Our_Tools } is not lowercase words joined by hyphens: write it as { #our-tools }, in both languages",
        "docs/fr/guide.md:16: the ID { #Our_Tools } is not lowercase words joined by hyphens: write it as { #our-tools }, in both languages",
    ]


def test_figures_without_a_source_link_in_their_paragraph(tmp_path):
    # Sourced: a list whose lead-in links to the references page, items of a loose list included;
    # the description (a summary); a checklist item (tools: the chapters source their facts).
    link_it = ("has no source in its paragraph: link the sentence to the figure's entry on the references page, "
               "like ([Source](references.md#entry))")
    assert findings_of(fixture_tree(tmp_path, "figure-sources")) == [
        f'docs/en/guide.md:9: the figure "50%" {link_it}',
        f'docs/en/guide.md:19: the figure "50%" {link_it}',
    ]


def test_links_to_downloads_the_build_writes(tmp_path):
    # The checklist's files are named after its title ("Checklist"), the guide PDF after the site's
    # name ("Fixture"); links to those pass, a typo gets the name it meant, an unknown file the rule.
    assert findings_of(fixture_tree(tmp_path, "generated-links")) == [
        "docs/en/guide.md:18: broken link 'toolkit/downloads/checklst.pdf': the build makes no file "
        "toolkit/downloads/checklst.pdf in this language: did you mean 'toolkit/downloads/checklist.pdf'?",
        "docs/en/guide.md:19: broken link 'toolkit/downloads/unknown-list.docx': the build makes no file "
        "toolkit/downloads/unknown-list.docx in this language: the downloads are listed on the toolkit page, "
        "each named after its checklist's title",
        "docs/en/guide.md:20: broken link 'downloads/guide.pdf': the build makes no file downloads/guide.pdf in this "
        "language: the build writes 'downloads/fixture.pdf' there",
    ]
