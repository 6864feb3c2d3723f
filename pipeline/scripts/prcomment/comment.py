"""Renders the one pull-request comment that covers both stacks."""
from __future__ import annotations

from dataclasses import dataclass

from .preview import COUNTED_OPS, StackPreview

# Hidden marker that identifies our comment among all the others on the pull request.
MARKER = "<!-- bookstore-pr-preview -->"
# GitHub rejects comment bodies over 65536 characters; each free-text section gets a share of that.
BODY_LIMIT = 65_000
SECTION_LIMIT = 20_000
MAX_LISTED_CHANGES = 100

_OP_SIGNS = {"create": "+", "update": "~", "replace": "+-", "delete": "-", "import": "=", "discard": "<"}


@dataclass(frozen=True)
class CommentInputs:
    previews: tuple[StackPreview, ...]
    plan_diff: str | None
    policy_summary: str | None
    commit: str | None = None
    build_url: str | None = None


def render(inputs: CommentInputs) -> str:
    lines = [MARKER, f"## Pulumi preview{_for_commit(inputs.commit)}", ""]
    lines += _summary_table(inputs.previews)
    for preview in inputs.previews:
        lines += [""] + _stack_section(preview)
    lines += ["", "### Offline plan diff", "", _section(inputs.plan_diff, "offline plan diff")]
    lines += ["", "### Policies and resilience budget", "", _section(inputs.policy_summary, "policy summary")]
    footer = "One comment per pull request, updated on every push"
    if inputs.build_url:
        footer += f" · [build log]({inputs.build_url})"
    lines += ["", f"<sub>{footer}.</sub>", ""]
    body = "\n".join(lines)
    if len(body) > BODY_LIMIT:
        body = body[:BODY_LIMIT] + "\n\n_(comment cut to GitHub's size limit; see the build log)_\n"
    return body


def _for_commit(commit: str | None) -> str:
    return f" for `{commit[:12]}`" if commit else ""


def _summary_table(previews: tuple[StackPreview, ...]) -> list[str]:
    header = "| stack | " + " | ".join(COUNTED_OPS) + " | other | unchanged |"
    rows = [header, "|---|" + "---:|" * (len(COUNTED_OPS) + 2)]
    for p in previews:
        if p.failure:
            rows.append(f"| {p.stack} | " + " | ".join(["?"] * (len(COUNTED_OPS) + 2)) + " |")
        else:
            cells = [str(p.counts.get(op, 0)) for op in COUNTED_OPS] + [str(p.other), str(p.unchanged)]
            rows.append(f"| {p.stack} | " + " | ".join(cells) + " |")
    return rows


def _stack_section(p: StackPreview) -> list[str]:
    if p.failure:
        lines = [f":x: **{p.stack}**: {p.failure}."]
        lines += [f"> {e}" for e in p.errors]
        return lines
    notes = [f":x: {e}" for e in p.errors] + [f":warning: {w}" for w in p.warnings]
    if not p.has_changes:
        return [f"**{p.stack}**: no changes."] + notes
    noun = "change" if p.change_count == 1 else "changes"
    lines = [f"<details><summary><b>{p.stack}</b>: {p.change_count} {noun}</summary>", "",
             "| | type | name | properties |", "|---|---|---|---|"]
    for change in p.changes[:MAX_LISTED_CHANGES]:
        props = [f"{x} (replace)" for x in change.replace_properties]
        props += [x for x in change.properties if x not in change.replace_properties]
        sign = _OP_SIGNS.get(change.op, change.op)
        lines.append(f"| `{sign}` {change.op} | `{change.type}` | {_cell(change.name)} | {_cell(', '.join(props))} |")
    if len(p.changes) > MAX_LISTED_CHANGES:
        lines.append(f"| | | _and {len(p.changes) - MAX_LISTED_CHANGES} more_ | |")
    lines += ["", "</details>"]
    return lines + ([""] + notes if notes else [])


def _section(markdown: str | None, what: str) -> str:
    if markdown is None or not markdown.strip():
        return f"_No {what} was produced; see the build log._"
    text = _nested(markdown.strip())
    if len(text) > SECTION_LIMIT:
        text = text[:SECTION_LIMIT] + f"\n\n_({what} cut; the full file is in the build artifacts)_"
    return text


def _nested(markdown: str, top: int = 4) -> str:
    """Shifts the headings of a file's Markdown so that its highest one sits below the comment's own sections."""
    levels = [len(line) - len(line.lstrip("#")) for line in markdown.splitlines() if line.startswith("#")]
    if not levels or min(levels) >= top:
        return markdown
    shift = top - min(levels)
    return "\n".join("#" * shift + line if line.startswith("#") else line for line in markdown.splitlines())


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")
