#!/usr/bin/env python3
"""Prints the policy verdict and resilience budget of each stack's offline plan, for the pull-request comment.

    policy_summary.py build/plan primary secondary > build/plan/policy-summary.md
"""
from __future__ import annotations

import sys
from pathlib import Path

from prcomment.plan import policy_summary

if __name__ == "__main__":
    if len(sys.argv) < 3:
        print(__doc__.strip(), file=sys.stderr)
        sys.exit(2)
    sys.stdout.write(policy_summary(Path(sys.argv[1]), sys.argv[2:]))
