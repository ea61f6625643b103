"""A small Language Server Protocol client (stdio JSON-RPC) that drives yaml-language-server
the way VS Code does: initialize, configuration, didOpen, then diagnostics, completion and
hover.  Used by tests/content/test_editor_lsp.py; found or installed by :func:`find_server`.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import threading
import time
from pathlib import Path
from queue import Empty, Queue
from typing import Any

VERSION = "1"  # yaml-language-server 1.x
# Where .ci/run installs it (npm), shared by every checkout of the project on this machine.
CACHE = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / \
    "hashtag-diplomacy" / "yaml-language-server"
BIN = CACHE / "node_modules" / "yaml-language-server" / "bin" / "yaml-language-server"
WAIT = 60.0  # seconds for one answer: generous, a loaded machine is slow to start node
QUIET = 0.5  # seconds without a new diagnostic: the server has finished its burst


def find_server() -> tuple[Path | None, str]:
    """The server's start script, installing it into the cache with npm when node is
    there but the server is not; (None, why) when it cannot be had."""
    if shutil.which("node") is None:
        return None, "node is not installed: the editor test needs Node.js"
    configured = os.environ.get("HD_YAML_LANGUAGE_SERVER")
    if configured:
        return Path(configured), ""
    if BIN.is_file():
        return BIN, ""
    npm = shutil.which("npm")
    if npm is None:
        return None, "node is installed but npm is not: cannot install yaml-language-server"
    CACHE.mkdir(parents=True, exist_ok=True)
    done = subprocess.run([npm, "install", "--no-audit", "--no-fund", "--prefix", str(CACHE),
                           f"yaml-language-server@{VERSION}"], capture_output=True, text=True,
                          timeout=600, check=False)
    if done.returncode != 0 or not BIN.is_file():
        return None, f"npm could not install yaml-language-server: {done.stderr[-500:]}"
    return BIN, ""


class Server:
    """One yaml-language-server process and the messages it sends back."""

    def __init__(self, script: Path, settings: dict[str, Any]) -> None:
        self.settings = settings
        self.process = subprocess.Popen(["node", str(script), "--stdio"], stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        self.next_id = 0
        self.answers: dict[int, Queue[Any]] = {}
        self.diagnostics: dict[str, Queue[list[dict[str, Any]]]] = {}
        self.lock = threading.Lock()
        threading.Thread(target=self._read, daemon=True).start()

    # -- wire ------------------------------------------------------------------------

    def _send(self, message: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        assert self.process.stdin is not None
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def _read(self) -> None:
        out = self.process.stdout
        assert out is not None
        while True:
            length = 0
            while (line := out.readline()) not in (b"\r\n", b""):
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
            if not line:
                return
            self._dispatch(json.loads(out.read(length)))

    def _dispatch(self, message: dict[str, Any]) -> None:
        method = message.get("method")
        if method is None:
            self._queue(self.answers, message.get("id")).put(message)
        elif "id" in message:  # the server asks us something: answer as VS Code would
            result: Any = None
            if method == "workspace/configuration":
                result = [self.settings.get(item.get("section"))
                          for item in message["params"]["items"]]
            self._send({"id": message["id"], "result": result})
        elif method == "textDocument/publishDiagnostics":
            params = message["params"]
            self._queue(self.diagnostics, params["uri"]).put(params["diagnostics"])

    def _queue(self, table: dict[Any, Queue[Any]], key: Any) -> Queue[Any]:
        with self.lock:
            return table.setdefault(key, Queue())

    # -- requests --------------------------------------------------------------------

    def request(self, method: str, params: dict[str, Any]) -> Any:
        self.next_id += 1
        ident = self.next_id
        self._send({"id": ident, "method": method, "params": params})
        answer = self._queue(self.answers, ident).get(timeout=WAIT)
        assert "error" not in answer, answer
        return answer.get("result")

    def notify(self, method: str, params: dict[str, Any]) -> None:
        self._send({"method": method, "params": params})

    def start(self, root: Path) -> None:
        self.request("initialize", {
            "processId": os.getpid(), "rootUri": root.as_uri(),
            "capabilities": {"workspace": {"configuration": True},
                             "textDocument": {"completion": {"completionItem": {
                                 "snippetSupport": True, "documentationFormat": ["markdown"]}},
                                 "hover": {"contentFormat": ["markdown", "plaintext"]}}}})
        self.notify("initialized", {})
        self.notify("workspace/didChangeConfiguration", {"settings": self.settings})

    def open(self, path: Path, text: str | None = None) -> str:
        uri = path.as_uri()
        content = path.read_text("utf-8") if text is None else text
        self.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": "yaml", "version": 1, "text": content}})
        return uri

    def diagnostics_of(self, uri: str) -> list[dict[str, Any]]:
        """The diagnostics published for *uri* after it was opened (the last of a burst)."""
        return self.diagnostics_of_all([uri])[uri]

    def diagnostics_of_all(self, uris: list[str]) -> dict[str, list[dict[str, Any]]]:
        """The last diagnostics published for each of *uris*: once each has some, until
        none came for QUIET seconds (files opened together wait for one quiet spell)."""
        queues = {uri: self._queue(self.diagnostics, uri) for uri in uris}
        found = {uri: queue.get(timeout=WAIT) for uri, queue in queues.items()}
        fresh = True
        while fresh:
            time.sleep(QUIET)
            fresh = False
            for uri, queue in queues.items():
                while not queue.empty():
                    found[uri] = queue.get_nowait()
                    fresh = True
        return found

    def close(self) -> None:
        try:
            self.request("shutdown", {})
            self.notify("exit", {})
            self.process.wait(timeout=10)
        except (Empty, OSError, subprocess.TimeoutExpired):
            self.process.kill()
