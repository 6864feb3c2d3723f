"""The pipeline's deploy-side shell scripts run for real, in a scratch copy of the repository, with stand-ins for
the tools that need a cloud (pulumi) or a full build (mvn, npm) placed first on PATH. The stand-ins log every
call, so the tests assert the exact commands a deploy or a gated preview would run, and what they leave for the
next stage. The pull request's untrusted stage runs with the real tools instead (test_pull_request_e2e.py)."""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import tempfile
import textwrap
import unittest
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).resolve().parent / "fixtures"

FAKE_PULUMI = textwrap.dedent("""\
    #!/usr/bin/env bash
    echo "pulumi $*" >> "$FAKE_LOG"
    stack_arg() { local prev=""; for a in "$@"; do [ "$prev" = --stack ] && echo "$a"; prev=$a; done; }
    case "$1 $2" in
      "login "*) exit 0 ;;
      "stack select") name=${@: -1}; [[ " $FAKE_STACKS " == *" $name "* ]] || { echo "error: no stack named '$name' found" >&2; exit 255; } ;;
      "up "*) exit "${FAKE_UP_EXIT:-0}" ;;
      "stack output") default_outputs="{\\"apiEndpoint\\": \\"$FAKE_API_URL\\"}"
        if [[ " $* " == *" --json "* ]]; then echo "${FAKE_OUTPUTS:-$default_outputs}"; else echo "$FAKE_API_URL"; fi ;;
      "config get") echo "$FAKE_REGION" ;;
      "preview "*) f="$FAKE_PREVIEWS/$(stack_arg "$@").json"; [ -f "$f" ] && cat "$f" || { echo '{"diagnostics":[{"severity":"error","message":"error: preview failed"}]}'; exit 255; } ;;
      *) echo "unexpected pulumi $*" >&2; exit 99 ;;
    esac
    """)
FAKE_LOGGING_TOOL = '#!/usr/bin/env bash\necho "$(basename "$0") $*" >> "$FAKE_LOG"\n'
# java answers the install script's version probe, and logs (and fails on request) every other call: seed-blog.
FAKE_JAVA = textwrap.dedent("""\
    #!/usr/bin/env bash
    if [ "$1" = -XshowSettings:properties ]; then echo "    java.specification.version = $FAKE_JAVA_RELEASE" >&2; exit 0; fi
    echo "java $*" >> "$FAKE_LOG"
    exit "${FAKE_JAVA_EXIT:-0}"
    """)
FAKE_NODE = textwrap.dedent("""\
    #!/usr/bin/env bash
    case "$1" in -p) echo "$FAKE_NODE_MAJOR" ;; -v) echo "v$FAKE_NODE_MAJOR.20.2" ;; esac
    """)
class ScratchRepository:
    """A copy of pipeline/scripts under a temporary root, plus the stand-in tools and their call log."""

    def __init__(self):
        self._tmp = tempfile.TemporaryDirectory()
        self.root = Path(self._tmp.name) / "repo"
        shutil.copytree(REPO / "pipeline" / "scripts", self.root / "pipeline" / "scripts",
                        ignore=shutil.ignore_patterns("__pycache__"))
        (self.root / "ui").mkdir()
        (self.root / "target").mkdir()
        (self.root / "target" / "program.jar").write_bytes(b"PK")
        # The repository's own bootstrap (the install phase runs it) stands in as a logging tool.
        (self.root / "scripts").mkdir()
        (self.root / "scripts" / "bootstrap.sh").write_text(FAKE_LOGGING_TOOL)
        (self.root / "scripts" / "bootstrap.sh").chmod(0o755)
        self.bin = Path(self._tmp.name) / "bin"
        self.bin.mkdir()
        for name, text in {"pulumi": FAKE_PULUMI, "mvn": FAKE_LOGGING_TOOL, "npm": FAKE_LOGGING_TOOL, "aws": FAKE_LOGGING_TOOL,
                           "java": FAKE_JAVA, "node": FAKE_NODE}.items():
            (self.bin / name).write_text(text)
            (self.bin / name).chmod(0o755)
        self.log = Path(self._tmp.name) / "calls.log"
        self.log.touch()
        self.previews = Path(self._tmp.name) / "previews"
        self.previews.mkdir()

    def close(self):
        self._tmp.cleanup()

    def run(self, command: str, **env: str) -> subprocess.CompletedProcess:
        environment = {
            "PATH": f"{self.bin}:{os.environ['PATH']}", "HOME": str(self.root.parent),
            "FAKE_LOG": str(self.log), "FAKE_STACKS": "primary secondary", "FAKE_PREVIEWS": str(self.previews),
            "FAKE_API_URL": "https://abc123.execute-api.eu-west-1.amazonaws.com",
            "FAKE_REGION": "eu-west-1", "FAKE_JAVA_RELEASE": "17", "FAKE_NODE_MAJOR": "20",
        }
        environment.update(env)
        return subprocess.run(["bash", "-c", command], cwd=self.root, env=environment, capture_output=True,
                              text=True, timeout=60)

    def calls(self, tool: str = "") -> list[str]:
        return [line for line in self.log.read_text().splitlines() if line.startswith(tool)]


class ScriptTestCase(unittest.TestCase):
    def setUp(self):
        self.repo = ScratchRepository()
        self.addCleanup(self.repo.close)


class PulumiLoginTest(ScriptTestCase):
    def test_s3_backend_logs_in_to_the_bucket_and_needs_a_kms_secrets_provider(self):
        without_kms = self.repo.run("pipeline/scripts/pulumi-login.sh", PULUMI_BACKEND_URL="s3://state?region=eu-west-1")
        self.assertNotEqual(0, without_kms.returncode)
        self.assertIn("PULUMI_SECRETS_PROVIDER is required", without_kms.stderr)

        ok = self.repo.run("pipeline/scripts/pulumi-login.sh", PULUMI_BACKEND_URL="s3://state?region=eu-west-1",
                           PULUMI_SECRETS_PROVIDER="awskms://alias/bookstore-pulumi?region=eu-west-1")
        self.assertEqual(0, ok.returncode, ok.stderr)
        self.assertEqual(["pulumi login --non-interactive s3://state?region=eu-west-1"], self.repo.calls("pulumi"))

    def test_pulumi_cloud_needs_an_access_token(self):
        missing = self.repo.run("pipeline/scripts/pulumi-login.sh")
        self.assertIn("PULUMI_ACCESS_TOKEN is required", missing.stderr)

        ok = self.repo.run("pipeline/scripts/pulumi-login.sh", PULUMI_ACCESS_TOKEN="pul-123")
        self.assertEqual(0, ok.returncode, ok.stderr)
        self.assertEqual(["pulumi login --non-interactive https://api.pulumi.com"], self.repo.calls("pulumi"))

    def test_unknown_backend_scheme_is_refused(self):
        result = self.repo.run("pipeline/scripts/pulumi-login.sh", PULUMI_BACKEND_URL="file:///tmp/state")
        self.assertIn("must be s3://... or https://...", result.stderr)


class DeployStackTest(ScriptTestCase):
    def deploy(self, stack="primary", **env):
        settings = {"STACK": stack, "PROGRAM_JAR": "target/program.jar", "PULUMI_ACCESS_TOKEN": "pul-123", **env}
        return self.repo.run("pipeline/scripts/deploy-stack.sh && source pipeline/scripts/export-gate-variables.sh "
                             "&& echo \"gate: $API_BASE_URL $STACK_REGION\"", **settings)

    def test_deploy_runs_pulumi_up_on_the_stack_and_exports_what_the_gate_needs(self):
        result = self.deploy()

        self.assertEqual(0, result.returncode, result.stderr)
        calls = self.repo.calls("pulumi")
        self.assertEqual("pulumi stack select --non-interactive primary", calls[1])
        self.assertTrue(calls[2].startswith("pulumi up --non-interactive --yes --skip-preview --diff --stack primary"))
        self.assertIn("gate: https://abc123.execute-api.eu-west-1.amazonaws.com eu-west-1", result.stdout)
        outputs = json.loads((self.repo.root / "build/pipeline/outputs-primary.json").read_text())
        self.assertEqual("https://abc123.execute-api.eu-west-1.amazonaws.com", outputs["apiEndpoint"])
        self.assertIn("pulumi stack output --stack primary apiEndpoint", calls)

    def test_unknown_stack_fails_before_anything_is_deployed(self):
        result = self.deploy(stack="primray")

        self.assertNotEqual(0, result.returncode)
        self.assertIn("stack 'primray' does not exist in this backend", result.stderr)
        self.assertEqual([], [c for c in self.repo.calls("pulumi") if c.startswith("pulumi up")])

    def test_stack_prefix_qualifies_the_stack_name(self):
        result = self.deploy(PULUMI_STACK_PREFIX="acme/bookstore/", FAKE_STACKS="acme/bookstore/primary")

        self.assertEqual(0, result.returncode, result.stderr)
        self.assertIn("--stack acme/bookstore/primary", self.repo.calls("pulumi up")[0])

    def test_stack_on_another_secrets_provider_is_not_deployed(self):
        (self.repo.root / "Pulumi.primary.yaml").write_text("secretsprovider: awskms://alias/old?region=eu-west-1\n")

        result = self.deploy(PULUMI_ACCESS_TOKEN="", PULUMI_BACKEND_URL="s3://state?region=eu-west-1",
                             PULUMI_SECRETS_PROVIDER="awskms://alias/bookstore-pulumi?region=eu-west-1")

        self.assertNotEqual(0, result.returncode)
        self.assertIn("Pulumi.primary.yaml does not use awskms://alias/bookstore-pulumi", result.stderr)
        self.assertIn("pulumi stack change-secrets-provider --stack primary 'awskms://alias/bookstore-pulumi", result.stderr)
        self.assertEqual([], self.repo.calls("pulumi up"))

    def test_missing_program_jar_fails_with_its_path(self):
        result = self.repo.run("pipeline/scripts/deploy-stack.sh", STACK="primary", PROGRAM_JAR="target/absent.jar")
        self.assertIn("program jar target/absent.jar is missing", result.stderr)

    def test_failed_pulumi_up_fails_the_deploy(self):
        result = self.deploy(FAKE_UP_EXIT="255")
        self.assertNotEqual(0, result.returncode)
        self.assertFalse((self.repo.root / "build/pipeline/gate-variables.env").exists())


class SeedBlogTest(ScriptTestCase):
    """pipeline/scripts/seed-blog.sh, as deploy.yml runs it: deploy-stack.sh, then seed-blog.sh."""

    SEED_TASK = {"region": "eu-west-1", "cluster": "arn:aws:ecs:eu-west-1:123456789012:cluster/bookstore-blog",
                 "taskDefinition": "arn:aws:ecs:eu-west-1:123456789012:task-definition/bookstore-blog-seed:3",
                 "subnets": ["subnet-0a", "subnet-0b"], "securityGroup": "sg-0c"}
    OPS_JAR = "lambdas/ops/target/bookstore-ops.jar"

    def setUp(self):
        super().setUp()
        (self.repo.root / "lambdas/ops/target").mkdir(parents=True)
        (self.repo.root / self.OPS_JAR).write_bytes(b"PK")

    def deploy_and_seed(self, outputs: dict, stack="primary", **env):
        settings = {"STACK": stack, "PROGRAM_JAR": "target/program.jar", "OPS_JAR": self.OPS_JAR,
                    "PULUMI_ACCESS_TOKEN": "pul-123", "FAKE_OUTPUTS": json.dumps(outputs), **env}
        return self.repo.run("pipeline/scripts/deploy-stack.sh && pipeline/scripts/seed-blog.sh", **settings)

    def test_the_primarys_seeding_task_runs_with_the_stack_output_after_pulumi_up(self):
        # A Pulumi string output holding JSON text, as BookstoreStack exports blogSeedTask.
        result = self.deploy_and_seed({"apiBaseUrl": "https://x", "blogSeedTask": json.dumps(self.SEED_TASK)})

        self.assertEqual(0, result.returncode, result.stderr)
        self.assertEqual([f"java -jar {self.OPS_JAR} seed-blog --task {json.dumps(self.SEED_TASK)}"],
                         self.repo.calls("java"))
        calls = self.repo.calls()
        self.assertLess(calls.index(next(c for c in calls if c.startswith("pulumi up"))), calls.index(self.repo.calls("java")[0]))

    def test_a_stack_without_a_seeding_task_seeds_nothing_and_needs_no_ops_jar(self):
        result = self.deploy_and_seed({"apiBaseUrl": "https://x"}, stack="secondary", OPS_JAR="")

        self.assertEqual(0, result.returncode, result.stderr)
        self.assertEqual([], self.repo.calls("java"))
        self.assertIn("the secondary stack has no blog seeding task", result.stderr)

    def test_a_failed_seeding_fails_the_deploy_stage(self):
        result = self.deploy_and_seed({"blogSeedTask": json.dumps(self.SEED_TASK)}, FAKE_JAVA_EXIT="1")

        self.assertEqual(1, result.returncode)

    def test_a_missing_ops_jar_fails_with_its_path_before_anything_runs(self):
        result = self.deploy_and_seed({"blogSeedTask": json.dumps(self.SEED_TASK)}, OPS_JAR="lambdas/ops/target/absent.jar")

        self.assertNotEqual(0, result.returncode)
        self.assertIn("ops jar lambdas/ops/target/absent.jar is missing from the build artifact", result.stderr)
        self.assertEqual([], self.repo.calls("java"))

    def test_seeding_without_the_deploys_outputs_is_refused(self):
        result = self.repo.run("pipeline/scripts/seed-blog.sh", STACK="primary", OPS_JAR=self.OPS_JAR)

        self.assertNotEqual(0, result.returncode)
        self.assertIn("build/pipeline/outputs-primary.json is missing", result.stderr)

    def test_a_timeout_from_the_project_is_passed_on(self):
        result = self.deploy_and_seed({"blogSeedTask": json.dumps(self.SEED_TASK)}, SEED_TIMEOUT_MINUTES="25")

        self.assertEqual(0, result.returncode, result.stderr)
        self.assertTrue(self.repo.calls("java")[0].endswith("--timeout-minutes 25"), self.repo.calls("java"))


class ActivateUserPoolReplicaTest(ScriptTestCase):
    """pipeline/scripts/activate-user-pool-replica.sh, as deploy.yml runs it: deploy-stack.sh, then this."""

    def deploy_and_activate(self, outputs: dict, stack="primary"):
        settings = {"STACK": stack, "PROGRAM_JAR": "target/program.jar", "PULUMI_ACCESS_TOKEN": "pul-123",
                    "FAKE_OUTPUTS": json.dumps(outputs)}
        return self.repo.run("pipeline/scripts/deploy-stack.sh && pipeline/scripts/activate-user-pool-replica.sh",
                             **settings)

    def test_the_primarys_replica_is_activated_after_pulumi_up(self):
        result = self.deploy_and_activate({"region": "eu-west-1", "userPoolId": "eu-west-1_AbC123",
                                           "userPoolReplicaRegion": "ap-southeast-1"})

        self.assertEqual(0, result.returncode, result.stderr)
        self.assertEqual(["aws cognito-idp update-user-pool-replica --region eu-west-1 --user-pool-id eu-west-1_AbC123 "
                          "--region-name ap-southeast-1 --status ACTIVE"], self.repo.calls("aws"))
        calls = self.repo.calls()
        self.assertLess(calls.index(next(c for c in calls if c.startswith("pulumi up"))),
                        calls.index(self.repo.calls("aws")[0]))

    def test_the_call_names_every_member_cognitos_api_model_requires(self):
        # The pinned botocore's model of UpdateUserPoolReplica (the AWS CLI's options are its members, kebab-cased).
        import botocore.session
        operation = botocore.session.get_session().get_service_model("cognito-idp").operation_model("UpdateUserPoolReplica")
        self.deploy_and_activate({"region": "eu-west-1", "userPoolId": "eu-west-1_AbC123",
                                  "userPoolReplicaRegion": "ap-southeast-1"})
        words = self.repo.calls("aws")[0].split()
        options = {word[2:] for word in words if word.startswith("--")} - {"region"}
        kebab = {"".join("-" + c.lower() if c.isupper() else c for c in name).lstrip("-")
                 for name in operation.input_shape.members}
        self.assertEqual(set(operation.input_shape.required_members), {
            name for name in operation.input_shape.members
            if "".join("-" + c.lower() if c.isupper() else c for c in name).lstrip("-") in options})
        self.assertTrue(options <= kebab, options - kebab)
        self.assertIn(words[words.index("--status") + 1], operation.input_shape.members["Status"].enum)

    def test_the_secondary_has_no_replica_to_activate(self):
        result = self.deploy_and_activate({"region": "ap-southeast-1", "apiBaseUrl": "https://x"}, stack="secondary")

        self.assertEqual(0, result.returncode, result.stderr)
        self.assertEqual([], self.repo.calls("aws"))
        self.assertIn("the secondary stack has no user pool replica", result.stderr)

    def test_a_replica_without_its_pool_is_refused(self):
        result = self.deploy_and_activate({"region": "eu-west-1", "userPoolReplicaRegion": "ap-southeast-1"})

        self.assertNotEqual(0, result.returncode)
        self.assertIn("has userPoolReplicaRegion but no region or userPoolId", result.stderr)
        self.assertEqual([], self.repo.calls("aws"))


class SeedCatalogueTest(ScriptTestCase):
    """pipeline/scripts/seed-catalogue.sh, as deploy.yml runs it: deploy-stack.sh, then seed-catalogue.sh."""

    TABLE = "arn:aws:dynamodb:eu-west-1:123456789012:table/bookstore-books"
    OPS_JAR = "lambdas/ops/target/bookstore-ops.jar"

    def setUp(self):
        super().setUp()
        (self.repo.root / "lambdas/ops/target").mkdir(parents=True)
        (self.repo.root / self.OPS_JAR).write_bytes(b"PK")

    def deploy_and_seed(self, outputs: dict, stack="primary", **env):
        settings = {"STACK": stack, "PROGRAM_JAR": "target/program.jar", "OPS_JAR": self.OPS_JAR,
                    "PULUMI_ACCESS_TOKEN": "pul-123", "FAKE_OUTPUTS": json.dumps(outputs), **env}
        return self.repo.run("pipeline/scripts/deploy-stack.sh && pipeline/scripts/seed-catalogue.sh", **settings)

    def test_the_primarys_books_table_is_seeded_from_its_output_after_pulumi_up(self):
        result = self.deploy_and_seed({"apiEndpoint": "https://x", "booksTableArn": self.TABLE})

        self.assertEqual(0, result.returncode, result.stderr)
        self.assertEqual([f"java -jar {self.OPS_JAR} seed-catalogue --table-arn {self.TABLE}"], self.repo.calls("java"))
        calls = self.repo.calls()
        self.assertLess(calls.index(next(c for c in calls if c.startswith("pulumi up"))), calls.index(self.repo.calls("java")[0]))

    def test_the_secondary_holds_a_replica_and_seeds_nothing(self):
        result = self.deploy_and_seed({"apiEndpoint": "https://x"}, stack="secondary", OPS_JAR="")

        self.assertEqual(0, result.returncode, result.stderr)
        self.assertEqual([], self.repo.calls("java"))
        self.assertIn("the secondary stack owns no Books table", result.stderr)

    def test_a_failed_seeding_fails_the_deploy_stage(self):
        result = self.deploy_and_seed({"booksTableArn": self.TABLE}, FAKE_JAVA_EXIT="1")

        self.assertEqual(1, result.returncode)

    def test_a_missing_ops_jar_fails_with_its_path(self):
        result = self.deploy_and_seed({"booksTableArn": self.TABLE}, OPS_JAR="lambdas/ops/target/absent.jar")

        self.assertNotEqual(0, result.returncode)
        self.assertIn("ops jar lambdas/ops/target/absent.jar is missing from the build artifact", result.stderr)


class InstallBuildToolsTest(ScriptTestCase):
    """The install phase of build-and-test on the Debian image (scripts/bootstrap.sh is a logging stand-in here)."""

    def test_the_toolchain_comes_first_then_every_test_engine_through_bootstrap(self):
        result = self.repo.run("pipeline/scripts/install-build-tools.sh")

        self.assertEqual(0, result.returncode, result.stderr)
        self.assertEqual(["bootstrap.sh toolchain", "bootstrap.sh "], self.repo.calls("bootstrap.sh"))

    def test_another_java_release_or_node_major_stops_the_build_before_the_engines(self):
        java = self.repo.run("pipeline/scripts/install-build-tools.sh", FAKE_JAVA_RELEASE="21")
        node = self.repo.run("pipeline/scripts/install-build-tools.sh", FAKE_NODE_MAJOR="22")

        self.assertNotEqual(0, java.returncode)
        self.assertIn("java is release '21', the build needs 17", java.stderr)
        self.assertNotEqual(0, node.returncode)
        self.assertIn("node is 22, the build needs 20", node.stderr)
        self.assertEqual(["bootstrap.sh toolchain", "bootstrap.sh toolchain"], self.repo.calls("bootstrap.sh"))


class PackageArtifactsTest(ScriptTestCase):
    JARS = {"PROGRAM_JAR": "target/program.jar", "FUNCTIONS_JAR": "lambdas/functions/target/f.jar",
            "GATE_JAR": "lambdas/pipeline-gate/target/g.jar", "OPS_JAR": "lambdas/ops/target/bookstore-ops.jar"}

    def setUp(self):
        super().setUp()
        for path in list(self.JARS.values()) + ["ui/dist/index.html"]:
            (self.repo.root / path).parent.mkdir(parents=True, exist_ok=True)
            (self.repo.root / path).write_bytes(path.encode())

    def test_the_manifest_records_the_hash_of_every_deployable_including_the_ops_tool(self):
        result = self.repo.run("pipeline/scripts/package-artifacts.sh", UI_DIST="ui/dist",
                               CODEBUILD_RESOLVED_SOURCE_VERSION="abc123", **self.JARS)

        self.assertEqual(0, result.returncode, result.stderr)
        manifest = (self.repo.root / "build/pipeline/manifest.txt").read_text().splitlines()
        self.assertEqual("commit abc123", manifest[0])
        ops = hashlib.sha256(self.JARS["OPS_JAR"].encode()).hexdigest()
        self.assertIn(f"{ops}  {self.JARS['OPS_JAR']}", manifest)

    def test_a_jar_the_tests_did_not_build_fails_the_build_naming_it(self):
        (self.repo.root / self.JARS["OPS_JAR"]).unlink()

        result = self.repo.run("pipeline/scripts/package-artifacts.sh", UI_DIST="ui/dist", **self.JARS)

        self.assertNotEqual(0, result.returncode)
        self.assertIn("lambdas/ops/target/bookstore-ops.jar was not built", result.stderr)


# The plan scripts for the untrusted stage's base-selection cases: each writes what the real one writes (the plan's
# Markdown with a verdict, the diff's Markdown) and where it ran; test_pull_request_e2e.py runs the real ones.
FAKE_PLAN = textwrap.dedent("""\
    #!/usr/bin/env bash
    cd "$(dirname "$0")/.." && out=$1 && shift && mkdir -p "$out"
    for stack in "$@"; do printf '## Policy\\n\\nAll policy rules pass.\\n' > "$out/$stack.md"; done
    echo "plan in $PWD" >> "$FAKE_LOG"
    """)
FAKE_PLAN_DIFF = '#!/usr/bin/env bash\necho "diff of $1 and $2"\n'


class UntrustedPlanBaseTest(ScriptTestCase):
    """Where the untrusted stage's comparison base comes from when the source has no git history (CodePipeline's
    source zip): the branch's head in TrustedSource, named as such in the manifest, or no diff at all."""

    def setUp(self):
        super().setUp()
        for root in (self.repo.root, self.repo.root.parent / "trusted"):
            (root / "scripts").mkdir(parents=True, exist_ok=True)
            for name, text in {"plan.sh": FAKE_PLAN, "plan-diff.sh": FAKE_PLAN_DIFF}.items():
                (root / "scripts" / name).write_text(text)
                (root / "scripts" / name).chmod(0o755)

    def plan(self, **env):
        return self.repo.run("pipeline/scripts/pr-plan.sh", BASE_BRANCH="main", PLAN_STACKS="primary secondary", **env)

    def test_without_git_history_the_branch_head_from_trusted_source_is_the_base(self):
        result = self.plan(CODEBUILD_SRC_DIR_TrustedSource=str(self.repo.root.parent / "trusted"),
                           CODEBUILD_RESOLVED_SOURCE_VERSION="3f2c1e9a7b5d")

        self.assertEqual(0, result.returncode, result.stderr)
        out = self.repo.root / "build/pr"
        manifest = json.loads((out / "manifest.json").read_text())
        self.assertEqual({"commit": "3f2c1e9a7b5d", "plan": "pass", "stacks": ["primary", "secondary"],
                          "base": {"kind": "branch-head", "commit": None, "plan": "pass"}}, manifest)
        # The base is planned with its own scripts, in its own copy; the pull request's plan in the checkout.
        self.assertEqual([f"plan in {self.repo.root}", f"plan in {self.repo.root}/build/plan-base/source"],
                         self.repo.calls("plan in"))
        self.assertEqual(f"diff of build/plan-base/source/build/plan and build/plan\n", (out / "plan-diff.md").read_text())
        self.assertIn("#### secondary", (out / "policy-summary.md").read_text())

    def test_without_history_or_a_base_the_artifact_says_the_diff_is_missing(self):
        result = self.plan()

        self.assertEqual(0, result.returncode, result.stderr)
        out = self.repo.root / "build/pr"
        self.assertEqual({"kind": "none", "commit": None, "plan": "missing"},
                         json.loads((out / "manifest.json").read_text())["base"])
        self.assertEqual("The offline plan diff against main could not be computed (base: none, missing); "
                         "see the build log.\n", (out / "plan-diff.md").read_text())


class GatedPreviewTest(ScriptTestCase):
    """The approved preview: builds the deployables, logs in with the read-only token, previews each stack."""

    def preview(self, deployables="target/program.jar"):
        return self.repo.run("pipeline/scripts/pr-preview.sh", PULUMI_ACCESS_TOKEN="pul-read-only",
                             PREVIEW_STACKS="primary secondary", DEPLOYABLES=deployables)

    def test_both_stacks_are_previewed_after_the_deployables_are_built(self):
        shutil.copy(FIXTURES / "preview-primary.json", self.repo.previews / "primary.json")
        shutil.copy(FIXTURES / "preview-secondary-unchanged.json", self.repo.previews / "secondary.json")

        result = self.preview()

        self.assertEqual(0, result.returncode, result.stderr)
        self.assertEqual((FIXTURES / "preview-primary.json").read_text(),
                         (self.repo.root / "build/preview/primary.json").read_text())
        calls = self.repo.calls()
        self.assertEqual(["mvn -B -ntp -f lambdas/pom.xml package -DskipTests",
                          "npm ci --no-audit --no-fund", "npm run build",
                          "mvn -B -ntp -f parent/pom.xml -pl :bookstore-infra -am -Pbinary package -DskipTests"],
                         [c for c in calls if c.startswith(("mvn", "npm"))])
        self.assertIn("pulumi preview --non-interactive --json --stack primary", calls)
        self.assertIn("pulumi preview --non-interactive --json --stack secondary", calls)

    def test_a_failed_stack_preview_leaves_an_empty_file_for_the_reporter_to_show_as_failed(self):
        shutil.copy(FIXTURES / "preview-primary.json", self.repo.previews / "primary.json")

        result = self.preview()

        self.assertEqual(0, result.returncode, result.stderr)
        self.assertEqual("", (self.repo.root / "build/preview/secondary.json").read_text())
        self.assertIn("preview of secondary failed", result.stderr)

    def test_a_deployable_the_build_did_not_produce_stops_the_preview_by_name(self):
        result = self.preview(deployables="target/program.jar lambdas/pipeline-gate/target/pipeline-gate.jar")

        self.assertNotEqual(0, result.returncode)
        self.assertIn("build-deployables.sh did not produce lambdas/pipeline-gate/target/pipeline-gate.jar", result.stderr)
        self.assertEqual([], self.repo.calls("pulumi"))


if __name__ == "__main__":
    unittest.main()
