#!/usr/bin/env python3
"""Reads Meson's test logs and prints the closing line "N passed, N failed".

Each GTest case of a TAP test counts on its own where Meson recorded it;
a skipped, timed-out or unexpectedly passing test counts as failed.
Exits 1 when anything failed or no test ran at all."""
import json
import sys

passed = failed = 0
failures = []
for path in sys.argv[1:]:
    try:
        with open(path, encoding="utf-8") as log:
            for line in log:
                entry = json.loads(line)
                name = entry.get("name", "?")
                if entry.get("result") in ("OK", "EXPECTEDFAIL"):
                    passed += 1
                else:
                    failed += 1
                    failures.append(f"{path.split('/')[0]}: {name}: {entry.get('result')}")
    except FileNotFoundError:
        failed += 1
        failures.append(f"{path}: no test log (the suite did not run)")

for f in failures:
    print("FAILED", f)
if passed + failed == 0:
    failed = 1
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
