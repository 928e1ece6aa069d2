#!/usr/bin/env python3
"""Regenerates the expected output of the pylite golden programs with the machine's CPython 3.11.

For every src/test/resources/pylite/NAME.py this runs `python3 main.py` (the file copied as main.py
into a scratch folder, so tracebacks name "main.py") and writes NAME.out (stdout) and, when the program
fails or writes to stderr, NAME.err (stderr). CPython 3.11's fine-grained error position markers (lines made only of ^ and ~)
are removed from stderr except for the programs named carets_*.py, which check pylite's markers; pylite prints
them for calls, attributes, subscripts, binary and unary operations, comparisons and names, not yet for every
expression CPython marks (comprehensions, for iteration, ...); everything else is kept byte for byte.

Usage: python3 tools/golden/gen_pylite.py [NAME ...]
"""
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parents[2]
PROGRAMS = ROOT / "src" / "test" / "resources" / "pylite"
MARKER_LINE = re.compile(r"^\s*[\^~]+\s*$")


def strip_markers(text):
    return "".join(line for line in text.splitlines(keepends=True) if not MARKER_LINE.match(line))


def generate(program):
    with tempfile.TemporaryDirectory() as scratch:
        shutil.copy(program, pathlib.Path(scratch) / "main.py")
        done = subprocess.run([sys.executable, "main.py"], cwd=scratch, capture_output=True, text=True,
                              timeout=60, env={"PYTHONHASHSEED": "0", "PATH": "/usr/bin:/bin"})
        # CPython makes the script path absolute; the learner's file is just "main.py"
        stderr = done.stderr.replace(str(pathlib.Path(scratch).resolve()) + "/", "").replace(scratch + "/", "")
    program.with_suffix(".out").write_text(done.stdout)
    err = program.with_suffix(".err")
    if done.returncode != 0 or stderr:
        err.write_text(stderr if program.name.startswith("carets_") else strip_markers(stderr))
    elif err.exists():
        err.unlink()


def main(names):
    if sys.version_info[:2] != (3, 11):
        sys.exit("CPython 3.11 is the reference; this is " + sys.version)
    programs = [PROGRAMS / (n + ".py") for n in names] if names else sorted(PROGRAMS.glob("*.py"))
    for program in programs:
        generate(program)
    print(f"generated {len(programs)} programs")


if __name__ == "__main__":
    main(sys.argv[1:])
