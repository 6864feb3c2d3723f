"""Posts or updates the one marked comment on a pull request through GitHub's REST API (urllib, no client library)."""
from __future__ import annotations

import json
import urllib.error
import urllib.request
from dataclasses import dataclass

API_VERSION = "2022-11-28"
PAGE_SIZE = 100


class GitHubError(RuntimeError):
    pass


@dataclass(frozen=True)
class Upserted:
    action: str  # "created" or "updated"
    comment_id: int
    url: str


class PullRequestComments:
    def __init__(self, api_url: str, repository: str, token: str, timeout: float = 15.0):
        self._api = api_url.rstrip("/")
        self._repo = repository
        self._token = token
        self._timeout = timeout

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

    def _request(self, method: str, path: str, payload: dict | None = None):
        data = None if payload is None else json.dumps(payload).encode("utf-8")
        request = urllib.request.Request(self._api + path, data=data, method=method, headers={
            "Accept": "application/vnd.github+json",
            "Authorization": f"Bearer {self._token}",
            "X-GitHub-Api-Version": API_VERSION,
            "User-Agent": "bookstore-pipeline-pr-comment",
            **({"Content-Type": "application/json"} if data is not None else {}),
        })
        try:
            with urllib.request.urlopen(request, timeout=self._timeout) as response:
                return json.loads(response.read().decode("utf-8") or "null")
        except urllib.error.HTTPError as e:
            detail = e.read().decode("utf-8", "replace")[:500]
            raise GitHubError(f"{method} {path} answered {e.code}: {detail}") from e
        except urllib.error.URLError as e:
            raise GitHubError(f"{method} {path} failed: {e.reason}") from e
