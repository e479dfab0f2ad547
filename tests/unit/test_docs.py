"""The README stays a front page, and the documentation site's pages are all there.

The site itself is built by ``mkdocs build --strict`` in ``.ci/run``; these checks need no
documentation tools.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml


def _nav_pages(nav: object) -> list[str]:
    if isinstance(nav, str):
        return [nav]
    if isinstance(nav, list):
        return [p for item in nav for p in _nav_pages(item)]
    if isinstance(nav, dict):
        return [p for value in nav.values() for p in _nav_pages(value)]
    return []


def test_readme_is_short_and_starts_with_the_two_commands(root: Path) -> None:
    readme = (root / "README.md").read_text(encoding="utf-8")
    assert len(readme.encode("utf-8")) <= 8192
    first_block = re.search(r"```bash\n(.*?)```", readme, re.S)
    assert first_block
    run, test = first_block.group(1).strip().splitlines()
    assert run == "python3 -m venv .venv && .venv/bin/pip install -e . && .venv/bin/kpitools run"
    # .ci/run runs the README's test command, quietly
    ci = (root / ".ci" / "run").read_text(encoding="utf-8")
    assert any(line.replace(" -q", "") == test for line in ci.splitlines())


def test_readme_links_point_at_files(root: Path) -> None:
    readme = (root / "README.md").read_text(encoding="utf-8")
    links = re.findall(r"\]\(([^)#]+)\)", readme)
    assert links
    for link in links:
        if not link.startswith("http"):
            assert (root / link).is_file(), link


def test_every_docs_page_is_in_the_nav_and_exists(root: Path) -> None:
    config = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))
    nav = _nav_pages(config["nav"])
    docs = root / "docs"
    assert sorted(nav) == sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*.md"))
    assert config["theme"]["font"] is False  # no web fonts: the site builds and reads offline


def test_the_api_reference_covers_the_public_packages(root: Path) -> None:
    pages = (root / "docs" / "reference").glob("*.md")
    rendered = {m for p in pages for m in re.findall(r"^::: (\S+)$", p.read_text(), re.M)}
    assert rendered == {
        "kpitools",
        "kpitools.io",
        "kpitools.report",
        "kpitools.extract",
        "kpitools.members",
        "kpitools.explore",
    }
