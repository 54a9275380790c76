#!/usr/bin/env python3
"""Check that Package.swift declares what each target imports, and nothing it does not.

Usage: scripts/check_imports.py   (from the repository root; needs `swift`)
Prints one line per target; exits 1 when a target imports a module it does
not declare, or declares a dependency it never imports.
"""
import glob
import json
import os
import re
import subprocess
import sys

SYSTEM = {"Foundation", "FoundationNetworking", "Glibc", "Darwin", "Synchronization", "Dispatch", "Testing", "XCTest"}

package = json.loads(subprocess.run(["swift", "package", "dump-package"], check=True, capture_output=True, text=True).stdout)
failed = False
for target in package["targets"]:
    name = target["name"]
    folder = os.path.join("Tests" if target["type"] == "test" else "Sources", name)
    declared = set()
    for dependency in target["dependencies"]:
        for kind in ("byName", "product", "target"):
            if kind in dependency:
                declared.add(dependency[kind][0])
    imported = set()
    for path in glob.glob(folder + "/**/*.swift", recursive=True):
        with open(path, encoding="utf-8") as source:
            imported |= set(re.findall(r"^(?:@testable )?import (\w+)", source.read(), re.M))
    missing = sorted(imported - SYSTEM - declared - {name})
    unused = sorted(declared - imported)
    if missing or unused:
        failed = True
        print(f"{name}: imports undeclared {missing}, declares unused {unused}")
    else:
        print(f"{name}: ok")
sys.exit(1 if failed else 0)
