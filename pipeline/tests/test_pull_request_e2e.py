"""A pull request end to end, with the real tools: the untrusted stage's own script (pr-plan.sh) on a scratch git
repository with two commits (the branch, and a pull request on top of it), real Maven and the real `make plan` of
both commits, then the trusted reporter's real command line against a local server playing GitHub's API.

The scratch repository holds the repository's files as they are in the working tree (tracked and new, nothing
ignored: about 2.5 MB, no build output), so the plan finds every file the program and its pom read. Maven uses
the machine's repository (~/.m2, warm after the other suites; what is missing on a fresh machine it downloads, as
the rest of `make test` does). Expect about two minutes: two compiles and two plans of both stacks."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import tempfile
import unittest
from pathlib import Path

from fake_github import FakeGitHub

REPO = Path(__file__).resolve().parents[2]
MARKER = "<!-- bookstore-pr-preview -->"
REPOSITORY = "acme/bookstore"
TOKEN = "ghp_comment_only"


def git(root: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=root, check=True, capture_output=True, text=True,
                          env={**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
                               "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}).stdout.strip()


class PullRequestEndToEndTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls._tmp = tempfile.TemporaryDirectory()
        cls.root = Path(cls._tmp.name) / "repo"
        listed = subprocess.run(["git", "ls-files", "-z", "-co", "--exclude-standard"], cwd=REPO, check=True,
                                capture_output=True, text=True).stdout.split("\0")
        for relative in filter(None, listed):
            source, target = REPO / relative, cls.root / relative
            if source.is_file():  # a tracked file deleted in the working tree is skipped
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(source, target)
        git(cls.root, "init", "-q", "-b", "main")
        git(cls.root, "add", "-A")
        git(cls.root, "commit", "-q", "-m", "the branch")
        cls.base = git(cls.root, "rev-parse", "HEAD")
        git(cls.root, "checkout", "-q", "-b", "pull-request")
        for stack in ("primary", "secondary"):
            config = cls.root / f"Pulumi.{stack}.yaml"
            config.write_text(config.read_text().replace('bookstore:logRetentionDays: "30"', 'bookstore:logRetentionDays: "90"'))
        git(cls.root, "commit", "-q", "-am", "keep logs for 90 days")
        cls.head = git(cls.root, "rev-parse", "HEAD")
        # The untrusted stage's whole environment: nothing but a PATH, a HOME for Maven's cache and its one input.
        environment = {"PATH": os.environ["PATH"], "HOME": os.environ["HOME"], "BASE_BRANCH": "main"}
        if "JAVA_HOME" in os.environ:
            environment["JAVA_HOME"] = os.environ["JAVA_HOME"]
        cls.stage = subprocess.run(["pipeline/scripts/pr-plan.sh"], cwd=cls.root, env=environment,
                                   capture_output=True, text=True, timeout=1200)
        cls.out = cls.root / "build" / "pr"

    @classmethod
    def tearDownClass(cls):
        cls._tmp.cleanup()

    def report(self, github: FakeGitHub) -> subprocess.CompletedProcess:
        return subprocess.run(["pipeline/scripts/report_pr.py"], cwd=self.root, capture_output=True, text=True,
                              timeout=60, env={"PATH": os.environ["PATH"], "GITHUB_TOKEN": TOKEN,
                                               "GITHUB_API_URL": github.url, "GITHUB_REPOSITORY": REPOSITORY,
                                               "COMMIT_ID": self.head, "CODEBUILD_SRC_DIR_PlanOutput": str(self.out)})

    def test_the_untrusted_stage_plans_both_commits_and_diffs_them_against_the_merge_base(self):
        self.assertEqual(0, self.stage.returncode, self.stage.stderr[-3000:])
        manifest = json.loads((self.out / "manifest.json").read_text())
        self.assertEqual({"commit": self.head, "plan": "pass", "stacks": ["primary", "secondary"],
                          "base": {"kind": "merge-base", "commit": self.base, "plan": "pass"}}, manifest)
        diff = (self.out / "plan-diff.md").read_text()
        primary, secondary = diff.split("## secondary")
        self.assertIn("## primary", primary)
        for section in (primary, secondary):
            self.assertRegex(section, r"aws:cloudwatch/logGroup:LogGroup::[\w-]+` \| `retentionInDays`")
        self.assertIn("All policy rules pass.", (self.out / "policy-summary.md").read_text())

    def test_the_reporter_posts_one_comment_with_both_diffs_and_never_touches_a_comment_it_did_not_write(self):
        self.assertEqual(0, self.stage.returncode, self.stage.stderr[-3000:])
        with FakeGitHub(REPOSITORY, TOKEN) as github:
            github.pulls_by_commit[self.head] = [{"number": 8, "state": "open", "head": {"sha": self.head}}]
            planted = github.add_comment(8, MARKER + "\nplanted by someone who wants the report here", user="mallory")

            first, second = self.report(github), self.report(github)

            self.assertEqual(0, first.returncode, first.stderr)
            self.assertEqual(0, second.returncode, second.stderr)
            ours = [c for c in github.comments[8] if c["user"]["login"] == "bookstore-bot"]
            self.assertEqual(1, len(ours))
            body = ours[0]["body"]
            self.assertEqual(MARKER + "\nplanted by someone who wants the report here", github.comments[8][0]["body"])
            self.assertNotIn(("PATCH", f"/repos/{REPOSITORY}/issues/comments/{planted}"), github.requests)
            self.assertEqual(["POST", "PATCH"], [m for m, _ in github.requests if m in ("POST", "PATCH")])
        self.assertIn(f"## Pull request plan for `{self.head[:12]}`", body)
        self.assertIn(f"compared with `merge-base` `{self.base[:12]}`", body)
        diff = body[body.index("### Offline plan diff"):body.index("### Policies and resilience budget")]
        primary, secondary = diff.split("\n## secondary\n")
        self.assertIn("\n## primary\n", primary)
        for section in (primary, secondary):
            self.assertRegex(section, r"LogGroup::[\w-]+` \| `retentionInDays`")

    def test_every_asset_the_programs_plan_reads_is_built_by_build_deployables(self):
        self.assertEqual(0, self.stage.returncode, self.stage.stderr[-3000:])
        script = (REPO / "pipeline/scripts/build-deployables.sh").read_text()
        checked = set(re.search(r"\$\{DEPLOYABLES:-([^}]*)\}", script).group(1).replace("\\\n", " ").split())
        assets = set()
        for stack in ("primary", "secondary"):
            plan = json.loads((self.root / "build/plan" / f"{stack}.json").read_text())
            assets |= {r["inputs"]["code"]["path"] for r in plan["resources"]
                       if isinstance(r["inputs"].get("code"), dict) and "path" in r["inputs"]["code"]}
        self.assertIn("lambdas/pipeline-gate/target/pipeline-gate.jar", assets)
        self.assertEqual(set(), assets - checked, "assets the preview would hash but build-deployables never checks")
        for asset in assets:
            module = asset.split("/target/")[0]
            parent, _, name = module.rpartition("/")
            packaged = f"-f {module}/pom.xml package" in script or (
                f"-f {parent}/pom.xml package" in script
                and f"<module>{name}</module>" in (REPO / parent / "pom.xml").read_text())
            self.assertTrue(packaged, f"build-deployables.sh packages no Maven module that makes {asset}")


if __name__ == "__main__":
    unittest.main()
