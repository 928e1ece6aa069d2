#!/usr/bin/env python3
"""Regenerates the expected output of the PyTorch conformance programs with real PyTorch.

For every src/test/resources/conformance/NAME.py this runs `/usr/bin/python3 main.py` (Debian's
python3-torch, PyTorch 1.13) in a scratch folder and writes NAME.out (stdout) and, when the program ends
with an exception, NAME.err holding only the final "Type: message" line, since PyTorch's own traceback
frames differ from pylite's.

A program whose first line starts with "# derived:" expects what PyTorch 2.x prints where 1.13 differs;
its .out is maintained by hand from 2.x's source (see docs/fidelity.md) and is left alone here.

Usage: /usr/bin/python3 tools/golden/gen_conformance.py [NAME ...]
"""
import pathlib
import shutil
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parents[2]
PROGRAMS = ROOT / "src" / "test" / "resources" / "conformance"
PYTHON = "/usr/bin/python3"


def last_error_line(stderr):
    lines = [line for line in stderr.splitlines() if line and not line.startswith(" ")]
    return lines[-1] + "\n" if lines else ""


def generate(program):
    if program.read_text().startswith("# derived:"):
        return False
    with tempfile.TemporaryDirectory() as scratch:
        shutil.copy(program, pathlib.Path(scratch) / "main.py")
        done = subprocess.run([PYTHON, "-W", "ignore", "main.py"], cwd=scratch, capture_output=True, text=True,
                              timeout=300, env={"PYTHONHASHSEED": "0", "PATH": "/usr/bin:/bin",
                                                "OMP_NUM_THREADS": "1"})
    program.with_suffix(".out").write_text(done.stdout)
    err = program.with_suffix(".err")
    if done.returncode != 0:
        err.write_text(last_error_line(done.stderr))
    elif err.exists():
        err.unlink()
    return True


def main(names):
    import torch  # noqa: F401  (fail early when PyTorch is missing)
    programs = [PROGRAMS / (n + ".py") for n in names] if names else sorted(PROGRAMS.glob("*.py"))
    count = sum(generate(p) for p in programs)
    print(f"generated {count} of {len(programs)} programs")


if __name__ == "__main__":
    main(sys.argv[1:])
