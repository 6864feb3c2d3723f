"""Renders the one pull-request comment: the untrusted stage's offline plan of both stacks, and once a maintainer
approved it, the real previews. Everything that came from the pull request (plan diff, policy summary, resource
names, diagnostics) is rendered as text: long sections inside a code fence it cannot close, short values as
HTML-escaped table cells, each cut to a size that keeps the comment under GitHub's limit."""
from __future__ import annotations

import html
import re
from dataclasses import dataclass

from .artifact import Text
from .preview import COUNTED_OPS, StackPreview

# Hidden marker that, together with the comment's author, identifies our comment among all the others.
MARKER = "<!-- bookstore-pr-preview -->"
# GitHub rejects comment bodies over 65536 characters; the shares below keep the worst case under BODY_LIMIT.
BODY_LIMIT = 65_000
DIFF_LIMIT = 15_000
POLICY_LIMIT = 8_000
CELL_LIMIT = 100
MAX_LISTED_CHANGES = 40

_OP_SIGNS = {"create": "+", "update": "~", "replace": "+-", "delete": "-", "import": "=", "discard": "<"}
# Characters that mean something to Markdown or HTML in a table cell.
_CELL_ESCAPES = {"|": "&#124;", "`": "&#96;", "*": "&#42;", "_": "&#95;", "[": "&#91;", "]": "&#93;",
                 "@": "&#64;", "\\": "&#92;", "#": "&#35;", "~": "&#126;", "!": "&#33;", ":": "&#58;"}


@dataclass(frozen=True)
class CommentInputs:
    manifest: dict
    plan_diff: Text | None
    policy_summary: Text | None
    previews: tuple[StackPreview, ...] | None = None  # None: the gated preview has not run (not approved yet)
    build_url: str | None = None


def render(inputs: CommentInputs) -> str:
    body = _render(inputs, list_changes=True)
    if len(body) > BODY_LIMIT:
        body = _render(inputs, list_changes=False)
    assert len(body) <= BODY_LIMIT, len(body)
    return body


def _render(inputs: CommentInputs, list_changes: bool) -> str:
    m = inputs.manifest
    lines = [MARKER, f"## Pull request plan{_for_commit(m.get('commit'))}", ""]
    lines += [f"Offline plan of {', '.join(m['stacks'])}: **{m['plan']}**; compared with `{m['base_kind']}` "
              f"{_short(m['base_commit'])} (its plan: {m['base_plan']})."]
    lines += ["", "### Preview against the real state", ""]
    if inputs.previews is None:
        lines += ["_Runs after a maintainer approves this commit in the pipeline "
                  "(pipeline/README.md, \"Before approving a preview\")._"]
    else:
        lines += _summary_table(inputs.previews)
        for preview in inputs.previews:
            lines += [""] + _stack_section(preview, list_changes)
    lines += ["", "### Offline plan diff", "", _fenced(inputs.plan_diff, DIFF_LIMIT, "plan diff")]
    lines += ["", "### Policies and resilience budget", "",
              _fenced(inputs.policy_summary, POLICY_LIMIT, "policy summary")]
    footer = "One comment per pull request, updated on every push; the plan's files are shown as text"
    if inputs.build_url and re.fullmatch(r"https://[A-Za-z0-9./?=&%#:_-]+", inputs.build_url):
        footer += f" · [build log]({inputs.build_url})"
    lines += ["", f"<sub>{footer}.</sub>", ""]
    return "\n".join(lines)


def _for_commit(commit: str | None) -> str:
    return f" for `{commit[:12]}`" if commit and re.fullmatch(r"[0-9a-f]{7,40}", commit) else ""


def _short(commit: str) -> str:
    return f"`{commit[:12]}`" if re.fullmatch(r"[0-9a-f]{7,40}", commit or "") else "(no commit)"


def _summary_table(previews: tuple[StackPreview, ...]) -> list[str]:
    header = "| stack | " + " | ".join(COUNTED_OPS) + " | other | unchanged |"
    rows = [header, "|---|" + "---:|" * (len(COUNTED_OPS) + 2)]
    for p in previews:
        if p.failure:
            rows.append(f"| {_cell(p.stack)} | " + " | ".join(["?"] * (len(COUNTED_OPS) + 2)) + " |")
        else:
            cells = [str(p.counts.get(op, 0)) for op in COUNTED_OPS] + [str(p.other), str(p.unchanged)]
            rows.append(f"| {_cell(p.stack)} | " + " | ".join(cells) + " |")
    return rows


def _stack_section(p: StackPreview, list_changes: bool) -> list[str]:
    stack = _cell(p.stack)
    if p.failure:
        return [f":x: **{stack}**: {_cell(p.failure)}."] + [f"> {_cell(e)}" for e in p.errors[:10]]
    notes = [f":x: {_cell(e)}" for e in p.errors[:10]] + [f":warning: {_cell(w)}" for w in p.warnings[:10]]
    if not p.has_changes:
        return [f"**{stack}**: no changes."] + notes
    noun = "change" if p.change_count == 1 else "changes"
    lines = [f"<details><summary><b>{stack}</b>: {p.change_count} {noun}</summary>", ""]
    if list_changes:
        lines += ["| | type | name | properties |", "|---|---|---|---|"]
        for change in p.changes[:MAX_LISTED_CHANGES]:
            props = [f"{x} (replace)" for x in change.replace_properties]
            props += [x for x in change.properties if x not in change.replace_properties]
            sign = _OP_SIGNS.get(change.op, "?")
            lines.append(f"| {html.escape(sign)} {_cell(change.op)} | {_cell(change.type)} | {_cell(change.name)} "
                         f"| {_cell(', '.join(props))} |")
        if len(p.changes) > MAX_LISTED_CHANGES:
            lines.append(f"| | | _and {len(p.changes) - MAX_LISTED_CHANGES} more_ | |")
    else:
        lines.append("_The list of changes is too long for one comment; see the build log._")
    lines += ["", "</details>"]
    return lines + ([""] + notes if notes else [])


def _fenced(text: Text | None, limit: int, what: str) -> str:
    """The file as text in a code fence longer than any backtick run inside it, so it cannot be closed early."""
    if text is None or not text.content.strip():
        return f"_No {what} was produced; see the build log._"
    content = text.content.strip("\n")
    cut = text.truncated or len(content) > limit
    content = content[:limit]
    longest = max((len(run) for run in re.findall(r"`+", content)), default=0)
    fence = "`" * max(3, longest + 1)
    note = f"\n\n_({what} cut to {limit:,} characters; the full file is in the build's artifact)_" if cut else ""
    return f"{fence}text\n{content}\n{fence}{note}"


def _cell(text: str) -> str:
    """A value from the pull request, safe inside a Markdown table cell: one line, escaped, cut."""
    flat = " ".join(str(text).split())
    if len(flat) > CELL_LIMIT:
        flat = flat[:CELL_LIMIT] + "…"
    escaped = html.escape(flat, quote=False)
    return "".join(_CELL_ESCAPES.get(c, c) for c in escaped)
