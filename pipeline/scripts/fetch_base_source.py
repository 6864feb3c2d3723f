#!/usr/bin/env python3
"""Unpacks the source a pull request is compared with (the merge base of its head and the target branch) so that
its offline plan can be computed; prints the merge base's SHA.

    fetch_base_source.py --repository owner/name --base-branch main --commit HEAD_SHA --dest build/plan-base/source

GITHUB_TOKEN (contents: read) comes from the environment; GITHUB_API_URL defaults to https://api.github.com.
Exit status 0 when the source is unpacked, 2 on usage or GitHub errors.
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from prcomment.github import GitHubError, RepositorySource


def main(argv: list[str]) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--repository", required=True)
    p.add_argument("--base-branch", required=True)
    p.add_argument("--commit", required=True, help="the pull request's head commit")
    p.add_argument("--dest", required=True, type=Path)
    args = p.parse_args(argv)
    token = os.environ.get("GITHUB_TOKEN", "")
    if not token:
        print("GITHUB_TOKEN is required", file=sys.stderr)
        return 2
    source = RepositorySource(os.environ.get("GITHUB_API_URL", "https://api.github.com"), args.repository, token,
                              timeout=60.0)
    try:
        sha = source.merge_base(args.base_branch, args.commit)
        source.extract(sha, args.dest)
    except GitHubError as e:
        print(f"could not fetch the base of the comparison: {e}", file=sys.stderr)
        return 2
    print(sha)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
