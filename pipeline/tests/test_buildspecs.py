"""Every command a buildspec runs exists in the repository: scripts are present and executable, sourced files are
present, and make targets are defined in the root Makefile. Buildspecs stay thin: a bare tool (mvn, npm, pulumi)
in a buildspec is an error, because logic belongs in pipeline/scripts where it is tested and reviewed."""
from __future__ import annotations

import os
import re
import shlex
import tempfile
import unittest
from pathlib import Path

import yaml  # PyYAML: in the project's .venv (make pipeline-test makes sure of it)

REPO = Path(__file__).resolve().parents[2]
BUILDSPECS = sorted((REPO / "pipeline" / "buildspecs").glob("*.yml"))
SCRIPT_REFERENCE = re.compile(r"(?:\$REPO_ROOT/|\"\$REPO_ROOT/|\$\(dirname \"\$0\"\)/)?(pipeline/scripts/[\w.-]+)")
# Repository scripts outside pipeline/ that a pipeline script runs (scripts/bootstrap.sh from the install phase).
ROOT_SCRIPT_REFERENCE = re.compile(r"\$REPO_ROOT/(scripts/[\w.-]+)")
# Buildspecs that run on the Debian build image (no runtime-versions there: CodeBuild offers them on its own
# images only); the others run on CodeBuild's curated image, which selects JDK 17 through runtime-versions.
DEBIAN_IMAGE_BUILDSPECS = {"build-and-test.yml"}
# Buildspecs a pull request's own code runs (and may rewrite): they must need nothing secret.
UNTRUSTED_BUILDSPECS = {"pr-plan.yml"}


def makefile_targets(makefile: Path) -> set[str]:
    targets = set()
    for line in makefile.read_text().splitlines():
        m = re.match(r"^([A-Za-z0-9_.%/-]+(?:[ \t]+[A-Za-z0-9_.%/-]+)*)[ \t]*::?(?![=])", line)
        if m and not line.startswith("\t"):
            targets.update(t for t in m.group(1).split() if not t.startswith("."))
    return targets


def buildspec_commands(spec: dict) -> list[str]:
    commands = []
    for phase_name, phase in (spec.get("phases") or {}).items():
        for key in ("commands", "finally"):
            for command in (phase or {}).get(key) or []:
                if not isinstance(command, str):
                    raise AssertionError(f"phase {phase_name}: command {command!r} is not a string")
                commands.append(command)
    return commands


def problems_with(command: str, repo: Path, targets: set[str]) -> list[str]:
    """Why a buildspec command does not run something the repository defines (empty when it does)."""
    words = shlex.split(command)
    if not words:
        return [f"empty command {command!r}"]
    if any(w in {"&&", "||", "|", ";"} or w.endswith(";") for w in words):
        return [f"{command!r} chains commands: move the logic into a script under pipeline/scripts"]
    head, args = words[0], words[1:]
    if head in {"source", "."}:
        if len(args) != 1 or not (repo / args[0]).is_file():
            return [f"{command!r} sources {args[:1]} which is not a file in the repository"]
        return []
    if head == "make":
        named = [a for a in args if not a.startswith("-") and "=" not in a]
        missing = [t for t in named if t not in targets]
        return [f"{command!r}: make target {t!r} is not defined in the root Makefile" for t in missing] if named \
            else [f"{command!r} names no make target"]
    if "/" in head:
        path = repo / head
        if not path.is_file():
            return [f"{command!r} runs {head}, which is not in the repository"]
        if not os.access(path, os.X_OK):
            return [f"{command!r} runs {head}, which is not executable (git update-index --chmod=+x)"]
        return []
    return [f"{command!r} runs the bare tool {head!r}: buildspecs only run repository scripts and make targets"]


def script_references(script: Path) -> tuple[set[str], set[str]]:
    """Scripts and make targets a pipeline script itself calls, so the chain below a buildspec holds too."""
    text = script.read_text()
    scripts = set(SCRIPT_REFERENCE.findall(text)) | set(ROOT_SCRIPT_REFERENCE.findall(text))
    return scripts, make_targets_called(text)


def make_targets_called(text: str) -> set[str]:
    """Targets of every `make ...` in a shell script, past its options (`-C dir`, `-s`) and variables (`A=...`)."""
    targets = set()
    code = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))
    for match in re.finditer(r"(?:^|[\s;&|(])make((?:[ \t]+[^\s;&|)<>]+)+)", code, re.M):
        words = match.group(1).split()
        skip = False
        for word in words:
            if skip:
                skip = False
            elif word in ("-C", "-f", "-j"):
                skip = True
            elif not word.startswith("-") and "=" not in word and re.fullmatch(r"[a-z][\w-]*", word):
                targets.add(word)
    return targets


class BuildspecCommandsTest(unittest.TestCase):
    def test_there_are_the_three_buildspecs(self):
        # The reporter's and the gated preview's buildspecs live in the program (PullRequestBuildspecs), not here.
        self.assertEqual(["build-and-test.yml", "deploy.yml", "pr-plan.yml"], [p.name for p in BUILDSPECS])

    def test_every_buildspec_command_exists_in_the_repository(self):
        targets = makefile_targets(REPO / "Makefile")
        for path in BUILDSPECS:
            with self.subTest(buildspec=path.name):
                spec = yaml.safe_load(path.read_text())
                self.assertEqual(0.2, spec["version"])
                commands = buildspec_commands(spec)
                self.assertTrue(commands, "a buildspec that runs nothing")
                self.assertEqual([], [p for c in commands for p in problems_with(c, REPO, targets)])

    def test_scripts_called_by_scripts_exist_and_their_make_targets_are_defined(self):
        targets = makefile_targets(REPO / "Makefile")
        for script in sorted((REPO / "pipeline" / "scripts").glob("*.sh")):
            scripts, makes = script_references(script)
            with self.subTest(script=script.name):
                self.assertEqual([], [s for s in sorted(scripts) if not (REPO / s).is_file()])
                self.assertEqual([], [s for s in sorted(scripts) if not os.access(REPO / s, os.X_OK)])
                self.assertEqual([], sorted(makes - targets))

    def test_the_install_phase_brings_in_the_test_engines_through_the_repositorys_bootstrap(self):
        scripts, _ = script_references(REPO / "pipeline/scripts/install-build-tools.sh")
        self.assertIn("scripts/bootstrap.sh", scripts)

    def test_buildspecs_use_jdk_17_and_cache_their_package_managers(self):
        for path in BUILDSPECS:
            with self.subTest(buildspec=path.name):
                spec = yaml.safe_load(path.read_text())
                install = spec["phases"]["install"]
                if path.name in DEBIAN_IMAGE_BUILDSPECS:
                    # JDK 17 comes from the install script (test_scripts.py checks it refuses any other release).
                    self.assertNotIn("runtime-versions", install)
                    self.assertEqual(["pipeline/scripts/install-build-tools.sh"], install["commands"])
                else:
                    self.assertEqual("corretto17", install["runtime-versions"]["java"])
                if path.name in UNTRUSTED_BUILDSPECS:
                    # A pull request's cache would be restored into the next pull request's build.
                    self.assertNotIn("cache", spec)
                    continue
                caches = spec["cache"]["paths"]
                self.assertFalse([c for c in caches if c.startswith(".venv")],
                                 "a .venv restored into another source directory keeps stale absolute paths")
                if "make test" in buildspec_commands(spec):
                    self.assertIn("/root/.m2/repository/**/*", caches)
                    self.assertIn("/root/.npm/**/*", caches)
                if any("install-pulumi.sh" in c for c in buildspec_commands(spec)):
                    self.assertIn("/root/.cache/bookstore-pulumi/**/*", caches)

    def test_build_artifact_carries_every_file_the_deploy_needs(self):
        spec = yaml.safe_load((REPO / "pipeline/buildspecs/build-and-test.yml").read_text())
        deploy = yaml.safe_load((REPO / "pipeline/buildspecs/deploy.yml").read_text())
        files = spec["artifacts"]["files"]
        variables = spec["env"]["variables"]
        for name in ("PROGRAM_JAR", "FUNCTIONS_JAR", "GATE_JAR", "OPS_JAR"):
            self.assertIn(variables[name], files, name)
        self.assertIn(variables["UI_DIST"] + "/**/*", files)
        # The stack packs the canary's zip from these sources (CanaryBundle.ENTRIES) at deploy time.
        self.assertIn("ui/e2e/canary/**/*", files)
        self.assertIn("ui/e2e/journeys/**/*", files)
        self.assertEqual(variables["PROGRAM_JAR"], deploy["env"]["variables"]["PROGRAM_JAR"])
        self.assertEqual(variables["OPS_JAR"], deploy["env"]["variables"]["OPS_JAR"])
        self.assertEqual(["API_BASE_URL", "STACK_REGION"], deploy["env"]["exported-variables"])

    def test_the_deploy_activates_the_replica_and_seeds_after_pulumi_up_and_before_the_gate_reads_its_variables(self):
        deploy = yaml.safe_load((REPO / "pipeline/buildspecs/deploy.yml").read_text())
        self.assertEqual(["pipeline/scripts/deploy-stack.sh", "pipeline/scripts/activate-user-pool-replica.sh",
                          "pipeline/scripts/seed-catalogue.sh",
                          "pipeline/scripts/seed-blog.sh", "source pipeline/scripts/export-gate-variables.sh"],
                         deploy["phases"]["build"]["commands"])

    def test_the_gate_is_handed_the_regions_own_endpoint_not_the_failover_name(self):
        # With a domain, apiBaseUrl is https://api.<domain>: Route 53 answers it from the healthy primary, so the
        # secondary's gate would see eu-west-1 in X-Bookstore-Region. apiEndpoint is the region's own API.
        deploy = yaml.safe_load((REPO / "pipeline/buildspecs/deploy.yml").read_text())
        self.assertEqual("apiEndpoint", deploy["env"]["variables"]["API_URL_OUTPUT"])


class UntrustedStageTest(unittest.TestCase):
    """Everything the untrusted stage is given and reads, against an allow-list; the project's side (its role,
    its variables) is DeliveryPipelineTest.theUntrustedStageHoldsNoSecretNoStateNoKeyButItsOwnAndNoToken."""

    ENVIRONMENT = {"BASE_BRANCH", "PLAN_STACKS"}
    # What pr-plan.sh, lib.sh and the plan scripts read: where to write, what to compare with, how to run Maven.
    READS = {"BASE_BRANCH", "PLAN_STACKS", "PR_OUTPUT_DIR", "BASE_REF", "BASE_SOURCE_DIR",
             "CODEBUILD_SRC_DIR_TrustedSource", "CODEBUILD_RESOLVED_SOURCE_VERSION", "REPO_ROOT", "MVN", "BASH_SOURCE"}

    def test_the_buildspec_sets_only_plain_variables_and_no_secret_source(self):
        spec = yaml.safe_load((REPO / "pipeline/buildspecs/pr-plan.yml").read_text())

        self.assertEqual({"shell", "variables"}, set(spec["env"]))
        self.assertEqual(self.ENVIRONMENT, set(spec["env"]["variables"]))
        self.assertEqual(["pipeline/scripts/pr-plan.sh"], buildspec_commands(spec))
        self.assertEqual("PlanOutput", spec["artifacts"]["name"])

    def test_the_scripts_read_only_the_allowed_variables_and_nothing_like_a_credential(self):
        text = "\n".join((REPO / p).read_text() for p in ("pipeline/scripts/pr-plan.sh", "pipeline/scripts/lib.sh",
                                                        "scripts/plan.sh", "scripts/plan-diff.sh"))
        read = set(re.findall(r"\$\{?([A-Z][A-Z0-9_]*[A-Za-z0-9_]*)", text))

        self.assertEqual(set(), read - self.READS)
        self.assertEqual([], [v for v in read if re.search(r"TOKEN|SECRET|PASSWORD|AWS_|GITHUB|PULUMI", v)])


class CheckerCatchesBadCommandsTest(unittest.TestCase):
    """The checker above must be able to fail: each kind of broken command is reported."""

    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.repo = Path(self.tmp.name)
        (self.repo / "pipeline/scripts").mkdir(parents=True)
        runnable = self.repo / "pipeline/scripts/run.sh"
        runnable.write_text("#!/bin/sh\n")
        runnable.chmod(0o755)
        (self.repo / "pipeline/scripts/plain.sh").write_text("#!/bin/sh\n")
        (self.repo / "Makefile").write_text(".PHONY: test\ntest: unit\n\techo hi\nunit lint:\n\ttrue\nX := 1\n")

    def tearDown(self):
        self.tmp.cleanup()

    def problems(self, command):
        return problems_with(command, self.repo, makefile_targets(self.repo / "Makefile"))

    def test_makefile_targets_are_read_without_variables_or_recipes(self):
        self.assertEqual({"test", "unit", "lint"}, makefile_targets(self.repo / "Makefile"))

    def test_existing_script_source_and_targets_pass(self):
        for ok in ("pipeline/scripts/run.sh --flag", "source pipeline/scripts/plain.sh", "make test", "make lint"):
            self.assertEqual([], self.problems(ok), ok)

    def test_make_targets_are_found_past_options_and_variables(self):
        script = ('# (make plan, make it so)\nmake plan || say "x"\nmake -C "$base/source" plan\n'
                  'make --no-print-directory -s plan-diff A="$a" B=b > f\n')
        self.assertEqual({"plan", "plan-diff"}, make_targets_called(script))

    def test_each_kind_of_broken_command_is_reported(self):
        cases = {
            "pipeline/scripts/missing.sh": "not in the repository",
            "pipeline/scripts/plain.sh": "not executable",
            "make deploy": "make target 'deploy' is not defined",
            "mvn -B package": "bare tool 'mvn'",
            "source pipeline/scripts/nope.sh": "not a file in the repository",
            "pipeline/scripts/run.sh && rm -rf /": "chains commands",
        }
        for command, expected in cases.items():
            with self.subTest(command=command):
                found = self.problems(command)
                self.assertTrue(found and expected in found[0], found)


if __name__ == "__main__":
    unittest.main()
