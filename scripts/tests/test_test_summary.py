"""make test's closing line (scripts/test-summary.py) and the report copy it reads (scripts/keep-reports.sh)."""
from __future__ import annotations

import importlib.util
import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPTS = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("summary_script", SCRIPTS / "test-summary.py")
summary = importlib.util.module_from_spec(_spec)
sys.modules["summary_script"] = summary
_spec.loader.exec_module(summary)


def junit(path: Path, passed: int = 0, failed: int = 0, errors: int = 0, skipped: int = 0) -> Path:
    cases = ['<testcase name="p{}"/>'.format(i) for i in range(passed)]
    cases += ['<testcase name="f{}"><failure message="no"/></testcase>'.format(i) for i in range(failed)]
    cases += ['<testcase name="e{}"><error message="boom"/></testcase>'.format(i) for i in range(errors)]
    cases += ['<testcase name="s{}"><skipped/></testcase>'.format(i) for i in range(skipped)]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('<testsuite name="x">' + "".join(cases) + "</testsuite>")
    return path


def run(results: Path, floors: dict[str, int], require_all: bool = False, since: float = 0.0):
    out, err = io.StringIO(), io.StringIO()
    status, _ = summary.summarise(results, since, floors, require_all, out, err)
    return status, out.getvalue(), err.getvalue()


def test_every_suite_gets_a_line_and_the_closing_line_adds_up_surefire_failsafe_and_the_rest(tmp_path):
    junit(tmp_path / "lambdas/functions/surefire/TEST-a.xml", passed=3)
    junit(tmp_path / "lambdas/functions/surefire/TEST-b.xml", passed=2, skipped=1)
    junit(tmp_path / "lambdas/functions/failsafe/TEST-c.xml", passed=4)
    junit(tmp_path / "ui-vitest.xml", passed=5)

    status, out, err = run(tmp_path, {"lambdas/functions/surefire": 5, "lambdas/functions/failsafe": 4, "ui-vitest": 5})

    assert status == 0, err
    lines = out.splitlines()
    assert lines[-1] == "Tests: 14 passed, 0 failed, 1 skipped"
    assert any(l.split() == ["lambdas/functions/failsafe", "4", "passed,", "0", "failed,", "0", "skipped"] for l in lines), out
    assert any(l.split()[:2] == ["lambdas/functions/surefire", "5"] for l in lines), out
    assert any(l.split()[:2] == ["ui-vitest", "5"] for l in lines), out


def test_failures_and_errors_count_as_failed_and_fail_the_run(tmp_path):
    junit(tmp_path / "blog.xml", passed=2, failed=1, errors=1)

    status, out, _ = run(tmp_path, {"blog": 1})

    assert status == 1
    assert out.splitlines()[-1] == "Tests: 2 passed, 2 failed, 0 skipped"


def test_a_suite_that_ran_no_tests_fails_the_run(tmp_path):
    junit(tmp_path / "drill.xml")
    junit(tmp_path / "blog.xml", passed=3)

    status, out, err = run(tmp_path, {"blog": 3})

    assert status == 1
    assert "drill: ran no tests" in err
    assert out.splitlines()[-1] == "Tests: 3 passed, 0 failed, 0 skipped"


def test_a_suite_below_its_floor_fails_the_run_and_says_which(tmp_path):
    junit(tmp_path / "infra/surefire/TEST-a.xml", passed=9)

    status, _, err = run(tmp_path, {"infra/surefire": 10})

    assert status == 1
    assert "infra/surefire: 9 tests, below its floor of 10" in err


def test_integration_tests_that_stopped_running_fail_the_run_when_their_group_ran(tmp_path):
    # surefire reported, failsafe did not: the group "lambdas" ran, so its failsafe floor applies
    junit(tmp_path / "lambdas/functions/surefire/TEST-a.xml", passed=5)

    status, out, err = run(tmp_path, {"lambdas/functions/surefire": 5, "lambdas/functions/failsafe": 4, "blog": 2})

    assert status == 1
    assert "lambdas/functions/failsafe: did not report" in err
    assert "blog" not in out + err, "a group that did not run is not asked for without --all"


def test_a_group_is_the_make_suite_that_writes_it(tmp_path):
    junit(tmp_path / "e2e.xml", passed=3)

    status, _, err = run(tmp_path, {"e2e": 3, "e2e-schemathesis": 2, "pipeline-scripts": 1})

    assert status == 1
    assert "e2e-schemathesis: did not report" in err
    assert "pipeline" not in err


def test_all_requires_every_suite_of_the_floors_file(tmp_path):
    junit(tmp_path / "ui-vitest.xml", passed=5)

    status, _, err = run(tmp_path, {"ui-vitest": 5, "blog": 2}, require_all=True)

    assert status == 1
    assert "blog: did not report" in err


def test_reports_older_than_the_start_marker_are_not_counted(tmp_path):
    stale = junit(tmp_path / "blog.xml", passed=7)
    os.utime(stale, (1_000, 1_000))
    junit(tmp_path / "drill.xml", passed=1)

    status, out, _ = run(tmp_path, {"drill": 1}, since=2_000)

    assert status == 0
    assert out.splitlines()[-1] == "Tests: 1 passed, 0 failed, 0 skipped"


def test_an_unreadable_report_fails_the_run(tmp_path):
    junit(tmp_path / "blog.xml", passed=1)
    (tmp_path / "drill.xml").write_text("<testsuite><testcase")

    status, _, err = run(tmp_path, {"blog": 1})

    assert status == 1
    assert "unreadable test report: drill.xml" in err


def test_no_reports_at_all_fail_the_run(tmp_path):
    status, out, _ = run(tmp_path, {})

    assert status == 1
    assert out.splitlines()[-1] == "Tests: 0 passed, 0 failed, 0 skipped"


def test_raise_floors_only_raises_and_keeps_the_files_comments(tmp_path):
    floors = tmp_path / "floors.txt"
    floors.write_text("# how to raise\nblog       2  # the blog\ndrill      5\n")
    junit(tmp_path / "results/blog.xml", passed=4)
    junit(tmp_path / "results/drill.xml", passed=6)
    marker = tmp_path / "start"
    marker.touch()
    os.utime(marker, (1_000, 1_000))

    status = summary.main(["--floors", str(floors), "--results", str(tmp_path / "results"), "--raise-floors", str(marker)])

    assert status == 0
    assert floors.read_text() == "# how to raise\nblog       4  # the blog\ndrill      6\n"
    assert summary.read_floors(floors) == {"blog": 4, "drill": 6}


def test_a_malformed_floor_line_is_refused_with_its_line_number(tmp_path):
    floors = tmp_path / "floors.txt"
    floors.write_text("blog 2\ndrill many\n")

    with pytest.raises(ValueError, match=r"floors.txt:2: expected 'suite floor'"):
        summary.read_floors(floors)


def test_the_repositorys_floors_cover_the_integration_tests():
    floors = summary.read_floors(summary.FLOORS)

    assert floors.get("lambdas/functions/failsafe", 0) > 0, "the failsafe suite must have a floor"
    assert all(floor > 0 for floor in floors.values())


def test_keep_reports_copies_unit_and_integration_reports_by_module(tmp_path):
    shutil.copytree(SCRIPTS, tmp_path / "scripts", ignore=shutil.ignore_patterns("tests", "__pycache__", "node_modules"))
    project = tmp_path / "lambdas"
    junit(project / "functions/target/surefire-reports/TEST-a.xml", passed=1)
    junit(project / "functions/target/failsafe-reports/TEST-b.xml", passed=1)
    (project / "functions/target/failsafe-reports/failsafe-summary.xml").write_text("<failsafe-summary/>")
    junit(project / "ops/target/surefire-reports/TEST-c.xml", passed=1)
    junit(tmp_path / "target/surefire-reports/TEST-d.xml", passed=1)

    subprocess.run([tmp_path / "scripts/keep-reports.sh", "lambdas", "lambdas"], check=True)
    subprocess.run([tmp_path / "scripts/keep-reports.sh", "infra", "target"], check=True)

    kept = sorted(p.relative_to(tmp_path / "build/test-results").as_posix()
                  for p in (tmp_path / "build/test-results").rglob("*.xml"))
    assert kept == ["infra/surefire/TEST-d.xml", "lambdas/functions/failsafe/TEST-b.xml",
                    "lambdas/functions/surefire/TEST-a.xml", "lambdas/ops/surefire/TEST-c.xml"]


def test_keep_reports_leaves_out_reports_older_than_the_maven_run(tmp_path):
    shutil.copytree(SCRIPTS, tmp_path / "scripts", ignore=shutil.ignore_patterns("tests", "__pycache__", "node_modules"))
    stale = junit(tmp_path / "lambdas/pipeline-gate/target/surefire-reports/TEST-old.xml", passed=1)
    os.utime(stale, (1_000, 1_000))
    started = tmp_path / "started"
    started.touch()
    os.utime(started, (2_000, 2_000))
    junit(tmp_path / "lambdas/functions/target/surefire-reports/TEST-new.xml", passed=1)

    subprocess.run([tmp_path / "scripts/keep-reports.sh", "lambdas", "lambdas", started], check=True)

    kept = [p.relative_to(tmp_path / "build/test-results").as_posix() for p in (tmp_path / "build/test-results").rglob("*.xml")]
    assert kept == ["lambdas/functions/surefire/TEST-new.xml"]
