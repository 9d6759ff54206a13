#!/usr/bin/python3
"""uwsgi target (wsgi-file) for nova's compute API.

Why: python3-nova ships the WSGI application factory but not /usr/bin/nova-api-wsgi (that comes with
the nova-api service package). nova reads its config files from OS_NOVA_CONFIG_DIR and
OS_NOVA_CONFIG_FILES (";"-separated), which devcloud sets to its own state directory.
"""
from nova.api.openstack.compute.wsgi import init_application

application = init_application()
