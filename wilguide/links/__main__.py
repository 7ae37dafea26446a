"""``python -m wilguide.links``: check the built site's external links and write the report.

Exit status: 0 when every external link works (moved links are only warnings), 1 when some are
broken after the retries, 2 when the check itself could not run.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path

import yaml

from .external import build_report, check_site, report_markdown


def own_addresses(mkdocs_yml: Path) -> list[str]:
    """Regular expressions for the site's own address and its repository: not external links."""
    # The tag-aware loader is not needed: only two plain strings are read (site_url may be !ENV).
    config = yaml.load(mkdocs_yml.read_text(encoding="utf-8"), Loader=_Tolerant) or {}
    site_url = os.environ.get("SITE_URL") or config.get("site_url") or ""
    patterns = [f"^{re.escape(site_url)}"] if site_url else []
    if config.get("repo_url"):
        patterns.append(f"^{re.escape(config['repo_url'])}")
    return patterns


class _Tolerant(yaml.SafeLoader):
    """Reads mkdocs.yml's tags (!ENV [NAME, default]) as their default value."""


def _env_default(loader, node):
    value = loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else [loader.construct_scalar(node)]
    return os.environ.get(value[0], value[-1] if len(value) > 1 else "")


_Tolerant.add_constructor("!ENV", _env_default)
_Tolerant.add_multi_constructor("tag:yaml.org,2002:python/name:", lambda loader, suffix, node: None)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m wilguide.links", description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, default=Path("site"), help="the built site (default: site)")
    parser.add_argument("--root", type=Path, default=Path("."), help="the project folder (mkdocs.yml, docs/)")
    parser.add_argument("--report", type=Path, help="write the Markdown report to this file")
    parser.add_argument("--retries", type=int, default=2, help="checks again of what failed (default: 2)")
    parser.add_argument("--pause", type=float, default=60.0, help="seconds before each retry (default: 60)")
    parser.add_argument("--ignore-url", action="append", default=[], help="a regular expression of URLs not to check")
    parser.add_argument("--run-url", default="", help="the workflow run's address, named in the report")
    args = parser.parse_args(argv)

    if not (args.site / "index.html").is_file():
        print(f"{args.site}: no built site here (build it first: bash scripts/build.sh)", file=sys.stderr)
        return 2
    ignore = own_addresses(args.root / "mkdocs.yml") + args.ignore_url
    try:
        results, checked = check_site(args.site, ignore, retries=args.retries, pause=args.pause)
    except (RuntimeError, OSError) as error:
        print(f"link check could not run: {error}", file=sys.stderr)
        return 2
    report = build_report(results, args.root / "docs", checked)
    text = report_markdown(report, args.run_url)
    if args.report:
        args.report.write_text(text, encoding="utf-8")
    print(text)
    return 1 if report.broken else 0


if __name__ == "__main__":
    sys.exit(main())
