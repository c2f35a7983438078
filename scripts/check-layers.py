#!/usr/bin/env python3
"""Checks the package's target graph against the architecture (DESIGN.md): what each
layer may be built on, directly or not. The compiler then holds every import to it.

Run by `make test` before the build; prints the offending path and exits 1 on a breach.
"""
import json
import subprocess
import sys

# For each target, the targets of ours it must never reach, however indirectly.
SERVER = {"IOUring", "CLibURing", "AsyncWebTLS", "AsyncWebHTTP", "AsyncWeb"}
FORBIDDEN = {
    "IOUring": {"AsyncWebEncoding", "AsyncWebTemplates", "AsyncWebSigning", "AsyncWebTLS", "AsyncWebHTTP", "AsyncWeb"},
    # TLS is a transport: sessions over the reactor's connections, knowing nothing of HTTP.
    "AsyncWebTLS": {"AsyncWebEncoding", "AsyncWebTemplates", "AsyncWebSigning", "AsyncWebHTTP", "AsyncWeb"},
    "AsyncWebEncoding": SERVER | {"AsyncWebTemplates", "AsyncWebSigning"},
    "AsyncWebTemplates": SERVER | {"AsyncWebSigning"},
    "AsyncWebSigning": SERVER | {"AsyncWebTemplates", "AsyncWebEncoding"},
    "AsyncWebHTTP": {"AsyncWeb", "AsyncWebTemplates", "AsyncWebSigning"},
    "AsyncWebEncodingTests": SERVER | {"AsyncWebTemplates", "AsyncWebSigning"},
    "AsyncWebTemplatesTests": SERVER | {"AsyncWebSigning"},
    "AsyncWebSigningTests": SERVER | {"AsyncWebTemplates"},
    "AsyncWebHTTPTests": {"AsyncWeb", "AsyncWebTemplates", "AsyncWebSigning"},
    # The `asyncweb` tool is built on the framework (`asyncweb run` serves a failed build's
    # errors with an app); the app's own layers are still below it, so nothing to forbid but
    # the test helpers.
    "AsyncWebCLI": {"AsyncWebTesting"},
}

description = json.loads(subprocess.run(
    ["swift", "package", "describe", "--type", "json"], check=True, capture_output=True, text=True).stdout)
edges = {t["name"]: t.get("target_dependencies") or [] for t in description["targets"]}


def path_to(start, goal):
    """A dependency path from start to goal, or None."""
    stack = [[start]]
    seen = {start}
    while stack:
        path = stack.pop()
        for next_target in edges.get(path[-1], []):
            if next_target == goal:
                return path + [goal]
            if next_target not in seen:
                seen.add(next_target)
                stack.append(path + [next_target])
    return None


breaches = []
for target, forbidden in FORBIDDEN.items():
    if target not in edges:
        breaches.append(f"{target}: no such target (update scripts/check-layers.py)")
        continue
    for goal in sorted(forbidden):
        path = path_to(target, goal)
        if path:
            breaches.append(f"{target} must not depend on {goal}: " + " -> ".join(path))

if breaches:
    print("Layering broken:\n  " + "\n  ".join(breaches), file=sys.stderr)
    sys.exit(1)
print(f"Layers hold: {len(FORBIDDEN)} targets checked against DESIGN.md")
