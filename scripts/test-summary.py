#!/usr/bin/env python3
"""Adds up the JUnit XML reports of a test run: one line per suite, then the closing line CI reads.

Every runner writes its JUnit XML under build/test-results (Maven's surefire and failsafe reports are
copied there by scripts/keep-reports.sh). A suite is a report file at the top of that folder
(`ui-vitest.xml` is suite `ui-vitest`) or a folder of reports (`lambdas/functions/failsafe/`); reports
older than the run's start marker are stale files of an earlier run and are not counted.

A run fails when a test failed, a report cannot be read, or a suite reports fewer tests than its floor
in scripts/test-floors.txt, or none at all: a runner that quietly stops finding tests (a renamed
class, a plugin that no longer runs) fails the build instead of shrinking the total. A floor counts for
a suite whose group ran (the group is the name's first part: `lambdas` for `lambdas/ops/surefire`);
--all, as `make test` passes it, requires every suite of the floors file to have run.

Usage: scripts/test-summary.py [--all] [--floors FILE] [--raise-floors] START_MARKER
"""
from __future__ import annotations

import argparse
import re
import sys
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = Path("build/test-results")
FLOORS = Path(__file__).resolve().parent / "test-floors.txt"


@dataclass
class Count:
    tests: int = 0
    failed: int = 0
    skipped: int = 0

    @property
    def passed(self) -> int:
        return self.tests - self.failed - self.skipped

    def add(self, other: "Count") -> None:
        self.tests += other.tests
        self.failed += other.failed
        self.skipped += other.skipped

    def line(self) -> str:
        return f"{self.passed} passed, {self.failed} failed, {self.skipped} skipped"


def suite_of(report: Path, results: Path) -> str:
    relative = report.relative_to(results)
    return relative.stem if len(relative.parts) == 1 else relative.parent.as_posix()


def group_of(suite: str) -> str:
    return re.split(r"[/-]", suite, maxsplit=1)[0]


def reports(results: Path, since: float):
    if not results.is_dir():
        return
    for path in sorted(results.rglob("*.xml")):
        if path.is_file() and path.stat().st_mtime >= since:
            yield path


def count(path: Path) -> Count | None:
    try:
        tree = ElementTree.parse(path)
    except ElementTree.ParseError:
        return None
    counted = Count()
    # Leaf test cases wherever they sit: runners nest suites differently (node puts top-level
    # tests straight under <testsuites>), and suite totals would count nested suites twice.
    for case in tree.getroot().iter("testcase"):
        counted.tests += 1
        if case.find("failure") is not None or case.find("error") is not None:
            counted.failed += 1
        elif case.find("skipped") is not None:
            counted.skipped += 1
    return counted


def read_floors(path: Path) -> dict[str, int]:
    floors = {}
    for number, line in enumerate(path.read_text().splitlines(), 1):
        words = line.split("#", 1)[0].split()
        if not words:
            continue
        if len(words) != 2 or not words[1].isdigit():
            raise ValueError(f"{path}:{number}: expected 'suite floor', got {line!r}")
        floors[words[0]] = int(words[1])
    return floors


FLOOR_LINE = re.compile(r"^(\s*(\S+)\s+)(\d+)(.*)$")


def raise_floors(path: Path, suites: dict[str, Count]) -> list[str]:
    """Sets each floor that ran to its count where that is higher; floors are never lowered here."""
    raised, lines = [], []
    for line in path.read_text().splitlines():
        match = FLOOR_LINE.match(line)
        if match and match.group(2) in suites and suites[match.group(2)].tests > int(match.group(3)):
            suite, floor = match.group(2), suites[match.group(2)].tests
            raised.append(f"{suite}: {match.group(3)} -> {floor}")
            line = f"{match.group(1)}{floor}{match.group(4)}"
        lines.append(line)
    path.write_text("\n".join(lines) + "\n")
    return raised


def summarise(results: Path, since: float, floors: dict[str, int], require_all: bool, out=sys.stdout,
              err=sys.stderr) -> tuple[int, dict[str, Count]]:
    suites: dict[str, Count] = {}
    problems = []
    for path in reports(results, since):
        counted = count(path)
        if counted is None:
            problems.append(f"unreadable test report: {path.relative_to(results)}")
            continue
        suites.setdefault(suite_of(path, results), Count()).add(counted)

    ran_groups = {group_of(suite) for suite in suites}
    expected = [s for s in floors if require_all or group_of(s) in ran_groups]
    width = max((len(s) for s in [*suites, *expected]), default=0)
    total = Count()
    for suite in sorted(set(suites) | set(expected)):
        counted = suites.get(suite, Count())
        total.add(counted)
        floor = floors.get(suite, 1)
        problem = ""
        if suite not in suites:
            problem = "did not report: its runner did not run, or found no tests"
        elif counted.tests < floor:
            problem = f"{counted.tests} tests, below its floor of {floor}" if counted.tests else "ran no tests"
        if problem:
            problems.append(f"{suite}: {problem}")
        note = f"  <- {problem}" if problem else ""
        print(f"  {suite:<{width}}  {counted.line()}{note}", file=out)
    for suite in sorted(set(suites) - set(floors)):
        print(f"no floor for suite {suite}: add it to {FLOORS.relative_to(ROOT)}", file=err)
    for problem in problems:
        print(problem, file=err)
    print(f"Tests: {total.line()}", file=out)
    failed = bool(total.failed or problems or total.tests == 0)
    return (1 if failed else 0), suites


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("marker", type=Path, help="reports older than this file are not counted")
    parser.add_argument("--all", action="store_true", help="every suite of the floors file must have run")
    parser.add_argument("--floors", type=Path, default=FLOORS)
    parser.add_argument("--raise-floors", action="store_true",
                        help="after a green run, set each floor that ran to its count (never lowers one)")
    parser.add_argument("--results", type=Path, default=ROOT / RESULTS, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    since = args.marker.stat().st_mtime if args.marker.exists() else 0.0
    floors = read_floors(args.floors)
    status, suites = summarise(args.results, since, floors, args.all)
    if args.raise_floors:
        if status:
            print("floors left as they are: the run is not green", file=sys.stderr)
        else:
            for change in raise_floors(args.floors, suites):
                print(f"floor raised: {change}")
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
