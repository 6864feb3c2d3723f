"""The design lives in the repository (docs/architecture.md#the-design-of-record).

Code and docs cite sections of docs/, never the seed design file outside the repository or an issue number, and
every cited `docs/<file>.md#<anchor>` (or Markdown link to a heading) names a heading that exists. Upstream bugs
are cited as `owner/repo#n` or `repo#n`, which this check allows.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# Where a citation of the seed design or of an issue number is refused: the code, and the docs that describe it.
CODE_DIRS = ("src", "lambdas", "ui/src", "ui/e2e", "ui/scripts", "scripts", "pipeline")
DOC_FILES = ("README.md", "Makefile", "Pulumi.yaml", "Pulumi.primary.yaml", "Pulumi.secondary.yaml")
DOC_DIRS = ("docs",)
SKIPPED_DIRS = {".git", ".venv", "node_modules", "target", "build", "dist", "__pycache__", ".pytest_cache"}
TEXT_SUFFIXES = {".java", ".py", ".sh", ".mjs", ".js", ".ts", ".tsx", ".css", ".md", ".yaml", ".yml", ".json",
                 ".xml", ".php", ".txt", ".html", ".properties", ".cfg", ".toml", ".ini", ""}
SKIPPED_FILES = {"package-lock.json"}

FORBIDDEN = re.compile(
    r"\bDESIGN\b"                # the seed design ("DESIGN §7", "DESIGN.md section 8")
    r"|§"                        # its section numbers
    r"|/work/shared"             # the machine-local copy of it
    r"|\b[Ii]ssues? #?[0-9]+\b"  # this project's issue tracker ("issue 8", "issue #6")
)
# docs/<file>.md#<anchor> written anywhere (comments, prose), relative to the repository root.
ROOT_CITATION = re.compile(r"(?<![\w./-])(docs/[\w./-]+\.md)#([\w-]+)")
# A Markdown link with a fragment, relative to the file that holds it: [text](failover.md#the-drill), [x](#ports).
MARKDOWN_LINK = re.compile(r"\]\(([^)\s#]*)#([^)\s]+)\)")
HEADING = re.compile(r"^ {0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
HTML_ANCHOR = re.compile(r"<a\s+(?:id|name)=\"([^\"]+)\"")
FENCE = re.compile(r"^ {0,3}(```|~~~)")


def github_anchor(heading: str) -> str:
    """The anchor GitHub gives a heading: its text as rendered, lower case, punctuation dropped, spaces to hyphens."""
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", heading)  # a link shows its text
    text = re.sub(r"<[^>]+>", "", text)                          # inline HTML shows nothing of its tags
    text = text.replace("`", "").replace("*", "")
    text = text.strip().lower()
    text = "".join(c for c in text if c.isalnum() or c in " -_")
    return text.replace(" ", "-")


def anchors_of(markdown: str) -> set[str]:
    """Every anchor a Markdown file offers: its headings (outside code fences, repeats numbered) and HTML anchors."""
    anchors: set[str] = set(HTML_ANCHOR.findall(markdown))
    seen: dict[str, int] = {}
    fenced = False
    for line in markdown.splitlines():
        if FENCE.match(line):
            fenced = not fenced
            continue
        match = None if fenced else HEADING.match(line)
        if match:
            slug = github_anchor(match.group(2))
            count = seen.get(slug, 0)
            seen[slug] = count + 1
            anchors.add(slug if count == 0 else f"{slug}-{count}")
    return anchors


def text_files(root: Path, dirs: tuple[str, ...], files: tuple[str, ...] = ()) -> list[Path]:
    found = [root / name for name in files if (root / name).is_file()]
    for top in dirs:
        base = root / top
        if not base.is_dir():
            continue
        for path in base.rglob("*"):
            relative = path.relative_to(root).parts
            if (path.is_file() and not SKIPPED_DIRS.intersection(relative) and path.name not in SKIPPED_FILES
                    and path.suffix in TEXT_SUFFIXES):
                found.append(path)
    return sorted(set(found))


def read(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return None


def forbidden_citations(root: Path) -> list[str]:
    """file:line: text for every mention of the seed design or of an issue number."""
    problems = []
    for path in text_files(root, CODE_DIRS + DOC_DIRS, DOC_FILES):
        if path == Path(__file__).resolve():
            continue  # its own patterns
        text = read(path)
        for number, line in enumerate((text or "").splitlines(), 1):
            if FORBIDDEN.search(line):
                problems.append(f"{path.relative_to(root)}:{number}: {line.strip()}")
    return problems


def broken_anchors(root: Path) -> list[str]:
    """file:line: citation for every docs anchor (or Markdown link fragment) that names no heading."""
    cache: dict[Path, set[str] | None] = {}

    def resolves(target: Path, anchor: str) -> bool:
        if target not in cache:
            cache[target] = anchors_of(target.read_text(encoding="utf-8")) if target.is_file() else None
        return cache[target] is not None and anchor in cache[target]

    problems = []
    for path in text_files(root, CODE_DIRS + DOC_DIRS + ("ui",), DOC_FILES):
        if path == Path(__file__).resolve():
            continue  # its own examples
        text = read(path)
        for number, line in enumerate((text or "").splitlines(), 1):
            cited = [(root / file, anchor) for file, anchor in ROOT_CITATION.findall(line)]
            if path.suffix == ".md":
                cited += [((path.parent / file) if file else path, anchor)
                          for file, anchor in MARKDOWN_LINK.findall(line)
                          if not re.match(r"[a-z]+:", file) and (not file or file.endswith(".md"))]
            for target, anchor in cited:
                if not resolves(target.resolve(), anchor):
                    problems.append(f"{path.relative_to(root)}:{number}: {target.resolve().relative_to(root)}#{anchor}")
    return problems


@pytest.mark.parametrize("heading, anchor", [
    ("The Region switch plan", "the-region-switch-plan"),
    ("moto 5.2.5: what it does and does not do", "moto-525-what-it-does-and-does-not-do"),
    ("Locally: `make drill`", "locally-make-drill"),
    ("Traffic: Route 53 health-check blocks, not routing controls",
     "traffic-route-53-health-check-blocks-not-routing-controls"),
    ("Shoppers' e-mail (primary only)", "shoppers-e-mail-primary-only"),
    ("Region switch ([docs/failover.md](failover.md#the-region-switch-plan))", "region-switch-docsfailovermd"),
    ("Local runtime (`make local`, docs/local.md)", "local-runtime-make-local-docslocalmd"),
])
def test_anchors_follow_githubs_rules(heading, anchor):
    assert github_anchor(heading) == anchor


def test_repeated_headings_are_numbered_and_fenced_lines_are_not_headings():
    markdown = "# Runbook\n## 1. Check\n```bash\n# a shell comment\n```\n## 1. Check\n<a id=\"kept\"></a>\n"
    assert anchors_of(markdown) == {"runbook", "1-check", "1-check-1", "kept"}


def test_a_cited_design_section_an_issue_number_or_a_broken_anchor_is_reported(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs/architecture.md").write_text("# Architecture\n## Stack ownership\n[self](#data-model)\n")
    code = tmp_path / "src/main/java/Example.java"
    code.parent.mkdir(parents=True)
    code.write_text("// Owned by the primary (DESIGN §3), since issue 6.\n"
                    "// See docs/architecture.md#stack-ownership and docs/architecture.md#the-pipeline.\n"
                    "// Upstream: pulumi-aws#6041, terraform-provider-aws#36811.\n")

    assert forbidden_citations(tmp_path) == [
        "src/main/java/Example.java:1: // Owned by the primary (DESIGN §3), since issue 6."]
    assert broken_anchors(tmp_path) == ["docs/architecture.md:3: docs/architecture.md#data-model",
                                        "src/main/java/Example.java:2: docs/architecture.md#the-pipeline"]


def test_no_file_cites_the_seed_design_or_an_issue_number():
    problems = forbidden_citations(ROOT)
    assert not problems, ("cite a section of docs/ (docs/architecture.md#...) instead of the seed design or an "
                          "issue number:\n" + "\n".join(problems))


def test_every_cited_docs_anchor_names_a_heading():
    problems = broken_anchors(ROOT)
    assert not problems, "these anchors name no heading (GitHub's rules):\n" + "\n".join(problems)
