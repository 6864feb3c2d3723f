"""scripts/deploy.sh (`make deploy`), the manual path from an empty account to both regions. DRY_RUN=1 prints the
ordered commands, asserted exactly; a real run goes through logging stand-ins for the cloud tools (pulumi, aws, java,
curl, mvn, npm, make) in a scratch copy of the repository, to show the order holds and a re-run creates nothing twice."""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import textwrap
import unittest
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

S3_COMMANDS = [
    "pulumi version",
    "aws sts get-caller-identity --query Arn --output text",
    "aws s3api head-bucket --bucket acme-state --region eu-central-1 || aws s3api create-bucket --bucket acme-state"
    " --region eu-central-1 --create-bucket-configuration LocationConstraint=eu-central-1",
    "aws s3api put-bucket-versioning --bucket acme-state --region eu-central-1 --versioning-configuration Status=Enabled",
    "aws s3api put-public-access-block --bucket acme-state --region eu-central-1 --public-access-block-configuration"
    " BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true",
    "aws kms describe-key --key-id alias/bookstore-pulumi --region eu-central-1 || aws kms create-alias --alias-name"
    " alias/bookstore-pulumi --region eu-central-1 --target-key-id \"$(aws kms create-key --region eu-central-1"
    " --description 'bookstore Pulumi secrets' --query KeyMetadata.KeyId --output text)\"",
    "pulumi login 's3://acme-state?region=eu-central-1'",
    "pulumi stack select primary || pulumi stack init primary"
    " --secrets-provider 'awskms://alias/bookstore-pulumi?region=eu-central-1'",
    "pulumi stack select secondary || pulumi stack init secondary"
    " --secrets-provider 'awskms://alias/bookstore-pulumi?region=eu-central-1'",
    "pulumi config set bookstore:primaryStack organization/bookstore/primary --stack secondary",
    "mvn -B -ntp -f lambdas/pom.xml package -DskipTests",
    "(cd ui && npm ci --no-audit --no-fund && npm run build)",
    "mvn -B -ntp -f parent/pom.xml -pl :bookstore-infra -am -Pbinary package -DskipTests",
    "make plan",
    "make preflight BACKEND_URL='s3://acme-state?region=eu-central-1'",
    "pulumi up --yes --stack primary",
    "aws cognito-idp update-user-pool-replica --region eu-west-1 --user-pool-id"
    " \"$(pulumi stack output userPoolId --stack primary)\" --region-name ap-southeast-1 --status ACTIVE",
    "java -jar lambdas/ops/target/bookstore-ops.jar seed-catalogue --table-arn"
    " \"$(pulumi stack output booksTableArn --stack primary)\"",
    "java -jar lambdas/ops/target/bookstore-ops.jar seed-blog --task \"$(pulumi stack output blogSeedTask --stack primary)\"",
    "pulumi up --yes --stack secondary",
    "java -jar lambdas/pipeline-gate/target/pipeline-gate.jar smoke --region eu-west-1"
    " --api \"$(pulumi stack output apiEndpoint --stack primary)\"",
    "java -jar lambdas/pipeline-gate/target/pipeline-gate.jar smoke --region ap-southeast-1"
    " --api \"$(pulumi stack output apiEndpoint --stack secondary)\"",
    "curl -fsS \"$(pulumi stack output storefrontUrl --stack primary)/config.json\"",
]

# Every stand-in logs its call; `aws ... head-bucket` and `describe-key` and `pulumi stack select` succeed only for
# what an earlier call created (recorded in $FAKE_STATE), as the real services would.
FAKE_TOOL = textwrap.dedent("""\
    #!/usr/bin/env bash
    tool=$(basename "$0")
    echo "$tool $*" >> "$FAKE_LOG"
    key="$tool $*"
    case "$key" in
      "aws s3api head-bucket "*) grep -qx bucket "$FAKE_STATE" ;;
      "aws s3api create-bucket "*) echo bucket >> "$FAKE_STATE" ;;
      "aws kms describe-key "*) grep -qx key "$FAKE_STATE" ;;
      "aws kms create-key "*) echo 1234abcd-12ab-34cd-56ef-1234567890ab ;;
      "aws kms create-alias "*) echo key >> "$FAKE_STATE" ;;
      "pulumi stack select "*) grep -qx "stack ${@: -1}" "$FAKE_STATE" ;;
      "pulumi stack init "*) echo "stack $3" >> "$FAKE_STATE" ;;
      "pulumi stack output "*) echo "out-$3" ;;
      *) exit 0 ;;
    esac
    """)


class DeployPath:
    """A scratch copy of what deploy.sh reads (its own file, Pulumi*.yaml) with the stand-ins first on PATH."""

    def __init__(self):
        self._tmp = tempfile.TemporaryDirectory()
        base = Path(self._tmp.name)
        self.root = base / "repo"
        (self.root / "scripts").mkdir(parents=True)
        (self.root / "ui").mkdir()
        shutil.copy(REPO / "scripts/deploy.sh", self.root / "scripts/deploy.sh")
        fixture = REPO / "src/test/resources/stacks/example"
        for name in ("Pulumi.yaml", "Pulumi.primary.yaml", "Pulumi.secondary.yaml"):
            shutil.copy(fixture / name, self.root / name)
        self.bin = base / "bin"
        self.bin.mkdir()
        for tool in ("pulumi", "aws", "java", "curl", "mvn", "npm", "make", "node"):
            (self.bin / tool).write_text(FAKE_TOOL)
            (self.bin / tool).chmod(0o755)
        self.log = base / "calls.log"
        self.state = base / "state"
        self.log.touch()
        self.state.touch()

    def close(self):
        self._tmp.cleanup()

    def run(self, **env: str) -> subprocess.CompletedProcess:
        environment = {"PATH": f"{self.bin}:{os.environ['PATH']}", "HOME": str(self.root.parent),
                       "FAKE_LOG": str(self.log), "FAKE_STATE": str(self.state), **env}
        return subprocess.run(["bash", "scripts/deploy.sh"], cwd=self.root, env=environment, capture_output=True,
                              text=True, timeout=60)

    def calls(self) -> list[str]:
        return self.log.read_text().splitlines()


class DeployPathTest(unittest.TestCase):
    def setUp(self):
        self.path = DeployPath()
        self.addCleanup(self.path.close)

    def test_a_dry_run_prints_the_exact_ordered_path_and_runs_nothing(self):
        result = self.path.run(DRY_RUN="1", STATE_BUCKET="acme-state")

        self.assertEqual(0, result.returncode, result.stderr)
        self.assertEqual(S3_COMMANDS, result.stdout.splitlines())
        self.assertEqual([], self.path.calls())
        self.assertIn("[deploy] == 6. primary (eu-west-1)", result.stderr)

    def test_on_pulumi_cloud_the_stacks_and_the_primary_reference_carry_the_organization(self):
        result = self.path.run(DRY_RUN="1", BACKEND="cloud", PULUMI_ORG="acme")

        commands = result.stdout.splitlines()
        self.assertEqual(0, result.returncode, result.stderr)
        self.assertEqual([], [c for c in commands if c.startswith("aws s3api") or c.startswith("aws kms")])
        self.assertIn("pulumi login 'https://api.pulumi.com'", commands)
        self.assertIn("pulumi stack select acme/primary || pulumi stack init acme/primary --secrets-provider 'default'",
                      commands)
        self.assertIn("pulumi config set bookstore:primaryStack acme/bookstore/primary --stack acme/secondary", commands)
        self.assertIn("make preflight BACKEND_URL='https://api.pulumi.com' PULUMI_ORG=acme", commands)
        # The example config runs the pipeline: on Pulumi Cloud it must select the stacks of the same organization.
        self.assertIn("pulumi config set bookstore:pipelineStackPrefix acme/ --stack acme/primary", commands)
        self.assertLess(commands.index("pulumi up --yes --stack acme/primary"),
                        commands.index("pulumi up --yes --stack acme/secondary"))

    def test_state_in_a_region_of_the_stacks_or_without_a_bucket_or_org_is_refused_before_any_command(self):
        same_region = self.path.run(DRY_RUN="1", STATE_BUCKET="acme-state", STATE_REGION="eu-west-1")
        no_bucket = self.path.run(DRY_RUN="1")
        no_org = self.path.run(DRY_RUN="1", BACKEND="cloud")

        for result in (same_region, no_bucket, no_org):
            self.assertNotEqual(0, result.returncode)
            self.assertEqual("", result.stdout)
        self.assertIn("STATE_REGION eu-west-1 is a region of the stacks", same_region.stderr)
        self.assertIn("BACKEND=s3 needs STATE_BUCKET", no_bucket.stderr)
        self.assertIn("BACKEND=cloud needs PULUMI_ORG", no_org.stderr)

    def test_a_run_creates_the_backend_before_the_stacks_and_deploys_primary_seeds_then_secondary(self):
        result = self.path.run(STATE_BUCKET="acme-state")

        self.assertEqual(0, result.returncode, result.stderr)
        calls = self.path.calls()

        def first(prefix: str) -> int:
            return next(i for i, c in enumerate(calls) if c.startswith(prefix))

        order = [first("aws s3api create-bucket"), first("aws kms create-alias"), first("pulumi login"),
                 first("pulumi stack init primary --secrets-provider awskms://alias/bookstore-pulumi?region=eu-central-1"),
                 first("make plan"), first("make preflight"), first("pulumi up --yes --stack primary"),
                 # The pool's replica starts INACTIVE: activated once the primary (its owner) is up.
                 first("aws cognito-idp update-user-pool-replica --region eu-west-1 --user-pool-id out-userPoolId"
                       " --region-name ap-southeast-1 --status ACTIVE"),
                 first("java -jar lambdas/ops/target/bookstore-ops.jar seed-catalogue --table-arn out-booksTableArn"),
                 first("java -jar lambdas/ops/target/bookstore-ops.jar seed-blog --task out-blogSeedTask"),
                 first("pulumi up --yes --stack secondary"),
                 first("java -jar lambdas/pipeline-gate/target/pipeline-gate.jar smoke --region ap-southeast-1 --api out-apiEndpoint"),
                 first("curl -fsS out-storefrontUrl/config.json")]
        self.assertEqual(sorted(order), order)

    def test_a_second_run_keeps_the_bucket_key_and_stacks_it_made(self):
        self.assertEqual(0, self.path.run(STATE_BUCKET="acme-state").returncode)
        self.path.log.write_text("")

        again = self.path.run(STATE_BUCKET="acme-state")

        self.assertEqual(0, again.returncode, again.stderr)
        creations = [c for c in self.path.calls() if " create-" in c or c.startswith("pulumi stack init")]
        self.assertEqual([], creations)
        self.assertIn("exists, kept", again.stderr)

    def test_a_failing_step_stops_the_path_there(self):
        (self.path.bin / "make").write_text('#!/usr/bin/env bash\necho "make $*" >> "$FAKE_LOG"\n'
                                            '[ "$1" = preflight ] && exit 1\nexit 0\n')

        result = self.path.run(STATE_BUCKET="acme-state")

        self.assertNotEqual(0, result.returncode)
        self.assertEqual([], [c for c in self.path.calls() if c.startswith("pulumi up")])


if __name__ == "__main__":
    unittest.main()
