#!/usr/bin/python3
"""Talks to haproxy's admin socket (no socat needed).

usage:
  haproxyctl.py SOCKET cmd 'disable server keystone/keystone-1'   send one command, print the answer
  haproxyctl.py SOCKET stat BACKEND SERVER                          print "scur status" of one server

Why: the rolling-restart driver in devcloud drains one backend at a time: disable it, wait until
its current sessions (scur) are 0, restart, enable, wait until the health check says UP.
"""
import csv
import socket
import sys


def send(path, command):
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.settimeout(5)
    s.connect(path)
    s.sendall(command.encode() + b"\n")
    chunks = []
    while True:
        b = s.recv(65536)
        if not b:
            break
        chunks.append(b)
    s.close()
    return b"".join(chunks).decode()


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    path, op = sys.argv[1], sys.argv[2]
    if op == "cmd":
        out = send(path, sys.argv[3]).strip()
        if out:
            print(out)
        return 0
    if op == "stat":
        backend, server = sys.argv[3], sys.argv[4]
        text = send(path, "show stat").lstrip("# ")
        for row in csv.DictReader(text.splitlines()):
            if row.get("pxname") == backend and row.get("svname") == server:
                print(row["scur"], row["status"].split(" ")[0])
                return 0
        sys.exit("haproxyctl: no server %s/%s" % (backend, server))
    sys.exit(__doc__)


if __name__ == "__main__":
    sys.exit(main())
