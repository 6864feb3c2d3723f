"""The pull-request comment: rendering from recorded `pulumi preview --json` output, and one comment kept updated."""
from __future__ import annotations

import io
import os
import sys
import tempfile
import unittest
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path
from unittest import mock

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "scripts"))

import post_pr_comment  # noqa: E402
from prcomment import comment, plan, preview  # noqa: E402
from prcomment.github import GitHubError, PullRequestComments, RepositorySource  # noqa: E402

from fake_github import FakeGitHub, tarball  # noqa: E402

FIXTURES = HERE / "fixtures"
REPO = "acme/bookstore"
TOKEN = "ghp_test_token"


def render_fixtures(secondary="preview-secondary-unchanged.json", commit="3f2c1e9a7b5d4c3b2a1f0e9d8c7b6a5f4e3d2c1b"):
    return comment.render(comment.CommentInputs(
        previews=(preview.load("primary", FIXTURES / "preview-primary.json"),
                  preview.load("secondary", FIXTURES / secondary)),
        plan_diff=(FIXTURES / "plan-diff.md").read_text(),
        policy_summary=(FIXTURES / "policy-summary.md").read_text(),
        commit=commit,
    ))


class PreviewDigestTest(unittest.TestCase):
    def test_changes_are_read_from_steps_with_types_and_reasons(self):
        p = preview.load("primary", FIXTURES / "preview-primary.json")

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

    def test_missing_or_broken_output_is_a_failed_preview_not_an_empty_one(self):
        with tempfile.TemporaryDirectory() as tmp:
            broken = Path(tmp, "broken.json")
            broken.write_text('{"steps": [')
            self.assertIn("not JSON", preview.load("primary", broken).failure)
            self.assertIn("no preview output", preview.load("primary", Path(tmp, "absent.json")).failure)
        failed = preview.load("secondary", FIXTURES / "preview-failed.json")
        self.assertEqual("preview failed", failed.failure)
        self.assertIn("booksTableArn (missing)", failed.errors[0])


class CommentRenderingTest(unittest.TestCase):
    def test_one_comment_covers_both_stacks_policies_and_budget(self):
        body = render_fixtures()

        self.assertTrue(body.startswith(comment.MARKER + "\n## Pulumi preview for `3f2c1e9a7b5d`"))
        self.assertIn("| stack | create | update | replace | delete | other | unchanged |", body)
        self.assertIn("| primary | 1 | 1 | 1 | 1 | 0 | 84 |", body)
        self.assertIn("| secondary | 0 | 0 | 0 | 0 | 0 | 79 |", body)
        self.assertIn("<details><summary><b>primary</b>: 4 changes</summary>", body)
        self.assertIn("| `~` update | `aws:lambda/function:Function` | bookstore-api | memorySize, sourceCodeHash |", body)
        self.assertIn("| `+-` replace | `aws:elasticache/subnetGroup:SubnetGroup` | leaderboard-subnets "
                      "| name (replace), subnetIds |", body)
        self.assertIn("| `-` delete | `aws:apigatewayv2/route:Route` | legacy\\|ping |  |", body)
        self.assertIn(":warning: name is deprecated in favour of namePrefix", body)
        self.assertIn("**secondary**: no changes.", body)
        # The plan files' headings nest below the comment's own sections.
        self.assertIn("### Offline plan diff\n\n#### Offline plan diff\n\n##### primary\n\n1 to add, 1 to change, 0 to remove.", body)
        self.assertIn("| `aws:lambda/function:Function::bookstore-functions-api` | `memorySize` |", body)
        self.assertIn("### Policies and resilience budget\n\n#### primary\n\n**Resilience budget**\n\n- RTO 150 s of target 180 s", body)
        self.assertIn("#### secondary", body)
        self.assertEqual(1, body.count(comment.MARKER))

    def test_empty_change_case_says_no_changes_for_each_stack(self):
        body = comment.render(comment.CommentInputs(
            previews=(preview.load("primary", FIXTURES / "preview-secondary-unchanged.json"),
                      preview.load("secondary", FIXTURES / "preview-secondary-unchanged.json")),
            plan_diff="No resource changes in either stack.", policy_summary=None))

        self.assertIn("**primary**: no changes.", body)
        self.assertIn("**secondary**: no changes.", body)
        self.assertNotIn("<details>", body)
        self.assertIn("No resource changes in either stack.", body)
        self.assertIn("_No policy summary was produced; see the build log._", body)

    def test_failed_stack_preview_is_shown_as_failed(self):
        body = render_fixtures(secondary="preview-failed.json")

        self.assertIn("| secondary | ? | ? | ? | ? | ? | ? |", body)
        self.assertIn(":x: **secondary**: preview failed.", body)
        self.assertIn("> error: Missing or mistyped outputs of the primary stack: booksTableArn (missing)", body)

    def test_huge_plan_diff_is_cut_to_stay_within_githubs_limit(self):
        body = comment.render(comment.CommentInputs(
            previews=(preview.load("primary", FIXTURES / "preview-primary.json"),),
            plan_diff="x" * 200_000, policy_summary="y" * 200_000))

        self.assertLessEqual(len(body), 65_536)
        self.assertIn("_(offline plan diff cut; the full file is in the build artifacts)_", body)


class CommentUpsertTest(unittest.TestCase):
    def test_first_run_posts_and_later_runs_update_the_same_comment(self):
        with FakeGitHub(REPO, TOKEN) as github:
            github.add_comment(7, "Looks good to me")
            comments = PullRequestComments(github.url, REPO, TOKEN)

            first = comments.upsert(7, render_fixtures(commit="aaaaaaaaaaaa"), comment.MARKER)
            second = comments.upsert(7, render_fixtures(commit="bbbbbbbbbbbb"), comment.MARKER)

            self.assertEqual(("created", "updated"), (first.action, second.action))
            self.assertEqual(first.comment_id, second.comment_id)
            marked = [c for c in github.comments[7] if comment.MARKER in c["body"]]
            self.assertEqual(1, len(marked))
            self.assertIn("for `bbbbbbbbbbbb`", marked[0]["body"])
            self.assertEqual("Looks good to me", github.comments[7][0]["body"])
            self.assertEqual(["POST", "PATCH"], [m for m, _ in github.requests if m != "GET"])

    def test_marked_comment_is_found_beyond_the_first_page(self):
        with FakeGitHub(REPO, TOKEN) as github:
            for i in range(130):
                github.add_comment(9, f"review note {i}")
            ours = github.add_comment(9, comment.MARKER + "\nold preview", user="bookstore-bot")

            result = PullRequestComments(github.url, REPO, TOKEN).upsert(9, comment.MARKER + "\nnew", comment.MARKER)

            self.assertEqual(("updated", ours), (result.action, result.comment_id))
            self.assertIn(("GET", f"/repos/{REPO}/issues/9/comments?per_page=100&page=2"), github.requests)
            self.assertEqual(131, len(github.comments[9]))

    def test_pull_request_is_found_from_the_commit_when_not_given(self):
        sha = "3f2c1e9a7b5d4c3b2a1f0e9d8c7b6a5f4e3d2c1b"
        with FakeGitHub(REPO, TOKEN) as github:
            github.pulls_by_commit[sha] = [
                {"number": 3, "state": "closed", "head": {"sha": sha}},
                {"number": 12, "state": "open", "head": {"sha": sha}},
            ]
            self.assertEqual(12, PullRequestComments(github.url, REPO, TOKEN).pull_request_for_commit(sha))
            with self.assertRaisesRegex(GitHubError, "no open pull request has commit 0123abc"):
                PullRequestComments(github.url, REPO, TOKEN).pull_request_for_commit("0123abc")

    def test_rejected_token_is_reported_with_githubs_answer(self):
        with FakeGitHub(REPO, TOKEN) as github:
            with self.assertRaisesRegex(GitHubError, "answered 401: .*Bad credentials"):
                PullRequestComments(github.url, REPO, "wrong").upsert(7, "body", comment.MARKER)


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


class BaseSourceTest(unittest.TestCase):
    BASE = "9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d"
    HEAD = "3f2c1e9a7b5d4c3b2a1f0e9d8c7b6a5f4e3d2c1b"

    def test_the_merge_base_is_unpacked_without_githubs_top_folder(self):
        with FakeGitHub(REPO, TOKEN) as github, tempfile.TemporaryDirectory() as tmp:
            github.merge_bases[("main", self.HEAD)] = self.BASE
            github.tarballs[self.BASE] = tarball("acme-bookstore-9e8d7c6", {"Makefile": "plan:\n", "scripts/plan.sh": "#!/bin/sh\n"})
            source = RepositorySource(github.url, REPO, TOKEN)

            sha = source.merge_base("main", self.HEAD)
            source.extract(sha, Path(tmp) / "base")

            self.assertEqual(self.BASE, sha)
            self.assertEqual(["Makefile", "scripts"], sorted(p.name for p in (Path(tmp) / "base").iterdir()))
            self.assertEqual("plan:\n", (Path(tmp) / "base/Makefile").read_text())

    def test_a_tarball_reaching_outside_its_folder_is_refused(self):
        with FakeGitHub(REPO, TOKEN) as github, tempfile.TemporaryDirectory() as tmp:
            github.tarballs[self.BASE] = tarball("top", {"../../escaped": "x"})

            with self.assertRaises(GitHubError) as raised:
                RepositorySource(github.url, REPO, TOKEN).extract(self.BASE, Path(tmp) / "base")

            self.assertIn("cannot be unpacked safely", str(raised.exception))
            self.assertFalse((Path(tmp).parent / "escaped").exists())

    def test_an_unknown_comparison_is_reported_with_githubs_answer(self):
        with FakeGitHub(REPO, TOKEN) as github:
            with self.assertRaises(GitHubError) as raised:
                RepositorySource(github.url, REPO, TOKEN).merge_base("main", self.HEAD)

        self.assertIn(f"/compare/main...{self.HEAD} answered 404", str(raised.exception))


class CommandLineTest(unittest.TestCase):
    def run_cli(self, *args, env=None):
        out, err = io.StringIO(), io.StringIO()
        with mock.patch.dict(os.environ, env or {}, clear=False), redirect_stdout(out), redirect_stderr(err):
            code = post_pr_comment.main(list(args))
        return code, out.getvalue(), err.getvalue()

    def test_cli_posts_one_comment_for_the_commits_pull_request_and_updates_it_on_rerun(self):
        sha = "3f2c1e9a7b5d4c3b2a1f0e9d8c7b6a5f4e3d2c1b"
        args = ("--preview", f"primary={FIXTURES / 'preview-primary.json'}",
                "--preview", f"secondary={FIXTURES / 'preview-secondary-unchanged.json'}",
                "--plan-diff", str(FIXTURES / "plan-diff.md"), "--policy-summary", str(FIXTURES / "policy-summary.md"),
                "--repository", REPO, "--commit", sha)
        with FakeGitHub(REPO, TOKEN) as github:
            github.pulls_by_commit[sha] = [{"number": 21, "state": "open", "head": {"sha": sha}}]
            env = {"GITHUB_TOKEN": TOKEN, "GITHUB_API_URL": github.url}

            first = self.run_cli(*args, env=env)
            second = self.run_cli(*args, env=env)

            self.assertEqual(0, first[0], first[2])
            self.assertRegex(first[1], r"^created comment \d+ on pull request #21")
            self.assertRegex(second[1], r"^updated comment \d+ on pull request #21")
            self.assertEqual(1, len(github.comments[21]))
            self.assertIn("| primary | 1 | 1 | 1 | 1 | 0 | 84 |", github.comments[21][0]["body"])

    def test_cli_exits_1_when_a_preview_failed_after_posting_the_comment(self):
        with FakeGitHub(REPO, TOKEN) as github:
            code, out, err = self.run_cli(
                "--preview", f"secondary={FIXTURES / 'preview-failed.json'}", "--repository", REPO,
                "--pull-request", "5", env={"GITHUB_TOKEN": TOKEN, "GITHUB_API_URL": github.url})

            self.assertEqual(1, code)
            self.assertIn(":x: **secondary**: preview failed.", github.comments[5][0]["body"])

    def test_dry_run_prints_the_comment_without_a_token(self):
        code, out, _ = self.run_cli("--preview", f"primary={FIXTURES / 'preview-primary.json'}", "--dry-run",
                                    env={"GITHUB_TOKEN": ""})

        self.assertEqual(0, code)
        self.assertTrue(out.startswith(comment.MARKER))


if __name__ == "__main__":
    unittest.main()
