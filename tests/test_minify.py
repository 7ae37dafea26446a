"""Our scripts and stylesheets are served minified (wilguide/minify.py): comments and spaces go,
what the code does stays, and nothing else under assets is touched."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from wilguide.minify import minified, minify_assets

ROOT = Path(__file__).resolve().parent.parent

SCRIPT = """// A comment an editor needs, a phone does not.
export const id = "wilguide.planner.v1"; /* a block comment */
export const prodid = `PRODID:-//WIL mentoring guide//${"EN"}`; // "//" inside a template literal
export const first = (text) => text.replace(/(^| )1(?= \\D)/, "$11er");
"""
STYLE = """/* Why this rule exists. */
.planner-nowrap {
  white-space: nowrap;
}
"""


def test_comments_and_spaces_go_and_the_code_still_runs(tmp_path):
    sources, served = tmp_path / "docs" / "assets", tmp_path / "site" / "assets"
    (sources / "javascripts").mkdir(parents=True)
    (sources / "javascripts" / "code.js").write_text(SCRIPT)
    (sources / "site.css").write_text(STYLE)
    (sources / "logo.svg").write_text("<svg><!-- kept --></svg>")
    shutil.copytree(sources, served)

    written = minify_assets(sources, served)
    assert sorted(path.name for path in written) == ["code.js", "site.css"]
    script = (served / "javascripts" / "code.js").read_text()
    assert "comment" not in script and "\n" not in script.strip()
    assert (served / "site.css").read_text() == ".planner-nowrap{white-space:nowrap}"
    assert (served / "logo.svg").read_text() == "<svg><!-- kept --></svg>"

    # What the script does is unchanged: node runs the minified module.
    module = tmp_path / "check.mjs"
    module.write_text(script)
    node = shutil.which("node")
    assert node, "node is missing: scripts/test.sh installs it"
    result = subprocess.run(
        [node, "--input-type=module", "-e",
         f"import {{ id, prodid, first }} from {str(module)!r}; console.log(JSON.stringify([id, prodid, first('le 1 juin')]))"],
        capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == '["wilguide.planner.v1","PRODID:-//WIL mentoring guide//EN","le 1er juin"]'

    # Run again (each rebuild of a preview): the same files, not minified twice over.
    before = {path: path.read_bytes() for path in served.rglob("*") if path.is_file()}
    minify_assets(sources, served)
    assert before == {path: path.read_bytes() for path in served.rglob("*") if path.is_file()}


def test_the_site_serves_the_planner_without_its_comments(built_site):
    served = (built_site / "assets" / "javascripts" / "planner" / "schedule.js").read_text()
    assert "export function buildPlan(" in served  # names kept: an error in the console names the source's function
    assert "The institution's dates win" not in served


# Parses a script and its minified copy with acorn and prints whether their syntax trees are the
# same, leaving out only where each node starts and ends. A space lost inside a string or a
# template literal, or code taken for a comment, makes them differ.
SAME_TREE = r"""
const acorn = require(process.argv[1]);
const [source, served] = JSON.parse(require("fs").readFileSync(0, "utf8"));
const tree = (code) => JSON.stringify(acorn.parse(code, { ecmaVersion: "latest", sourceType: "module" }),
  (key, value) => (key === "start" || key === "end" ? undefined : value), 1);
const [a, b] = [tree(source), tree(served)];
if (a === b) process.stdout.write("same");
else {
  const lines = [a.split("\n"), b.split("\n")];
  const at = lines[0].findIndex((line, i) => line !== lines[1][i]);
  process.stdout.write(`differs at: ${lines[0].slice(Math.max(0, at - 3), at + 2).join(" ")} | ${lines[1][at]}`);
}
"""


@pytest.mark.parametrize("script", sorted(str(p.relative_to(ROOT)) for p in (ROOT / "docs" / "assets").rglob("*.js")))
def test_each_served_script_is_the_same_program_as_its_source(script):
    source = (ROOT / script).read_text(encoding="utf-8")
    node = shutil.which("node")
    assert node, "node is missing: scripts/test.sh installs it"
    result = subprocess.run(
        [node, "-e", SAME_TREE, str(ROOT / "node_modules" / "acorn")],
        input=json.dumps([source, minified(".js", source)]), capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout == "same", f"{script}: {result.stdout}"
