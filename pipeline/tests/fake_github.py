"""Plays the slice of GitHub's REST API the reporter uses, on 127.0.0.1 and a free port, recording every request:
who the token is (/user), the pull requests of a commit, a pull request's comments (listed by page, created as
the token's user, updated only by their author, as GitHub allows a comment's author or a maintainer)."""
from __future__ import annotations

import json
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit


class FakeGitHub:
    def __init__(self, repository: str, token: str, login: str = "bookstore-bot"):
        self.repository = repository
        self.token = token
        self.login = login
        self.comments: dict[int, list[dict]] = {}
        self.pulls_by_commit: dict[str, list[dict]] = {}
        self.requests: list[tuple[str, str]] = []
        self.bodies: list[dict] = []  # the JSON payload of every POST and PATCH
        self._next_id = 1000
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                fake._handle(self, "GET")

            def do_POST(self):
                fake._handle(self, "POST")

            def do_PATCH(self):
                fake._handle(self, "PATCH")

            def log_message(self, *args):
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._server.shutdown()
        self._server.server_close()

    def add_comment(self, pull: int, body: str, user: str = "someone") -> int:
        self._next_id += 1
        self.comments.setdefault(pull, []).append({"id": self._next_id, "body": body, "user": {"login": user},
                                                   "html_url": f"https://github.test/c/{self._next_id}"})
        return self._next_id

    def _handle(self, request: BaseHTTPRequestHandler, method: str) -> None:
        parts = urlsplit(request.path)
        self.requests.append((method, request.path))
        if request.headers.get("Authorization") != f"Bearer {self.token}":
            return self._send(request, 401, {"message": "Bad credentials"})
        length = int(request.headers.get("Content-Length") or 0)
        payload = json.loads(request.rfile.read(length)) if length else None
        if payload is not None:
            self.bodies.append(payload)
        repo = re.escape(self.repository)
        if parts.path == "/user" and method == "GET":
            return self._send(request, 200, {"login": self.login, "type": "User"})
        if m := re.fullmatch(rf"/repos/{repo}/issues/(\d+)/comments", parts.path):
            pull = int(m.group(1))
            if method == "GET":
                query = parse_qs(parts.query)
                per_page, page = int(query.get("per_page", ["30"])[0]), int(query.get("page", ["1"])[0])
                listed = self.comments.get(pull, [])
                return self._send(request, 200, listed[(page - 1) * per_page: page * per_page])
            if method == "POST":
                comment_id = self.add_comment(pull, payload["body"], user=self.login)
                return self._send(request, 201, self._comment(comment_id))
        if (m := re.fullmatch(rf"/repos/{repo}/issues/comments/(\d+)", parts.path)) and method == "PATCH":
            comment = self._comment(int(m.group(1)))
            if comment is None:
                return self._send(request, 404, {"message": "Not Found"})
            if comment["user"]["login"] != self.login:
                return self._send(request, 403, {"message": "Must have admin rights to Repository."})
            comment["body"] = payload["body"]
            return self._send(request, 200, comment)
        if (m := re.fullmatch(rf"/repos/{repo}/commits/([0-9a-f]+)/pulls", parts.path)) and method == "GET":
            return self._send(request, 200, self.pulls_by_commit.get(m.group(1), []))
        return self._send(request, 404, {"message": "Not Found"})

    def _comment(self, comment_id: int) -> dict | None:
        for comments in self.comments.values():
            for comment in comments:
                if comment["id"] == comment_id:
                    return comment
        return None

    @staticmethod
    def _send(request: BaseHTTPRequestHandler, status: int, body) -> None:
        FakeGitHub._send_bytes(request, status, json.dumps(body).encode("utf-8"), "application/json")

    @staticmethod
    def _send_bytes(request: BaseHTTPRequestHandler, status: int, data: bytes, content_type: str) -> None:
        request.send_response(status)
        request.send_header("Content-Type", content_type)
        request.send_header("Content-Length", str(len(data)))
        request.end_headers()
        request.wfile.write(data)

