#!/usr/bin/env python3
"""The trusted reporter of a pull request: reads the untrusted stage's artifact (and the gated preview's, once it
ran) as data and posts or updates the one comment it wrote itself.

    report_pr.py [--plan DIR] [--preview DIR] [--repository owner/name] [--commit SHA] [--pull-request N]
                 [--build-url URL] [--output comment.md] [--dry-run]

Defaults come from CodeBuild: --plan from CODEBUILD_SRC_DIR_PlanOutput, --preview from
CODEBUILD_SRC_DIR_PreviewOutput, --repository from GITHUB_REPOSITORY, --commit from COMMIT_ID, --build-url from
CODEBUILD_BUILD_URL. GITHUB_TOKEN may only write issue comments (pipeline/README.md, "One-time bootstrap");
GITHUB_COMMENT_AUTHOR names its login when GitHub's /user cannot (App installation tokens); GITHUB_API_URL defaults
to https://api.github.com. Python 3 standard library only. Exit status: 0 posted, 1 posted but a preview failed,
2 on a bad artifact, usage or GitHub error.
"""
from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path

from prcomment import artifact, comment, preview
from prcomment.github import GitHubError, PullRequestComments


def main(argv: list[str]) -> int:
    args = _parser().parse_args(argv)
    if not args.plan:
        print("--plan (or CODEBUILD_SRC_DIR_PlanOutput) is required", file=sys.stderr)
        return 2
    try:
        manifest = artifact.manifest(args.plan)
        plan_diff = artifact.read_text(args.plan, "plan-diff.md")
        policy_summary = artifact.read_text(args.plan, "policy-summary.md")
        previews = None
        if args.preview:
            previews = tuple(_preview(args.preview, stack) for stack in manifest["stacks"])
    except artifact.ArtifactError as e:
        print(f"refusing the pull request's artifact: {e}", file=sys.stderr)
        return 2
    commit = args.commit or ""
    if not re.fullmatch(r"[0-9a-f]{7,40}", commit):
        print(f"--commit must be a commit id, got {commit!r}", file=sys.stderr)
        return 2
    manifest = {**manifest, "commit": commit}  # what the pipeline says was planned, not what the artifact claims
    body = comment.render(comment.CommentInputs(manifest=manifest, plan_diff=plan_diff,
                                                policy_summary=policy_summary, previews=previews,
                                                build_url=args.build_url))
    if args.output:
        Path(args.output).write_text(body, encoding="utf-8")
    if args.dry_run:
        print(body)
    else:
        token = os.environ.get("GITHUB_TOKEN", "")
        if not token or not args.repository:
            print("GITHUB_TOKEN and --repository are required to post (or use --dry-run)", file=sys.stderr)
            return 2
        github = PullRequestComments(os.environ.get("GITHUB_API_URL", "https://api.github.com"), args.repository, token)
        try:
            author = os.environ.get("GITHUB_COMMENT_AUTHOR") or github.login()
            number = args.pull_request or github.pull_request_for_commit(commit)
            result = github.upsert(number, body, comment.MARKER, author)
        except GitHubError as e:
            print(f"could not post the comment: {e}", file=sys.stderr)
            return 2
        print(f"{result.action} comment {result.comment_id} on pull request #{number} {result.url}".rstrip())
    return 1 if previews and any(p.failure for p in previews) else 0


def _preview(directory: Path, stack: str) -> preview.StackPreview:
    text = artifact.read_text(directory, f"{stack}.json", artifact.MAX_PREVIEW_BYTES)
    if text is not None and text.truncated:
        # A cut JSON document cannot be read; the preview shows as failed rather than partly read.
        return preview.StackPreview(stack=stack, failure=f"preview output over {artifact.MAX_PREVIEW_BYTES:,} bytes")
    return preview.parse(stack, text.content if text else None)


def _parser() -> argparse.ArgumentParser:
    env = os.environ.get
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--plan", type=Path, default=_path(env("CODEBUILD_SRC_DIR_PlanOutput")),
                   help="the untrusted stage's artifact directory (manifest.json, plan-diff.md, policy-summary.md)")
    p.add_argument("--preview", type=Path, default=_path(env("CODEBUILD_SRC_DIR_PreviewOutput")),
                   help="the gated preview's artifact directory (<stack>.json); absent before approval")
    p.add_argument("--repository", default=env("GITHUB_REPOSITORY"), help="owner/name on GitHub")
    p.add_argument("--pull-request", type=int, help="pull request number; else found from --commit")
    p.add_argument("--commit", default=env("COMMIT_ID"), help="the commit planned")
    p.add_argument("--build-url", default=env("CODEBUILD_BUILD_URL"), help="link to the build log")
    p.add_argument("--output", help="also write the rendered comment to this file")
    p.add_argument("--dry-run", action="store_true", help="print the comment instead of posting it")
    return p


def _path(value: str | None) -> Path | None:
    return Path(value) if value else None


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
