#!/usr/bin/env python3
"""Adds up the Counters of every TRX file under a directory and prints the closing line CI is judged by:
'N passed, N failed' plus ', N skipped' when tests were skipped (skipped = total - executed).
Exits 1 when a test failed or none was executed, so a run that tested nothing cannot pass.

usage: trx-summary.py RESULTS_DIR
"""
import pathlib
import sys
import xml.etree.ElementTree as ET

NS = "{http://microsoft.com/schemas/VisualStudio/TeamTest/2010}"
# Outcomes that mean "ran and did not pass"; VSTest counts a crashed or timed-out test under these, not under failed.
FAILED = ("failed", "error", "timeout", "aborted")


def main(results: pathlib.Path) -> int:
    total = executed = passed = failed = 0
    for trx in sorted(results.rglob("*.trx")) if results.is_dir() else []:
        counters = ET.parse(trx).getroot().find(f"{NS}ResultSummary/{NS}Counters")
        if counters is None:
            continue
        count = lambda name: int(counters.get(name, "0"))
        total += count("total")
        executed += count("executed")
        passed += count("passed")
        failed += sum(count(name) for name in FAILED)
    skipped = total - executed
    print(f"{passed} passed, {failed} failed" + (f", {skipped} skipped" if skipped > 0 else ""))
    return 1 if failed > 0 or executed == 0 else 0


if __name__ == "__main__":
    sys.exit(main(pathlib.Path(sys.argv[1])))
