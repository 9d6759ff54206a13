#!/usr/bin/python3
"""Runs a Python console entry point given as module:function, e.g.

    run-entrypoint.py nova.cmd.compute:main --config-file nova.conf

Why: devcloud installs only Debian's python3-* library packages (python3-nova, python3-glance),
which carry the code but not the /usr/bin/nova-* scripts (those come with the service packages,
which bring debconf questions and init scripts). This is the two-line stub those scripts would be.
sys.argv[0] becomes the function's module name so that oslo.config/oslo.log name things sensibly.
"""
import importlib
import sys

if len(sys.argv) < 2 or ":" not in sys.argv[1]:
    sys.exit("usage: run-entrypoint.py module:function [args...]")
module_name, func_name = sys.argv[1].split(":", 1)
sys.argv = [module_name.rsplit(".", 1)[-1]] + sys.argv[2:]
func = getattr(importlib.import_module(module_name), func_name)
sys.exit(func())
