#!/usr/bin/env python3
"""Run the ```python run``` blocks of chapter files with real PyTorch and show what each prints.

Usage: tools/content/run_blocks.py [--python /usr/bin/python3] [--timeout 120] FILE.md...

Each block runs in its own fresh interpreter, in a temporary working directory (so torch.save of a
relative name leaves nothing behind). The report gives file:line of the block's opening fence, its
stdout, and its stderr when it failed or warned. Exit status 1 if any block failed.
"""
import argparse
import re
import subprocess
import sys
import tempfile

FENCE_OPEN = re.compile(r"^(`{3,})python\s+run\s*$")


def runnable_blocks(path):
    """Yield (line number of the opening fence, source) for every ```python run``` block."""
    with open(path, encoding="utf-8") as handle:
        lines = handle.read().split("\n")
    index = 0
    while index < len(lines):
        opening = FENCE_OPEN.match(lines[index].rstrip())
        if opening:
            fence = opening.group(1)
            start = index + 1
            body = []
            index += 1
            while index < len(lines) and lines[index].rstrip() != fence:
                body.append(lines[index])
                index += 1
            if index == len(lines):
                raise SystemExit(f"{path}:{start}: block is never closed")
            yield start, "\n".join(body) + "\n"
        index += 1


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+")
    parser.add_argument("--python", default="/usr/bin/python3", help="interpreter that has torch")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds per block")
    parser.add_argument("--quiet", action="store_true", help="print only failures")
    arguments = parser.parse_args()

    failures = 0
    for path in arguments.files:
        for line, source in runnable_blocks(path):
            with tempfile.TemporaryDirectory() as workdir:
                try:
                    result = subprocess.run([arguments.python, "-"], input=source, cwd=workdir,
                                            capture_output=True, text=True, timeout=arguments.timeout)
                    ok, out, err = result.returncode == 0, result.stdout, result.stderr
                except subprocess.TimeoutExpired:
                    ok, out, err = False, "", f"timed out after {arguments.timeout} s\n"
            failures += not ok
            if ok and arguments.quiet:
                continue
            print(f"{path}:{line}: {'ok' if ok else 'FAILED'}")
            sys.stdout.write("".join("    " + row + "\n" for row in out.splitlines()))
            if err:
                sys.stdout.write("".join("  ! " + row + "\n" for row in err.splitlines()))
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
