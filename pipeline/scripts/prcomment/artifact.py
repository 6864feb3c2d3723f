"""Reads an untrusted stage's output artifact as data: regular files directly inside its directory, at most a
fixed number of bytes each, decoded leniently. Nothing read here is ever executed, imported or used as a path.

A symlink is refused: the artifact is unpacked from a zip the pull request's code wrote, and a link to, say,
/proc/self/environ would otherwise put the reporter's own token into a public comment."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

# Far more than any real plan diff; the comment shows a fraction of it anyway.
MAX_FILE_BYTES = 1_000_000
# `pulumi preview --json` carries every changed resource's old and new state: a few MB for the two stacks.
MAX_PREVIEW_BYTES = 32_000_000
STACK_NAME = re.compile(r"[a-z][a-z0-9-]{0,31}")


class ArtifactError(ValueError):
    pass


@dataclass(frozen=True)
class Text:
    content: str
    truncated: bool


def read_text(directory: Path, name: str, limit: int = MAX_FILE_BYTES) -> Text | None:
    """The file `name` of the artifact, or None when it is absent. Links and non-regular files are refused."""
    if "/" in name or name.startswith("."):
        raise ArtifactError(f"not a file name: {name!r}")
    path = directory / name
    if path.is_symlink():
        raise ArtifactError(f"{name} is a symbolic link; the artifact's files must be regular files")
    if not path.exists():
        return None
    if not path.is_file():
        raise ArtifactError(f"{name} is not a regular file")
    with path.open("rb") as f:
        data = f.read(limit + 1)
    return Text(data[:limit].decode("utf-8", "replace"), len(data) > limit)


def manifest(directory: Path) -> dict:
    """The untrusted stage's manifest.json, reduced to the fields the comment uses, each type-checked."""
    text = read_text(directory, "manifest.json", 64_000)
    if text is None or text.truncated:
        raise ArtifactError("manifest.json is missing or too large")
    try:
        raw = json.loads(text.content)
    except json.JSONDecodeError as e:
        raise ArtifactError(f"manifest.json is not JSON ({e.msg})") from e
    if not isinstance(raw, dict):
        raise ArtifactError("manifest.json is not an object")
    stacks = raw.get("stacks")
    if not isinstance(stacks, list) or not stacks or not all(isinstance(s, str) and STACK_NAME.fullmatch(s)
                                                              for s in stacks):
        raise ArtifactError("manifest.json names no valid stacks")
    base = raw.get("base") if isinstance(raw.get("base"), dict) else {}
    return {
        "stacks": stacks[:8],
        "commit": _word(raw.get("commit")),
        "plan": _word(raw.get("plan")),
        "base_kind": _word(base.get("kind")),
        "base_commit": _word(base.get("commit")),
        "base_plan": _word(base.get("plan")),
    }


def _word(value) -> str:
    """A short token (status, commit id): anything else becomes "?"."""
    return value if isinstance(value, str) and re.fullmatch(r"[A-Za-z0-9._-]{1,64}", value) else "?"
