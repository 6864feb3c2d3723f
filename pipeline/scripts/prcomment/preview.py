"""What one stack's `pulumi preview --json` says will change.

The CLI prints one PreviewDigest: `steps[]` (each with `op`, `urn`, optional `diffReasons`, `replaceReasons`,
`detailedDiff`, `oldState`/`newState` carrying `type`), `changeSummary` (operation -> count), `diagnostics[]`
(`severity`, `message`, optional `urn`) and `duration` in nanoseconds.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field

# Operations that change nothing, or are the two halves of a `replace` the digest already lists once.
_QUIET_OPS = {"same", "read", "refresh", "create-replacement", "delete-replaced", "discard-replaced",
              "read-replacement", "import-replacement", "remove-pending-replace"}
# Column order of the summary table; anything else the CLI reports is summed into "other".
COUNTED_OPS = ("create", "update", "replace", "delete")


@dataclass(frozen=True)
class ResourceChange:
    op: str
    type: str
    name: str
    properties: tuple[str, ...]
    replace_properties: tuple[str, ...]


@dataclass(frozen=True)
class StackPreview:
    stack: str
    counts: dict[str, int] = field(default_factory=dict)
    changes: tuple[ResourceChange, ...] = ()
    errors: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    failure: str | None = None

    @property
    def unchanged(self) -> int:
        return self.counts.get("same", 0)

    @property
    def other(self) -> int:
        return sum(n for op, n in self.counts.items() if op not in COUNTED_OPS and op != "same")

    @property
    def change_count(self) -> int:
        return sum(n for op, n in self.counts.items() if op != "same")

    @property
    def has_changes(self) -> bool:
        return self.change_count > 0 or bool(self.changes)


def split_urn(urn: str) -> tuple[str, str]:
    """(type, name) of `urn:pulumi:<stack>::<project>::<parent$type>::<name>`; names may themselves hold `::`."""
    parts = urn.split("::", 3)
    if len(parts) < 4:
        return ("?", urn)
    return (parts[2].rsplit("$", 1)[-1], parts[3])


def parse_digest(stack: str, digest: dict) -> StackPreview:
    changes = []
    for step in digest.get("steps") or []:
        op = step.get("op", "?")
        if op in _QUIET_OPS:
            continue
        urn_type, name = split_urn(step.get("urn", ""))
        state = step.get("newState") or step.get("oldState") or {}
        replace = tuple(step.get("replaceReasons") or ())
        diff = tuple(step.get("diffReasons") or ()) or tuple(sorted((step.get("detailedDiff") or {}).keys()))
        changes.append(ResourceChange(op, state.get("type") or urn_type, name, diff, replace))
    diagnostics = digest.get("diagnostics") or []
    return StackPreview(
        stack=stack,
        counts={op: int(n) for op, n in (digest.get("changeSummary") or {}).items()},
        changes=tuple(changes),
        errors=tuple(_message(d) for d in diagnostics if d.get("severity") == "error"),
        warnings=tuple(_message(d) for d in diagnostics if d.get("severity") == "warning"),
    )


def parse(stack: str, text: str | None) -> StackPreview:
    """A preview that could not be produced or read is shown as failed, never silently as "no changes"."""
    if not text or not text.strip():
        return StackPreview(stack=stack, failure="no preview output")
    try:
        digest = json.loads(text)
    except json.JSONDecodeError as e:
        return StackPreview(stack=stack, failure=f"preview output is not JSON ({e.msg} at line {e.lineno})")
    if not isinstance(digest, dict):
        return StackPreview(stack=stack, failure="preview output is not a JSON object")
    try:
        preview = parse_digest(stack, digest)
    except (AttributeError, TypeError, ValueError):
        return StackPreview(stack=stack, failure="preview output is not shaped like `pulumi preview --json`")
    if preview.errors and not digest.get("changeSummary"):
        return StackPreview(stack=stack, errors=preview.errors, failure="preview failed")
    return preview


def _message(diagnostic: dict) -> str:
    return " ".join(str(diagnostic.get("message") or "").split())
