#!/usr/bin/python3
"""A tiny stand-in for the Neutron API on 127.0.0.1:9696 (the only fake service in devcloud).

Why: nova needs a network endpoint even for servers booted with `networks: none` — rendering a
server (GET /servers/{id}, list, delete, the info-cache healer) calls GET /v2.0/ports?device_id=...
and similar; without a `network` endpoint those calls end in HTTP 500. Nothing devcloud serves uses
networking, so every GET of a collection answers an empty list, GET / the version document, and
everything else 404. No authentication is checked.

usage: neutron-stub.py [PORT]
"""
import json
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PORT = int(sys.argv[1]) if len(sys.argv) > 1 else 9696


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.0"

    def _send(self, code, body):
        data = json.dumps(body).encode()
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        path = self.path.split("?", 1)[0].rstrip("/")
        if path in ("", "/v2.0"):
            self._send(200, {"versions": [{"id": "v2.0", "status": "CURRENT", "links": [
                {"rel": "self", "href": "http://127.0.0.1:%d/v2.0/" % PORT}]}]})
            return
        parts = path.split("/")
        # /v2.0/<collection> (optionally with a .json suffix) → empty list
        if len(parts) == 3 and parts[1] == "v2.0":
            name = parts[2].removesuffix(".json").replace("-", "_")
            self._send(200, {name: []})
            return
        self._send(404, {"NeutronError": {"type": "NotFound", "message": "devcloud stub: %s" % path}})

    def do_POST(self):
        self._send(404, {"NeutronError": {"type": "NotFound", "message": "devcloud stub is read-only"}})

    do_PUT = do_DELETE = do_POST

    def log_message(self, fmt, *args):
        sys.stderr.write("neutron-stub: " + (fmt % args) + "\n")


if __name__ == "__main__":
    server = ThreadingHTTPServer(("127.0.0.1", PORT), Handler)
    server.daemon_threads = True
    server.serve_forever()
