"""Plays the slice of GitHub's REST API the comment script uses, on 127.0.0.1 and a free port."""
from __future__ import annotations

import io
import json
import re
import tarfile
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit


class FakeGitHub:
    def __init__(self, repository: str, token: str):
        self.repository = repository
        self.token = token
        self.comments: dict[int, list[dict]] = {}
        self.pulls_by_commit: dict[str, list[dict]] = {}
        self.merge_bases: dict[tuple[str, str], str] = {}  # (base branch, head sha) -> merge base sha
        self.tarballs: dict[str, bytes] = {}  # sha -> .tar.gz, as GitHub serves /tarball/{sha}
        self.requests: list[tuple[str, str]] = []
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
        repo = re.escape(self.repository)
        if m := re.fullmatch(rf"/repos/{repo}/issues/(\d+)/comments", parts.path):
            pull = int(m.group(1))
            if method == "GET":
                query = parse_qs(parts.query)
                per_page, page = int(query.get("per_page", ["30"])[0]), int(query.get("page", ["1"])[0])
                listed = self.comments.get(pull, [])
                return self._send(request, 200, listed[(page - 1) * per_page: page * per_page])
            if method == "POST":
                comment_id = self.add_comment(pull, payload["body"], user="bookstore-bot")
                return self._send(request, 201, self._comment(comment_id))
        if (m := re.fullmatch(rf"/repos/{repo}/issues/comments/(\d+)", parts.path)) and method == "PATCH":
            comment = self._comment(int(m.group(1)))
            if comment is None:
                return self._send(request, 404, {"message": "Not Found"})
            comment["body"] = payload["body"]
            return self._send(request, 200, comment)
        if (m := re.fullmatch(rf"/repos/{repo}/commits/([0-9a-f]+)/pulls", parts.path)) and method == "GET":
            return self._send(request, 200, self.pulls_by_commit.get(m.group(1), []))
        if (m := re.fullmatch(rf"/repos/{repo}/compare/([\w./-]+)\.\.\.([0-9a-f]+)", parts.path)) and method == "GET":
            base = self.merge_bases.get((m.group(1), m.group(2)))
            if base is None:
                return self._send(request, 404, {"message": "Not Found"})
            return self._send(request, 200, {"status": "ahead", "merge_base_commit": {"sha": base}})
        if (m := re.fullmatch(rf"/repos/{repo}/tarball/([0-9a-f]+)", parts.path)) and method == "GET":
            if m.group(1) not in self.tarballs:
                return self._send(request, 404, {"message": "Not Found"})
            return self._send_bytes(request, 200, self.tarballs[m.group(1)], "application/x-gzip")
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


def tarball(top: str, files: dict[str, str]) -> bytes:
    """A .tar.gz shaped like GitHub's: every path under one top-level folder."""
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        for path, text in files.items():
            data = text.encode("utf-8")
            info = tarfile.TarInfo(f"{top}/{path}" if top else path)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return buffer.getvalue()
