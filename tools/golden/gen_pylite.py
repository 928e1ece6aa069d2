#!/usr/bin/env python3
"""Regenerates the expected output of the pylite golden programs with the machine's CPython 3.11.

For every src/test/resources/pylite/NAME.py this runs `python3 main.py` (the file copied as main.py
into a scratch folder, so tracebacks name "main.py") and writes NAME.out (stdout) and, when the program
fails or writes to stderr, NAME.err (stderr), byte for byte: CPython 3.11's error position markers (the ~~^^ lines
under a traceback's source line, the ^^^ range under a syntax error's line) included. The carets_*.py programs are
the ones written to exercise those markers.

Usage: python3 tools/golden/gen_pylite.py [NAME ...]
"""
import pathlib
import shutil
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parents[2]
PROGRAMS = ROOT / "src" / "test" / "resources" / "pylite"
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
        err.write_text(stderr)
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
