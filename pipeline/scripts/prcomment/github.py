"""GitHub's REST API as the reporter needs it (urllib, no client library): the pull request of a commit, and the
one comment the reporter itself wrote on it, found by its marker and its author."""
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


class PullRequestComments(GitHubApi):

    def pull_request_for_commit(self, sha: str) -> int:
        """The open pull request whose head is this commit (CodePipeline's source variables carry no PR number)."""
        pulls = self._request("GET", f"/repos/{self._repo}/commits/{sha}/pulls")
        open_pulls = [p for p in pulls if p.get("state") == "open"]
        heads = [p for p in open_pulls if (p.get("head") or {}).get("sha") == sha] or open_pulls
        if not heads:
            raise GitHubError(f"no open pull request has commit {sha} in {self._repo}")
        return int(heads[0]["number"])

    def login(self) -> str:
        """Who this token writes as (a personal token's user; an App installation token has no /user, so
        GITHUB_COMMENT_AUTHOR names its bot, `<app-slug>[bot]`)."""
        user = self._request("GET", "/user")
        login = (user or {}).get("login")
        if not login:
            raise GitHubError("GitHub did not say who the token belongs to (set GITHUB_COMMENT_AUTHOR)")
        return str(login)

    def upsert(self, pull_request: int, body: str, marker: str, author: str) -> Upserted:
        """Updates the comment `author` wrote with the marker, or creates one. Anyone can paste the marker into a
        comment of their own; such a comment is never updated, so it never receives the report."""
        existing = self._find_marked(pull_request, marker, author)
        if existing is not None:
            updated = self._request("PATCH", f"/repos/{self._repo}/issues/comments/{existing}", {"body": body})
            return Upserted("updated", int(updated["id"]), updated.get("html_url", ""))
        created = self._request("POST", f"/repos/{self._repo}/issues/{pull_request}/comments", {"body": body})
        return Upserted("created", int(created["id"]), created.get("html_url", ""))

    def _find_marked(self, pull_request: int, marker: str, author: str) -> int | None:
        page = 1
        while True:
            comments = self._request(
                "GET", f"/repos/{self._repo}/issues/{pull_request}/comments?per_page={PAGE_SIZE}&page={page}")
            for comment in comments:
                if ((comment.get("user") or {}).get("login") == author
                        and (comment.get("body") or "").startswith(marker)):
                    return int(comment["id"])
            if len(comments) < PAGE_SIZE:
                return None
            page += 1
