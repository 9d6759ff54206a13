#!/usr/bin/python3
"""Starts swift servers and the ring builder from devcloud's state directory.

usage: swift-launcher.py SWIFT_DIR proxy|account|container|object CONF [-v]
       swift-launcher.py SWIFT_DIR ring-builder BUILDER_FILE ARGS...

Why: python3-swift has the code but not the /usr/bin/swift-* scripts (those are in the swift-proxy,
swift-account... service packages), and swift reads the hard-coded /etc/swift/swift.conf unless told
otherwise: set_swift_dir() points it at SWIFT_DIR. Without /dev/log (no syslog daemon here) swift's
syslog handler would fall back to an unconnected UDP socket bound to 0.0.0.0:<ephemeral>; we
replace that handler with one that drops records and run the servers with -v (log to stderr,
which devcloud sends to its log directory).
"""
import logging
import sys


class _NoSyslog(logging.Handler):
    """Takes the place of swift's ThreadSafeSysLogHandler: accepts its arguments, drops records."""

    def __init__(self, *args, **kwargs):
        logging.Handler.__init__(self)

    def emit(self, record):
        pass


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    swift_dir, kind = sys.argv[1], sys.argv[2]
    from swift.common import utils
    utils.ThreadSafeSysLogHandler = _NoSyslog
    utils.set_swift_dir(swift_dir)
    if kind == "ring-builder":
        from swift.cli.ringbuilder import main as ring_main
        return ring_main(["swift-ring-builder"] + sys.argv[3:])
    from swift.common.wsgi import run_wsgi
    sys.argv = ["swift-%s-server" % kind] + sys.argv[3:]
    conf_file, options = utils.parse_options()
    if kind == "proxy":
        return run_wsgi(conf_file, "proxy-server", **options)
    if kind == "object":
        from swift.obj import server
        return run_wsgi(conf_file, "object-server",
                        global_conf_callback=server.global_conf_callback, **options)
    if kind in ("account", "container"):
        return run_wsgi(conf_file, "%s-server" % kind, **options)
    sys.exit("swift-launcher: unknown kind %r" % kind)


if __name__ == "__main__":
    sys.exit(main())
