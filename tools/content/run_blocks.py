#!/usr/bin/env python3
"""Run the ```python run``` blocks of chapter files with real PyTorch and show what each prints.

Usage: tools/content/run_blocks.py [--python /usr/bin/python3] [--timeout 120] [--quiet]
                                   [--compare-languages] FILE.md...

Each block runs in its own fresh interpreter, in a temporary working directory (so torch.save of a
relative name leaves nothing behind). The report gives file:line of the block's opening fence, its
stdout, and its stderr when it failed or warned. With --compare-languages, each chapter.en.md is also
checked against its chapter.zh.md: the same heading levels in the same order and the same fenced blocks
(Python blocks may differ only in their comments). Exit status 1 if any block failed or any pair differs.
"""
import argparse
import io
import os
import re
import subprocess
import sys
import tempfile
import tokenize

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


def outline(path):
    """Return the (line, heading level) pairs outside fences and the (line, text) of every fenced block."""
    headings, blocks, fence, start, body = [], [], None, 0, []
    with open(path, encoding="utf-8") as handle:
        for number, row in enumerate(handle.read().split("\n"), start=1):
            if fence is None:
                opening = re.match(r"^(`{3,})", row)
                if opening:
                    fence, start, body = opening.group(1), number, [row]
                elif re.match(r"^#{1,6} ", row):
                    headings.append((number, len(row.split(" ", 1)[0])))
            else:
                body.append(row)
                if row.rstrip() == fence:
                    blocks.append((start, "\n".join(body)))
                    fence = None
    return headings, blocks


def comparable(block):
    """The block's text, with Python comments removed so that a translated comment is no difference."""
    info, _, code = block.partition("\n")
    if not info.lstrip("`").startswith("python"):
        return block
    try:
        tokens = tokenize.generate_tokens(io.StringIO(code.rsplit("\n", 1)[0] + "\n").readline)
        kept = [(token.type, token.string) for token in tokens
                if token.type not in (tokenize.COMMENT, tokenize.NL)]
    except (tokenize.TokenError, IndentationError, SyntaxError):
        return block
    return info, kept


def language_differences(english):
    """Yield file:line messages where chapter.zh.md departs from the structure of chapter.en.md."""
    chinese = os.path.join(os.path.dirname(english), "chapter.zh.md")
    if not os.path.exists(chinese):
        yield f"{english}:1: no {chinese} next to it"
        return
    (en_headings, en_blocks), (zh_headings, zh_blocks) = outline(english), outline(chinese)
    for (en_line, en_level), (zh_line, zh_level) in zip(en_headings, zh_headings):
        if en_level != zh_level:
            yield f"{chinese}:{zh_line}: heading level {zh_level}, but {english}:{en_line} has {en_level}"
            break
    if len(en_headings) != len(zh_headings):
        yield f"{chinese}:1: {len(zh_headings)} headings, but {english} has {len(en_headings)}"
    for (en_line, en_text), (zh_line, zh_text) in zip(en_blocks, zh_blocks):
        if comparable(en_text) != comparable(zh_text):
            yield f"{chinese}:{zh_line}: fenced block differs from {english}:{en_line}"
    if len(en_blocks) != len(zh_blocks):
        yield f"{chinese}:1: {len(zh_blocks)} fenced blocks, but {english} has {len(en_blocks)}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+")
    parser.add_argument("--python", default="/usr/bin/python3", help="interpreter that has torch")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds per block")
    parser.add_argument("--quiet", action="store_true", help="print only failures")
    parser.add_argument("--compare-languages", action="store_true",
                        help="also check each chapter.en.md against its chapter.zh.md")
    arguments = parser.parse_args()

    failures = 0
    if arguments.compare_languages:
        for path in arguments.files:
            if os.path.basename(path) == "chapter.en.md":
                for message in language_differences(path):
                    print(message)
                    failures += 1
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
