"""Copies the outputs a recording run wrote (ROSCERT_RECORD_TRANSCRIPTS=1 -> $TMPDIR/<case>.actual)
into a case file, keeping its '## ' comment lines. Review the diff before committing: this is how a
transcript is first written, never how a failing one is made to pass.

Usage: python3 tests/tools/accept-transcript.py tests/cases/<case>.txt
"""
import os
import sys
import tempfile


def steps(lines):
    """Yields (comment_lines_before, statement_lines, output_lines)."""
    i, comments = 0, []
    while i < len(lines):
        if lines[i].startswith("## "):
            comments.append(lines[i])
            i += 1
            continue
        if not lines[i].startswith("> "):
            i += 1
            continue
        statement = [lines[i]]
        i += 1
        while i < len(lines) and lines[i].startswith(">> "):
            statement.append(lines[i])
            i += 1
        output = []
        while i < len(lines) and not lines[i].startswith(("> ", "## ")):
            output.append(lines[i])
            i += 1
        yield comments, statement, output
        comments = []


def main(path):
    case = open(path).read().rstrip("\n").split("\n")
    actual_path = os.path.join(tempfile.gettempdir(), os.path.basename(path) + ".actual")
    actual = open(actual_path).read().rstrip("\n").split("\n")
    recorded = list(steps(actual))
    out = []
    for index, (comments, statement, _) in enumerate(steps(case)):
        _, recorded_statement, output = recorded[index]
        assert recorded_statement == statement, (statement, recorded_statement)
        out += comments + statement + output
    open(path, "w").write("\n".join(out).rstrip("\n") + "\n\n")


if __name__ == "__main__":
    main(sys.argv[1])
