"""GitHub's REST API as the preview needs it (urllib, no client library): the one marked comment on a pull
request, and the source of the commit a pull request is compared with."""
from __future__ import annotations

import io
import json
import tarfile
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

API_VERSION = "2022-11-28"
PAGE_SIZE = 100


class GitHubError(RuntimeError):
    pass


@dataclass(frozen=True)
class Upserted:
    action: str  # "created" or "updated"
    comment_id: int
    url: str


class GitHubApi:
    """Authenticated calls to one repository's REST API; errors become GitHubError with GitHub's message."""

    def __init__(self, api_url: str, repository: str, token: str, timeout: float = 15.0):
        self._api = api_url.rstrip("/")
        self._repo = repository
        self._token = token
        self._timeout = timeout

    def _request(self, method: str, path: str, payload: dict | None = None):
        data = None if payload is None else json.dumps(payload).encode("utf-8")
        body = self._call(method, path, data, "application/vnd.github+json")
        return json.loads(body.decode("utf-8") or "null")

    def _call(self, method: str, path: str, data: bytes | None, accept: str) -> bytes:
        request = urllib.request.Request(self._api + path, data=data, method=method, headers={
            "Accept": accept,
            "Authorization": f"Bearer {self._token}",
            "X-GitHub-Api-Version": API_VERSION,
            "User-Agent": "bookstore-pipeline-pr-comment",
            **({"Content-Type": "application/json"} if data is not None else {}),
        })
        try:
            with urllib.request.urlopen(request, timeout=self._timeout) as response:
                return response.read()
        except urllib.error.HTTPError as e:
            detail = e.read().decode("utf-8", "replace")[:500]
            raise GitHubError(f"{method} {path} answered {e.code}: {detail}") from e
        except urllib.error.URLError as e:
            raise GitHubError(f"{method} {path} failed: {e.reason}") from e


class RepositorySource(GitHubApi):
    """The tree a pull request is compared with: the merge base of its branch and the target branch."""

    def merge_base(self, base_branch: str, head_sha: str) -> str:
        compared = self._request("GET", f"/repos/{self._repo}/compare/{base_branch}...{head_sha}")
        sha = ((compared or {}).get("merge_base_commit") or {}).get("sha")
        if not sha:
            raise GitHubError(f"GitHub named no merge base of {base_branch} and {head_sha}")
        return sha

    def extract(self, sha: str, destination: Path) -> None:
        """Unpacks the commit's tarball into destination, without GitHub's top-level `<repo>-<sha>/` folder."""
        data = self._call("GET", f"/repos/{self._repo}/tarball/{sha}", None, "application/vnd.github+json")
        destination.mkdir(parents=True, exist_ok=True)
        try:
            with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as archive:
                members = []
                for member in archive.getmembers():
                    _, _, inner = member.name.partition("/")
                    if inner:
                        member.name = inner
                        members.append(member)
                # The "data" filter refuses absolute paths, paths and links out of the tree, and device files.
                archive.extractall(destination, members=members, filter="data")
        except tarfile.TarError as e:
            raise GitHubError(f"the tarball of {sha} cannot be unpacked safely: {e}") from e


class PullRequestComments(GitHubApi):

    def pull_request_for_commit(self, sha: str) -> int:
        """The open pull request whose head is this commit (CodePipeline's source variables carry no PR number)."""
        pulls = self._request("GET", f"/repos/{self._repo}/commits/{sha}/pulls")
        open_pulls = [p for p in pulls if p.get("state") == "open"]
        heads = [p for p in open_pulls if (p.get("head") or {}).get("sha") == sha] or open_pulls
        if not heads:
            raise GitHubError(f"no open pull request has commit {sha} in {self._repo}")
        return int(heads[0]["number"])

    def upsert(self, pull_request: int, body: str, marker: str) -> Upserted:
        existing = self._find_marked(pull_request, marker)
        if existing is not None:
            updated = self._request("PATCH", f"/repos/{self._repo}/issues/comments/{existing}", {"body": body})
            return Upserted("updated", int(updated["id"]), updated.get("html_url", ""))
        created = self._request("POST", f"/repos/{self._repo}/issues/{pull_request}/comments", {"body": body})
        return Upserted("created", int(created["id"]), created.get("html_url", ""))

    def _find_marked(self, pull_request: int, marker: str) -> int | None:
        page = 1
        while True:
            comments = self._request(
                "GET", f"/repos/{self._repo}/issues/{pull_request}/comments?per_page={PAGE_SIZE}&page={page}")
            for comment in comments:
                if marker in (comment.get("body") or ""):
                    return int(comment["id"])
            if len(comments) < PAGE_SIZE:
                return None
            page += 1
