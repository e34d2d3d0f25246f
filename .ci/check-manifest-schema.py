#!/usr/bin/env python3
"""Validates a manifest.json against schemas/manifest/<version>.json with python's jsonschema: an oracle
independent of the .NET validator the tests use. Usage: check-manifest-schema.py SCHEMA MANIFEST"""
import json
import sys

from jsonschema import Draft202012Validator


def main(schema_path: str, manifest_path: str) -> int:
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    Draft202012Validator.check_schema(schema)
    with open(manifest_path, encoding="utf-8") as f:
        manifest = json.load(f)
    errors = sorted(Draft202012Validator(schema).iter_errors(manifest), key=lambda e: list(map(str, e.absolute_path)))
    for error in errors[:50]:
        location = "/".join(map(str, error.absolute_path))
        print(f"{manifest_path}: /{location}: {error.message}")
    if errors:
        print(f"{manifest_path}: {len(errors)} schema error(s) against {schema_path}")
        return 1
    print(f"{manifest_path}: valid against {schema_path} ({len(manifest['nodes'])} nodes)")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1], sys.argv[2]))
