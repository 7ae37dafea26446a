"""The theme's templates are compiled once and reused by later builds, and an edited template is
compiled again (wilguide/template_cache.py, used by hooks/template_cache.py)."""

from __future__ import annotations

from jinja2 import Environment, FileSystemLoader

from wilguide.template_cache import use_bytecode_cache


def render(templates, name: str) -> tuple[str, Environment]:
    env = Environment(loader=FileSystemLoader(str(templates)))
    use_bytecode_cache(env)
    return env.get_template(name).render(who="Alex"), env


def test_a_later_build_reuses_the_compiled_template_and_an_edit_is_seen(tmp_path, monkeypatch):
    monkeypatch.setenv("WILGUIDE_CACHE_DIR", str(tmp_path / "cache"))
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "page.html").write_text("Bonjour {{ who }}", encoding="utf-8")
    assert render(templates, "page.html")[0] == "Bonjour Alex"
    stored = list((tmp_path / "cache" / "jinja").iterdir())
    assert len(stored) == 1, "the compiled template is stored in the generator cache"

    # A new environment (the next build) loads the stored code instead of compiling the source.
    env = Environment(loader=FileSystemLoader(str(templates)))
    use_bytecode_cache(env)
    compiled = []
    compile_source = env.compile
    env.compile = lambda *args, **kwargs: compiled.append(args) or compile_source(*args, **kwargs)
    assert env.get_template("page.html").render(who="Alex") == "Bonjour Alex"
    assert compiled == []

    (templates / "page.html").write_text("Hello {{ who }}", encoding="utf-8")
    assert render(templates, "page.html")[0] == "Hello Alex"


def test_the_checklist_pages_templates_are_compiled_once_too(tmp_path, monkeypatch):
    """Each build is a new process: the check boxes' template, compiled once, is read back."""
    from wilguide.checklists import web

    monkeypatch.setenv("WILGUIDE_CACHE_DIR", str(tmp_path / "cache"))
    web._environment.cache_clear()  # a new process
    try:
        html = web.item_list([("confirm-dates", "Confirmer les dates.")], "sample")
        assert 'data-key="confirm-dates"' in html
        assert len(list((tmp_path / "cache" / "jinja").iterdir())) == 1
    finally:
        web._environment.cache_clear()  # the next test's environment uses its own cache folder
