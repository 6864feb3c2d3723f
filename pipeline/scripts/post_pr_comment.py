#!/usr/bin/env python3
"""Posts (or updates) the one pull-request comment covering both stacks' previews.

    post_pr_comment.py --preview primary=build/preview/primary.json --preview secondary=build/preview/secondary.json \
        --plan-diff build/plan/plan-diff.md --policy-summary build/plan/policy-summary.md \
        --repository owner/name (--pull-request N | --commit SHA) [--output comment.md] [--dry-run]

GITHUB_TOKEN comes from the environment (the CodeBuild project maps it from Secrets Manager); GITHUB_API_URL
defaults to https://api.github.com. Python 3 standard library only: it runs on the stock CodeBuild image.
Exit status: 0 when the comment is posted and every preview succeeded, 1 when a preview failed (the comment
still says so), 2 on usage or GitHub errors.
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from prcomment import comment, preview
from prcomment.github import GitHubError, PullRequestComments


def main(argv: list[str]) -> int:
    args = _parser().parse_args(argv)
    previews = []
    for spec in args.preview:
        stack, sep, path = spec.partition("=")
        if not sep or not stack or not path:
            print(f"--preview expects STACK=FILE, got {spec!r}", file=sys.stderr)
            return 2
        previews.append(preview.load(stack, Path(path)))
    body = comment.render(comment.CommentInputs(
        previews=tuple(previews),
        plan_diff=_read_optional(args.plan_diff),
        policy_summary=_read_optional(args.policy_summary),
        commit=args.commit,
        build_url=args.build_url,
    ))
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
            number = args.pull_request or github.pull_request_for_commit(args.commit or "")
            result = github.upsert(number, body, comment.MARKER)
        except GitHubError as e:
            print(f"could not post the preview comment: {e}", file=sys.stderr)
            return 2
        print(f"{result.action} comment {result.comment_id} on pull request #{number} {result.url}".rstrip())
    return 1 if any(p.failure for p in previews) else 0


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--preview", action="append", required=True, metavar="STACK=FILE",
                   help="a stack's `pulumi preview --json` output; repeat per stack, in display order")
    p.add_argument("--plan-diff", type=Path, help="Markdown of the offline plan diff (make plan-diff)")
    p.add_argument("--policy-summary", type=Path, help="Markdown of the policy results and resilience budget")
    p.add_argument("--repository", help="owner/name on GitHub")
    p.add_argument("--pull-request", type=int, help="pull request number; else found from --commit")
    p.add_argument("--commit", help="the commit previewed")
    p.add_argument("--build-url", help="link to the build log")
    p.add_argument("--output", help="also write the rendered comment to this file")
    p.add_argument("--dry-run", action="store_true", help="print the comment instead of posting it")
    return p


def _read_optional(path: Path | None) -> str | None:
    if path is None or not path.is_file():
        return None
    return path.read_text(encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
