#!/usr/bin/env python3
"""Run the ```python run``` blocks of course chapters with real PyTorch and report file:line and output.

Usage:
    tools/content/run_blocks.py content/03-sgd-momentum/chapter.en.md [more chapter files ...]
    tools/content/run_blocks.py --pair content/03-sgd-momentum      # also compare en and zh structure
    tools/content/run_blocks.py --also "java -cp CLASSES Run" FILE  # also run each block with another
                                                                    # runner (our core) and diff outputs

Each block runs in its own fresh interpreter (the learner's page runs blocks one by one, each on its
own), in a temporary working directory so torch.save/torch.load of relative names stay out of the tree.
Exit status 1 when any block fails, times out, or (with --pair) the two languages differ in structure.
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile

FENCE = re.compile(r"^(`{3,}|~{3,})(.*)$")


def fenced_blocks(path):
    """Yield (line_number, info_string, code) for every fenced block of a Markdown file."""
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    i = 0
    while i < len(lines):
        m = FENCE.match(lines[i])
        if m:
            fence, info, start = m.group(1), m.group(2).strip(), i + 1
            body = []
            i += 1
            while i < len(lines) and not lines[i].startswith(fence):
                body.append(lines[i])
                i += 1
            yield start, info, "\n".join(body) + "\n"
        i += 1


def headings(path):
    """The #/## headings outside code blocks, as (line_number, level)."""
    result, in_code, fence = [], False, None
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            m = FENCE.match(line.rstrip("\n"))
            if m and (not in_code or line.startswith(fence)):
                in_code, fence = (not in_code), m.group(1)
                continue
            if not in_code:
                h = re.match(r"^(#{1,6}) ", line)
                if h:
                    result.append((n, len(h.group(1))))
    return result


def without_comments(code):
    """Code with '#' comments and trailing blanks removed, so translated comments do not count."""
    out = []
    for line in code.split("\n"):
        stripped = re.sub(r"\s*#(?![^'\"]*['\"]).*$", "", line).rstrip()
        if stripped:
            out.append(stripped)
    return "\n".join(out)


def run_command(command, cwd, timeout):
    """Run a command; return (status, stdout, stderr)."""
    try:
        done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=timeout)
        status = "ok" if done.returncode == 0 else f"FAILED (exit {done.returncode})"
        return status, done.stdout, done.stderr
    except subprocess.TimeoutExpired:
        return f"FAILED (timeout after {timeout} s)", "", ""


def run_file(path, python, timeout, show_output, also=None):
    failures = 0
    for line, info, code in fenced_blocks(path):
        words = info.split()
        if words[:2] != ["python", "run"]:
            continue
        with tempfile.TemporaryDirectory() as cwd:
            status, out, err = run_command([python, "-W", "default", "-c", code], cwd, timeout)
        if also and status == "ok":
            with tempfile.TemporaryDirectory() as cwd:
                block_file = os.path.join(cwd, "main.py")
                with open(block_file, "w", encoding="utf-8") as f:
                    f.write(code)
                other_status, other_out, other_err = run_command(also.split() + [block_file], cwd, timeout)
            if other_out != out:
                status = f"FAILED (the other runner printed something else; its status: {other_status})"
                err = "--- other runner's output\n" + other_out + other_err
        if not status.startswith("ok"):
            failures += 1
        print(f"{path}:{line}: {status}")
        if show_output or not status.startswith("ok"):
            for text in (out, err):
                for row in text.rstrip("\n").split("\n") if text.strip() else []:
                    print(f"    {row}")
    return failures


def compare_pair(folder):
    """Report where chapter.en.md and chapter.zh.md differ in headings or code blocks."""
    en, zh = os.path.join(folder, "chapter.en.md"), os.path.join(folder, "chapter.zh.md")
    problems = []
    he, hz = headings(en), headings(zh)
    if [lv for _, lv in he] != [lv for _, lv in hz]:
        problems.append(f"{zh}:1: heading levels {[lv for _, lv in hz]} differ from {en}'s {[lv for _, lv in he]}")
    be, bz = list(fenced_blocks(en)), list(fenced_blocks(zh))
    if len(be) != len(bz):
        problems.append(f"{zh}:1: {len(bz)} code blocks, {en} has {len(be)}")
    for (le, ie, ce), (lz, iz, cz) in zip(be, bz):
        if ie != iz:
            problems.append(f"{zh}:{lz}: block '{iz}' where {en}:{le} has '{ie}'")
        elif ie.startswith(("python run", "widget")) and without_comments(ce) != without_comments(cz):
            problems.append(f"{zh}:{lz}: code differs from {en}:{le} (comments aside)")
    for p in problems:
        print(p)
    return len(problems)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("paths", nargs="+", help="chapter files, or chapter folders with --pair")
    parser.add_argument("--python", default="/usr/bin/python3", help="interpreter with torch installed")
    parser.add_argument("--timeout", type=float, default=120, help="seconds per block")
    parser.add_argument("--also", metavar="COMMAND",
                        help="a second runner (e.g. our in-browser core); the block's file path is appended, "
                             "and its standard output must equal PyTorch's")
    parser.add_argument("--quiet", action="store_true", help="show output only for failing blocks")
    parser.add_argument("--pair", action="store_true",
                        help="paths are chapter folders: run both languages and compare their structure")
    args = parser.parse_args()
    failures = 0
    for path in args.paths:
        if args.pair:
            failures += compare_pair(path)
            for lang in ("en", "zh"):
                failures += run_file(os.path.join(path, f"chapter.{lang}.md"), args.python, args.timeout,
                                     not args.quiet, args.also)
        else:
            failures += run_file(path, args.python, args.timeout, not args.quiet, args.also)
    print(f"{failures} problem(s)")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
