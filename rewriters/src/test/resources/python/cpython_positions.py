"""Prints CPython's view of Python files, for the parser agreement test.

Reads file paths (one per line) on stdin and writes one JSON object per file on stdout:
  {"i": <index of the path in the input>, "ok": true, "nodes": [[kind, line, col, end_line, end_col], ...]}
  {"i": <index>, "ok": false, "error": "<message>"}
Nodes are every statement and every Call, Attribute, Name and Constant; columns are UTF-8 byte offsets,
as CPython reports them. Nodes inside f-strings (JoinedStr) are left out: their positions differ
between CPython versions. The files are only parsed, never executed or imported.
"""
import ast
import json
import sys

KINDS = (ast.stmt, ast.Call, ast.Attribute, ast.Name, ast.Constant)


def nodes(tree):
    out = []
    stack = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, ast.JoinedStr):
            continue
        if isinstance(node, KINDS):
            out.append([type(node).__name__, node.lineno, node.col_offset, node.end_lineno, node.end_col_offset])
        stack.extend(ast.iter_child_nodes(node))
    return out


def main():
    sys.setrecursionlimit(100000)
    write = sys.stdout.write
    for i, line in enumerate(sys.stdin):
        path = line.rstrip("\n")
        try:
            with open(path, "rb") as f:
                tree = ast.parse(f.read())
            record = {"i": i, "ok": True, "nodes": nodes(tree)}
        except (SyntaxError, ValueError, RecursionError, MemoryError) as e:
            record = {"i": i, "ok": False, "error": str(e)[:200]}
        write(json.dumps(record, separators=(",", ":")))
        write("\n")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
