"""make test-repeat's verdict (scripts/test-repeat.py): every test that failed even once is named, and its CPU hog
stops by itself."""
from __future__ import annotations

import importlib.util
import sys
import time
from pathlib import Path

SCRIPTS = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("repeat_script", SCRIPTS / "test-repeat.py")
repeat = importlib.util.module_from_spec(_spec)
sys.modules["repeat_script"] = repeat
_spec.loader.exec_module(repeat)


def junit(path: Path, cases: dict[str, str]) -> None:
    body = {"passed": "", "failed": '<failure message="no"/>', "error": '<error message="boom"/>', "skipped": "<skipped/>"}
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('<testsuite name="s">' + "".join(
        f'<testcase classname="com.x.FooTest" name="{name}">{body[outcome]}</testcase>' for name, outcome in cases.items())
        + "</testsuite>")


def test_a_test_that_failed_in_one_round_is_named_with_the_round(tmp_path):
    junit(tmp_path / "round-1/lambdas/local/surefire/TEST-Foo.xml", {"steady": "passed", "flaky": "passed"})
    junit(tmp_path / "round-2/lambdas/local/surefire/TEST-Foo.xml", {"steady": "passed", "flaky": "error"})
    rounds = [repeat.outcomes(tmp_path / "round-1"), repeat.outcomes(tmp_path / "round-2")]

    lines, status = repeat.report(rounds, [0, 2])

    assert status == 1
    assert "  lambdas/local/surefire :: com.x.FooTest flaky: failed in 1 of 2 (rounds 2)" in lines
    assert not any("steady" in line for line in lines)


def test_rounds_where_every_test_passed_give_a_green_verdict(tmp_path):
    for number in (1, 2, 3):
        junit(tmp_path / f"round-{number}/ui-vitest.xml", {"renders": "passed", "later": "skipped"})

    lines, status = repeat.report([repeat.outcomes(tmp_path / f"round-{n}") for n in (1, 2, 3)], [0, 0, 0])

    assert status == 0
    assert lines[-1] == "no test failed in 3 rounds (2 tests each)"


def test_a_round_cut_short_is_reported_even_without_a_failing_test(tmp_path):
    junit(tmp_path / "round-1/ui-vitest.xml", {"renders": "passed", "checks out": "passed"})
    junit(tmp_path / "round-2/ui-vitest.xml", {"renders": "passed"})

    lines, status = repeat.report([repeat.outcomes(tmp_path / "round-1"), repeat.outcomes(tmp_path / "round-2")], [0, 2])

    assert status == 1
    assert "  ui-vitest :: com.x.FooTest checks out: missing in rounds 2" in lines
    assert any(line.startswith("round 2 failed without a failing test") for line in lines)


def test_the_cpu_hog_stops_by_itself_at_its_limit():
    hog = repeat.start_hog(workers=1, seconds=1)
    try:
        deadline = time.monotonic() + 15
        while hog[0].poll() is None and time.monotonic() < deadline:
            time.sleep(0.1)
        assert hog[0].poll() is not None, "the hog outlived its limit"
    finally:
        repeat.stop_hog(hog)


def test_the_verdict_replaces_the_flake_check_section_and_leaves_the_others(tmp_path):
    doc = tmp_path / "benchmarks.md"
    doc.write_text("# Benchmarks\n\n## Lambdas\n\nfast\n\n## Flake check\n\nold verdict\n\n## Mutation testing\n\nscores\n")
    now = repeat.datetime(2026, 12, 6, 6, 0, tzinfo=repeat.timezone.utc)

    repeat.record(doc, ["round 1: 900 tests, 0 failed (make exit status 0)", "no test failed in 2 rounds (900 tests each)"],
                  0, ["lambdas-test", "ui-test"], 2, [600.0, 630.0], now, "2 CPUs, test machine")

    text = doc.read_text()
    assert "old verdict" not in text
    assert text.count("## Flake check") == 1
    assert "## Lambdas\n\nfast\n" in text and text.rstrip().endswith("## Mutation testing\n\nscores")
    assert "- Date: 2026-12-06T06:00:00Z" in text
    assert "- Rounds: 2, 10.0 / 10.5 min each" in text
    assert "- Verdict: green" in text
    assert "2 busy loop(s)" in text and "no test failed in 2 rounds (900 tests each)" in text


def test_a_red_verdict_is_appended_when_the_document_has_no_section(tmp_path):
    doc = tmp_path / "benchmarks.md"
    doc.write_text("# Benchmarks\n")

    repeat.record(doc, ["tests that failed at least once in 5 rounds:"], 1, ["lambdas-test"], 2, [60.0],
                  repeat.datetime(2026, 12, 6, tzinfo=repeat.timezone.utc), "here")

    assert doc.read_text().startswith("# Benchmarks\n\n## Flake check\n")
    assert "- Verdict: red" in doc.read_text()
