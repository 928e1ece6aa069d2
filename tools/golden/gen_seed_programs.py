#!/usr/bin/env python3
"""Regenerates the expected output of the seed programs (src/test/resources/seed-programs).

A program NAME.py is run as `main.py` in a scratch folder; NAME.out receives its stdout, and NAME.err its whole
stderr when it fails (CPython 3.11's ^/~ position marker lines removed, since pylite does not print them).

- Programs starting with `err_` are seed snippets that are not valid Python: they are run with CPython 3.11
  (`python3` on PATH), whose SyntaxError text pylite must reproduce.
- The others are run with real PyTorch (`/usr/bin/python3`, torch 1.13). PyTorch 1.13's
  `torch.utils.tensorboard` needs the `tensorboard` package, which the machine lacks; as SummaryWriter prints
  nothing, a stand-in whose methods do nothing is installed (via sitecustomize) for that import only.

Usage: /usr/bin/python3 tools/golden/gen_seed_programs.py [NAME ...]
"""
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parents[2]
PROGRAMS = ROOT / "src" / "test" / "resources" / "seed-programs"
TORCH_PYTHON = "/usr/bin/python3"
CPYTHON = shutil.which("python3", path="/usr/local/bin:/usr/bin:/bin")

SUMMARY_WRITER_STAND_IN = '''
import sys, types
_module = types.ModuleType("torch.utils.tensorboard")
class SummaryWriter:
    def __init__(self, *args, **kwargs): pass
    def add_scalar(self, *args, **kwargs): pass
    def add_scalars(self, *args, **kwargs): pass
    def flush(self): pass
    def close(self): pass
_module.SummaryWriter = SummaryWriter
sys.modules["torch.utils.tensorboard"] = _module
'''


def strip_markers(stderr):
    return "".join(line for line in stderr.splitlines(keepends=True) if not re.fullmatch(r"\s*[\^~]+\s*", line))


def generate(program):
    python = CPYTHON if program.name.startswith("err_") else TORCH_PYTHON
    with tempfile.TemporaryDirectory() as scratch:
        shutil.copy(program, pathlib.Path(scratch) / "main.py")
        site = pathlib.Path(scratch) / "site"
        site.mkdir()
        (site / "sitecustomize.py").write_text(SUMMARY_WRITER_STAND_IN)
        env = {"PYTHONHASHSEED": "0", "PATH": "/usr/bin:/bin", "OMP_NUM_THREADS": "1"}
        if python == TORCH_PYTHON:
            env["PYTHONPATH"] = str(site)
        done = subprocess.run([python, "-W", "ignore", "main.py"], cwd=scratch, capture_output=True, text=True,
                              timeout=300, env=env)
        stderr = done.stderr.replace(str(pathlib.Path(scratch).resolve()) + "/", "").replace(scratch + "/", "")
    program.with_suffix(".out").write_text(done.stdout)
    err = program.with_suffix(".err")
    if done.returncode != 0:
        err.write_text(strip_markers(stderr))
    elif err.exists():
        err.unlink()


def main(names):
    programs = [PROGRAMS / (n + ".py") for n in names] if names else sorted(PROGRAMS.glob("*.py"))
    for program in programs:
        generate(program)
    print(f"generated {len(programs)} programs")


if __name__ == "__main__":
    main(sys.argv[1:])
