"""Results that later builds read back instead of computing again (cache.cached_value): the parsed
checklists, example goals and planner data, and the checklist pages' Markdown. Each is computed
again when any input changes, and an error is never remembered."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from wilguide import cache
from wilguide.checklists import examples, load_all, parser, web
from wilguide.checklists.downloads import Download
from wilguide.findings import ContentError
from wilguide.planner import config as planner_config

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def fresh_cache(tmp_path, monkeypatch) -> Path:
    """An empty generator cache, and a new process's memory (no result kept by lru_cache)."""
    monkeypatch.setenv("WILGUIDE_CACHE_DIR", str(tmp_path / "cache"))
    for function in (parser._parse_unchanged, examples._parse_unchanged, planner_config._parse_unchanged):
        function.cache_clear()
    yield tmp_path / "cache"
    for function in (parser._parse_unchanged, examples._parse_unchanged, planner_config._parse_unchanged):
        function.cache_clear()  # the next test reads the real pages again


def new_process() -> None:
    for function in (parser._parse_unchanged, examples._parse_unchanged, planner_config._parse_unchanged):
        function.cache_clear()


def test_a_value_is_computed_once_then_read_back(fresh_cache):
    computed = []

    def compute():
        computed.append(1)
        return {"slug": "before-first-day", "items": ["confirm-dates"]}

    assert cache.cached_value("sample", ["input"], compute) == {"slug": "before-first-day", "items": ["confirm-dates"]}
    assert cache.cached_value("sample", ["input"], compute) == {"slug": "before-first-day", "items": ["confirm-dates"]}
    assert len(computed) == 1
    cache.cached_value("sample", ["another input"], compute)
    assert len(computed) == 2


def test_an_error_is_not_remembered(fresh_cache):
    calls = []

    def compute():
        calls.append(1)
        raise ContentError([])

    for _ in range(2):
        with pytest.raises(ContentError):
            cache.cached_value("sample", ["broken"], compute)
    assert len(calls) == 2
    assert not (fresh_cache / "sample").exists() or list((fresh_cache / "sample").iterdir()) == []


def test_the_code_is_part_of_every_key(fresh_cache, monkeypatch):
    computed = []
    cache.cached_value("sample", ["input"], lambda: computed.append(1))
    monkeypatch.setattr(cache, "code_identity", lambda: "the code after an edit")
    cache.cached_value("sample", ["input"], lambda: computed.append(1))
    assert len(computed) == 2


def test_the_code_s_identity_follows_its_python_files(tmp_path):
    """Read in a new process, from a copy of the package: an edited module changes it."""
    copy = tmp_path / "wilguide"
    shutil.copytree(ROOT / "wilguide", copy, ignore=shutil.ignore_patterns("__pycache__"))

    def identity() -> str:
        read = "import sys, wilguide.cache as c; assert c.PACKAGE.parent == __import__('pathlib').Path(sys.argv[1]); print(c.code_identity())"
        return subprocess.run([sys.executable, "-c", read, str(tmp_path)], cwd=tmp_path, env={"PYTHONPATH": str(tmp_path)},
                              capture_output=True, text=True, check=True, timeout=60).stdout.strip()

    before = identity()
    assert identity() == before
    module = copy / "checklists" / "parser.py"
    module.write_text(module.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    assert identity() != before


def copy_toolkit(tmp_path) -> Path:
    docs = tmp_path / "docs"
    for lang in ("fr", "en"):
        shutil.copytree(ROOT / "docs" / lang / "toolkit", docs / lang / "toolkit")
    return docs


def test_an_unchanged_checklist_is_not_parsed_again_by_a_later_build(fresh_cache, tmp_path, monkeypatch):
    docs = copy_toolkit(tmp_path)
    parsed = []
    real_parse = parser.parse_checklist
    monkeypatch.setattr(parser, "parse_checklist", lambda text, path, *rest: parsed.append(Path(path).name) or real_parse(text, path, *rest))

    first = load_all(docs, ["fr", "en"])
    assert len(parsed) == 22  # eleven pages in each language

    new_process()
    parsed.clear()
    assert load_all(docs, ["fr", "en"]) == first
    assert parsed == []

    page = docs / "en" / "toolkit" / "first-week.md"
    text = page.read_text(encoding="utf-8")
    assert "- [ ] " in text
    page.write_text(text.replace("- [ ] ", "- [ ] Promptly: ", 1), encoding="utf-8")
    new_process()
    again = load_all(docs, ["fr", "en"])
    assert parsed == ["first-week.md"]
    assert any(item.text.startswith("Promptly: ") for item in again["en"]["first-week"].items)


def test_the_planner_data_and_the_example_goals_are_parsed_once(fresh_cache, monkeypatch):
    parsed = []
    real_planner, real_examples = planner_config._parse, examples.parse_example_goals
    monkeypatch.setattr(planner_config, "_parse", lambda *args: parsed.append("planner") or real_planner(*args))
    monkeypatch.setattr(examples, "parse_example_goals", lambda *args: parsed.append("examples") or real_examples(*args))

    def read():
        new_process()
        return (planner_config.load_planner_config(ROOT / "content" / "planner.yml", ("fr", "en")),
                examples.load_example_goals(["fr", "en"], ROOT / "content" / "example-goals.yml"))

    first = read()
    assert sorted(parsed) == ["examples", "planner"]
    parsed.clear()
    assert read() == first
    assert parsed == []


def test_a_checklist_page_is_made_again_only_when_an_input_changed(fresh_cache, monkeypatch):
    checklist = load_all(ROOT / "docs", ["fr", "en"])["fr"]["before-first-day"]
    markdown = (ROOT / "docs" / "fr" / "toolkit" / "before-first-day.md").read_text(encoding="utf-8").split("---\n", 2)[2]
    downloads = [Download(checklist.title, f"toolkit/downloads/avant-la-premiere-journee.{ext}", ext.upper(), 2048, Path(f"x.{ext}"))
                 for ext in ("pdf", "docx")]
    made = []
    real_render = web.render_checklist_markdown
    monkeypatch.setattr(web, "render_checklist_markdown", lambda *args: made.append(1) or real_render(*args))

    first = web.remembered_checklist_markdown(markdown, checklist, downloads, "toolkit/before-first-day.md")
    assert web.remembered_checklist_markdown(markdown, checklist, downloads, "toolkit/before-first-day.md") == first
    assert len(made) == 1
    assert "(PDF, 2\u00a0ko)" in first.markdown

    # Another checklist's files are not shown on this page: a change to them makes nothing again.
    others = [Download("Autre", f"toolkit/downloads/autre.{ext}", ext.upper(), 999, Path(f"y.{ext}")) for ext in ("pdf", "docx")]
    assert web.remembered_checklist_markdown(markdown, checklist, downloads + others, "toolkit/before-first-day.md") == first
    assert len(made) == 1

    bigger = [download._replace(size=4096) for download in downloads]
    assert "(PDF, 4\u00a0ko)" in web.remembered_checklist_markdown(markdown, checklist, bigger, "toolkit/before-first-day.md").markdown
    assert len(made) == 2

    # A template of the pages, edited (in a copy: the package's own stay as they are).
    templates = fresh_cache.parent / "templates"
    shutil.copytree(web.TEMPLATES, templates)
    monkeypatch.setattr(web, "TEMPLATES", templates)
    web.remembered_checklist_markdown(markdown, checklist, downloads, "toolkit/before-first-day.md")
    assert len(made) == 2
    items = templates / "checklist-web-items.html"
    items.write_text(items.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    web.remembered_checklist_markdown(markdown, checklist, downloads, "toolkit/before-first-day.md")
    assert len(made) == 3


def test_a_date_is_written_by_babel_once(fresh_cache, monkeypatch):
    """The downloads table's dates: a later build reads them back without loading Babel's locales."""
    import datetime as dt

    from wilguide.guide_pdf import labels

    written = []
    real_format = labels.format_date
    monkeypatch.setattr(labels, "format_date", lambda *args, **options: written.append(args[0]) or real_format(*args, **options))
    for _ in range(2):
        labels.long_date.cache_clear()  # a new process
        assert labels.long_date(dt.date(2026, 12, 1), "fr") == "1er\u00a0décembre\u00a02026"
        assert labels.long_date(dt.date(2026, 12, 1), "en") == "December 1, 2026"
    assert written == [dt.date(2026, 12, 1)] * 2
    labels.long_date.cache_clear()
    assert labels.long_date(dt.date(2026, 12, 2), "fr") == "2\u00a0décembre\u00a02026"
    assert len(written) == 3
    labels.long_date.cache_clear()
