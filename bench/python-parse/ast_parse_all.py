"""Baseline for the python-parse benchmark: CPython's ast.parse over every .py file under the given roots.

Walks the roots the way `migrate parse-check` does (symlinks are not followed), parses each file's bytes
with ast.parse (nothing is executed or imported) and prints files, lines and failures.
"""
import ast
import os
import sys


def main(roots):
    files = set()
    for root in roots:
        for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
            for name in filenames:
                path = os.path.join(dirpath, name)
                if name.endswith(".py") and not os.path.islink(path) and os.path.isfile(path):
                    files.add(path)
    lines = 0
    failed = 0
    for path in sorted(files):
        with open(path, "rb") as f:
            data = f.read()
        lines += data.count(b"\n")
        try:
            ast.parse(data)
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            failed += 1
    print(f"files: {len(files)}")
    print(f"lines: {lines}")
    print(f"rejected: {failed}")


if __name__ == "__main__":
    main(sys.argv[1:])
