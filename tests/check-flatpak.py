#!/usr/bin/env python3
"""The Flatpak manifest (build-aux/flatpak/): valid JSON, the application's
id and command, a GNOME runtime, and files only through the portals: no
--filesystem, no home, no network."""
import json
import sys

path, app_id = sys.argv[1], sys.argv[2]
with open(path, encoding="utf-8") as f:
    manifest = json.load(f)

problems = []
if manifest.get("id") != app_id:
    problems.append(f"id is {manifest.get('id')!r}, not {app_id!r}")
if manifest.get("command") != "hankesalkku":
    problems.append("command is not hankesalkku")
if manifest.get("runtime") != "org.gnome.Platform" or manifest.get("sdk") != "org.gnome.Sdk":
    problems.append("runtime and sdk are not org.gnome.Platform and org.gnome.Sdk")
args = manifest.get("finish-args", [])
for wanted in ("--share=ipc", "--socket=wayland", "--socket=fallback-x11", "--device=dri"):
    if wanted not in args:
        problems.append(f"finish-args lack {wanted}")
for arg in args:
    if arg.startswith(("--filesystem", "--share=network", "--socket=x11", "--device=all")):
        problems.append(f"finish-args ask for {arg}: files go through the portals")
modules = manifest.get("modules", [])
if not modules or modules[-1].get("name") != "hankesalkku" or modules[-1].get("buildsystem") != "meson":
    problems.append("the last module is not hankesalkku built with meson")

for problem in problems:
    print(f"{path}: {problem}")
if not problems:
    print(f"{path}: {app_id} on {manifest['runtime']} {manifest['runtime-version']}")
sys.exit(1 if problems else 0)
