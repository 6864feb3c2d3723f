#!/usr/bin/env python3
"""Runs the Java and UI suites several times in a row on a loaded machine and names every test that failed
even once: the check that the suite does not flake (make test-repeat N=5).

Each round runs `make -k lambdas-test infra-test pipeline-test ui-test`, its output in
build/test-repeat/round-<i>.log and its JUnit reports copied to build/test-repeat/round-<i>/. The load is
a CPU hog: busy loops at normal priority, one per core unless --hog-workers says otherwise, each started
under timeout(1) so that it stops by itself after --hog-minutes (default: 20 per round) even should this
script be killed; it is stopped when the rounds end anyway.

The verdict, with the rounds' durations, the load and the machine, replaces the "Flake check" section of
--record (docs/benchmarks.md with `make test-repeat`; nothing is written without it).

Usage: scripts/test-repeat.py [--rounds N] [--hog-workers W] [--hog-minutes M] [--suites 'a-test b-test'] [--record DOC]
"""
from __future__ import annotations

import argparse
import os
import shutil
import signal
import subprocess
import sys
import platform
import time
import xml.etree.ElementTree as ElementTree
from collections import defaultdict
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "build" / "test-results"
OUT = ROOT / "build" / "test-repeat"
SUITES = ["lambdas-test", "infra-test", "pipeline-test", "ui-test"]
BUSY_LOOP = "while True: pass"


def say(message: str) -> None:
    print(f"[repeat] {message}", flush=True)


def start_hog(workers: int, seconds: int) -> list[subprocess.Popen]:
    """Busy loops that end by themselves after `seconds` (timeout sends SIGTERM, then SIGKILL 5 s later)."""
    return [subprocess.Popen(["timeout", "-k", "5", str(seconds), sys.executable, "-c", BUSY_LOOP],
                             stdin=subprocess.DEVNULL, start_new_session=True)
            for _ in range(workers)]


def stop_hog(hog: list[subprocess.Popen]) -> None:
    for process in hog:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
    for process in hog:
        process.wait()


def keep_reports(since: float, into: Path) -> None:
    for report in RESULTS.rglob("*.xml"):
        if report.stat().st_mtime >= since:
            target = into / report.relative_to(RESULTS)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(report, target)


def outcomes(round_dir: Path) -> dict[str, str]:
    """Every test case of a round's reports, by suite, class and name: 'passed', 'failed' or 'skipped'."""
    found = {}
    for report in sorted(round_dir.rglob("*.xml")):
        relative = report.relative_to(round_dir)
        suite = relative.stem if len(relative.parts) == 1 else relative.parent.as_posix()
        try:
            root = ElementTree.parse(report).getroot()
        except ElementTree.ParseError:
            found[f"{suite} :: {relative.name} (unreadable report)"] = "failed"
            continue
        for case in root.iter("testcase"):
            test = f"{suite} :: {case.get('classname', '')} {case.get('name', '')}".replace("  ", " ")
            if case.find("failure") is not None or case.find("error") is not None:
                found[test] = "failed"
            elif case.find("skipped") is not None:
                found.setdefault(test, "skipped")
            else:
                found.setdefault(test, "passed")
    return found


def report(rounds: list[dict[str, str]], statuses: list[int]) -> tuple[list[str], int]:
    """Lines to print and the exit status: 1 if any test failed in any round, or a round failed without a test."""
    lines = []
    for number, (tests, status) in enumerate(zip(rounds, statuses), 1):
        failed = sum(1 for outcome in tests.values() if outcome == "failed")
        lines.append(f"round {number}: {len(tests)} tests, {failed} failed (make exit status {status})")
    failures: dict[str, list[int]] = defaultdict(list)
    for number, tests in enumerate(rounds, 1):
        for test, outcome in tests.items():
            if outcome == "failed":
                failures[test].append(number)
    everywhere = set.union(*(set(tests) for tests in rounds)) if rounds else set()
    missing = {test: [n for n, tests in enumerate(rounds, 1) if test not in tests]
               for test in everywhere if any(test not in tests for tests in rounds)}
    bad = False
    if failures:
        bad = True
        lines.append(f"tests that failed at least once in {len(rounds)} rounds:")
        for test, numbers in sorted(failures.items()):
            lines.append(f"  {test}: failed in {len(numbers)} of {len(rounds)} (rounds {', '.join(map(str, numbers))})")
    if missing:
        bad = True
        lines.append("tests that did not run in every round (a crash or a build failure cut the round short):")
        for test, numbers in sorted(missing.items())[:50]:
            lines.append(f"  {test}: missing in rounds {', '.join(map(str, numbers))}")
    for number, (tests, status) in enumerate(zip(rounds, statuses), 1):
        if status != 0 and not any(outcome == "failed" for outcome in tests.values()):
            bad = True
            lines.append(f"round {number} failed without a failing test (a build, lint or type error): "
                         f"see {(OUT / f'round-{number}.log').relative_to(ROOT)}")
    if not bad:
        count = len(rounds[0]) if rounds else 0
        lines.append(f"no test failed in {len(rounds)} rounds ({count} tests each)")
    return lines, 1 if bad or not rounds else 0


def machine() -> str:
    model = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                  if line.startswith("model name")), platform.processor()) if Path("/proc/cpuinfo").exists() else ""
    return f"{os.cpu_count()} CPUs, {model}, {platform.system()} {platform.release()}"


def record(doc: Path, lines: list[str], status: int, suites: list[str], workers: int, seconds: list[float],
           now: datetime, where: str) -> None:
    """Replaces the document's "## Flake check" section (up to the next "## " heading), or appends it."""
    section = "\n".join([
        "## Flake check",
        "",
        "Written by `make test-repeat N=<rounds>` (scripts/test-repeat.py): the suites below run in a row while "
        f"{workers} busy loop(s) at normal priority load the machine; any test that fails even once is named.",
        "",
        f"- Date: {now.strftime('%Y-%m-%dT%H:%M:%SZ')}",
        f"- Machine: {where}",
        f"- Suites: {' '.join(suites)}",
        f"- Rounds: {len(seconds)}, {' / '.join(f'{s / 60:.1f}' for s in seconds)} min each",
        f"- Verdict: {'green' if status == 0 else 'red'}",
        "",
        "```",
        *lines,
        "```",
        "",
    ])
    text = doc.read_text() if doc.exists() else ""
    start = text.find("\n## Flake check\n")
    if start < 0:
        text = text.rstrip("\n") + "\n\n" + section
    else:
        following = text.find("\n## ", start + 1)
        text = text[:start + 1] + section + (text[following:] if following >= 0 else "")
    doc.write_text(text)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--hog-workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--hog-minutes", type=int, help="the hog's hard limit (default: 20 per round)")
    parser.add_argument("--suites", default=" ".join(SUITES), help="make targets each round runs")
    parser.add_argument("--record", type=Path, help="document whose Flake check section gets the verdict")
    args = parser.parse_args(argv)
    if args.rounds < 1:
        parser.error("--rounds must be at least 1")
    suites = args.suites.split()
    shutil.rmtree(OUT, ignore_errors=True)
    OUT.mkdir(parents=True)
    minutes = args.hog_minutes or 20 * args.rounds
    say(f"{args.rounds} rounds of {' '.join(suites)}; load: {args.hog_workers} busy loop(s) for at most {minutes} min")
    hog = start_hog(args.hog_workers, minutes * 60)
    rounds, statuses, seconds = [], [], []
    try:
        for number in range(1, args.rounds + 1):
            started = time.time()
            log = OUT / f"round-{number}.log"
            say(f"round {number}/{args.rounds} (output in {log.relative_to(ROOT)})")
            with log.open("w") as output:
                status = subprocess.run(["make", "--no-print-directory", "-k", *suites], cwd=ROOT,
                                        stdout=output, stderr=subprocess.STDOUT).returncode
            keep_reports(started, OUT / f"round-{number}")
            rounds.append(outcomes(OUT / f"round-{number}"))
            statuses.append(status)
            seconds.append(time.time() - started)
            say(f"round {number}/{args.rounds} done in {time.time() - started:.0f} s: "
                f"{sum(1 for o in rounds[-1].values() if o == 'failed')} of {len(rounds[-1])} tests failed")
    finally:
        stop_hog(hog)
    lines, status = report(rounds, statuses)
    for line in lines:
        say(line)
    if args.record:
        record(args.record, lines, status, suites, args.hog_workers, seconds, datetime.now(timezone.utc), machine())
        say(f"verdict written to {args.record}")
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
