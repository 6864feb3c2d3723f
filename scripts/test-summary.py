#!/usr/bin/env python3
"""Adds up the JUnit XML reports that `make test` left behind in this run into one closing line.

Every runner of the suite writes JUnit XML into build/test-results (Maven's reports are copied there
by scripts/keep-reports.sh) or, for the end-to-end suite, build/e2e/junit.xml; reports older than the
run's start marker are stale files of an earlier run and are not counted.
Usage: scripts/test-summary.py START_MARKER_FILE
"""
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path


def reports(root: Path, since: float):
    for path in (root / "build").rglob("*.xml"):
        relative = path.relative_to(root).parts
        wanted = relative[:2] == ("build", "test-results") or relative == ("build", "e2e", "junit.xml")
        if wanted and path.stat().st_mtime >= since:
            yield path


def count(path: Path):
    try:
        tree = ElementTree.parse(path)
    except ElementTree.ParseError:
        return None
    tests = failed = skipped = 0
    # Leaf test cases wherever they sit: runners nest suites differently (node puts top-level
    # tests straight under <testsuites>), and suite totals would count nested suites twice.
    for case in tree.getroot().iter("testcase"):
        tests += 1
        if case.find("failure") is not None or case.find("error") is not None:
            failed += 1
        elif case.find("skipped") is not None:
            skipped += 1
    return tests, failed, skipped


def main() -> int:
    marker = Path(sys.argv[1])
    since = marker.stat().st_mtime if marker.exists() else 0.0
    root = Path(__file__).resolve().parent.parent
    tests = failed = skipped = 0
    unreadable = []
    for path in sorted(reports(root, since)):
        counted = count(path)
        if counted is None:
            unreadable.append(path)
            continue
        tests, failed, skipped = tests + counted[0], failed + counted[1], skipped + counted[2]
    for path in unreadable:
        print(f"unreadable test report: {path.relative_to(root)}", file=sys.stderr)
    print(f"Tests: {tests - failed - skipped} passed, {failed} failed, {skipped} skipped")
    return 1 if failed or unreadable or tests == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
