"""The policy verdict and resilience budget of each stack, read from the offline plan's Markdown (make plan writes
build/plan/<stack>.md with a "## Resilience budget" and a "## Policy" section)."""
from __future__ import annotations

from pathlib import Path

SECTIONS = ("Resilience budget", "Policy")


def sections(markdown: str) -> dict[str, str]:
    """The body of each level-2 section, by title."""
    found: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in markdown.splitlines():
        if line.startswith("## "):
            current = found.setdefault(line[3:].strip(), [])
        elif current is not None:
            current.append(line)
    return {title: "\n".join(body).strip() for title, body in found.items()}


def policy_summary(plan_dir: Path, stacks: list[str]) -> str:
    parts = []
    for stack in stacks:
        plan = plan_dir / f"{stack}.md"
        parts.append(f"#### {stack}")
        if not plan.is_file():
            parts.append(f"No offline plan: `make plan` stopped before writing {plan.name}.")
            continue
        found = sections(plan.read_text(encoding="utf-8"))
        for title in SECTIONS:
            parts.append(f"**{title}**\n\n{found.get(title) or '(missing from the plan)'}")
    return "\n\n".join(parts) + "\n"
