#!/usr/bin/python3
"""One-process, idempotent (find-or-create) bootstrap of devcloud's OpenStack resources.

usage: bootstrap.py CLOUDS_YAML identity SERVICES   users, projects, roles, services, endpoints
       bootstrap.py CLOUDS_YAML compute IMAGE_FILE   flavors m1.tiny/m1.small, public image `tiny`

Why one Python process with openstacksdk instead of ~40 `openstack` CLI calls: each CLI call costs
about a second of interpreter start-up. Everything is looked up first and created only if missing,
so a re-run after a partial failure is safe. Uses cloud `devcloud-admin` from CLOUDS_YAML.
SERVICES is a comma list of identity,object-store,compute (compute brings image, placement and the
network stub along).
"""
import os
import sys

import openstack

BASE = "http://127.0.0.1"
# service type -> (service name, endpoint URL, service user or None)
CATALOG = {
    "object-store": ("swift", BASE + ":8080/v1/AUTH_%(project_id)s", "swift"),
    "compute": ("nova", BASE + ":8774/v2.1", "nova"),
    "image": ("glance", BASE + ":9292", "glance"),
    "placement": ("placement", BASE + ":8778", "placement"),
    "network": ("neutron", BASE + ":9696", None),
}
REGION = "RegionOne"


def log(msg):
    print("bootstrap: " + msg, flush=True)


def find_or_create_project(idn, name, domain_id):
    p = idn.find_project(name, domain_id=domain_id, ignore_missing=True)
    if p is None:
        p = idn.create_project(name=name, domain_id=domain_id, description="devcloud")
        log("created project " + name)
    return p


def find_or_create_user(idn, name, password, project, domain_id):
    u = idn.find_user(name, domain_id=domain_id, ignore_missing=True)
    if u is None:
        u = idn.create_user(name=name, password=password, domain_id=domain_id,
                            default_project_id=project.id)
        log("created user " + name)
    return u


def grant(idn, project, user, role):
    if not idn.validate_user_has_project_role(project, user, role):
        idn.assign_project_role_to_user(project, user, role)
        log("granted %s on %s to %s" % (role.name, project.name, user.name))


def identity(conn, services):
    idn = conn.identity
    domain = idn.find_domain("Default")
    admin_role = idn.find_role("admin")
    member_role = idn.find_role("member")
    service_project = find_or_create_project(idn, "service", domain.id)
    demo_project = find_or_create_project(idn, "demo", domain.id)
    demo = find_or_create_user(idn, "demo", "demopass", demo_project, domain.id)
    grant(idn, demo_project, demo, member_role)

    wanted = set()
    if "object-store" in services:
        wanted.add("object-store")
    if "compute" in services:
        wanted.update(["compute", "image", "placement", "network"])
    for stype in sorted(wanted):
        name, url, user = CATALOG[stype]
        if user:
            u = find_or_create_user(idn, user, user + "pass", service_project, domain.id)
            grant(idn, service_project, u, admin_role)
        svc = next((s for s in idn.services() if s.type == stype), None)
        if svc is None:
            svc = idn.create_service(name=name, type=stype, description="devcloud " + name)
            log("created service " + stype)
        have = {e.interface for e in idn.endpoints(service_id=svc.id)}
        for interface in ("public", "internal", "admin"):
            if interface not in have:
                idn.create_endpoint(service_id=svc.id, interface=interface, url=url,
                                    region_id=REGION)
                log("created %s endpoint for %s" % (interface, stype))


def compute(conn, image_file):
    for name, ram, vcpus, disk in (("m1.tiny", 512, 1, 1), ("m1.small", 2048, 1, 20)):
        if conn.compute.find_flavor(name, ignore_missing=True) is None:
            conn.compute.create_flavor(name=name, ram=ram, vcpus=vcpus, disk=disk, is_public=True)
            log("created flavor " + name)
    img = conn.image.find_image("tiny", ignore_missing=True)
    if img is not None and img.status != "active":
        conn.image.delete_image(img)
        img = None
    if img is None:
        conn.create_image("tiny", filename=image_file, disk_format="raw",
                          container_format="bare", visibility="public", wait=True)
        log("created image tiny")


def main():
    if len(sys.argv) != 4 or sys.argv[2] not in ("identity", "compute"):
        sys.exit(__doc__)
    os.environ["OS_CLIENT_CONFIG_FILE"] = sys.argv[1]
    conn = openstack.connect(cloud="devcloud-admin")
    if sys.argv[2] == "identity":
        identity(conn, set(sys.argv[3].split(",")))
    else:
        compute(conn, sys.argv[3])
    return 0


if __name__ == "__main__":
    sys.exit(main())
