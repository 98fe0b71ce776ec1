#!/usr/bin/python3
"""Makes chapter 9's CI-scale samples from the real data sets in the cache (./book data fetch NAME first).

The engine ships a few lines of each set, enough to test a loader but too little to learn a language model from.
Chapter 9 ships a larger cut of four sets (tens of KB), in each package's own layout, so that its programs learn
something real at CI scale without the network. Run from the repository root:
    /usr/bin/python3 chapters/src/test/python/make_ch09_samples.py
"""
import json
import os
import pathlib

CACHE = pathlib.Path(os.environ.get("RNNBOOK_DATA", pathlib.Path.home() / ".cache/rnnbook/data"))
OUT = pathlib.Path("chapters/src/main/resources/rnnbook/chapters/ch09/samples")


def write(rel, text):
    p = OUT / rel
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(text, encoding="utf-8")


# Moby-Dick: the first two chapters, whole
for name in ["chapter_1.json", "chapter_2.json"]:
    write("moby-dick/package/data/" + name, (CACHE / "moby-dick-0.2.3/package/data" / name).read_text("utf-8"))

# first names: every 8th name of each list (alphabetical lists, so every initial letter stays)
for s in ["female-first-names-en", "male-first-names-en"]:
    names = (CACHE / (s + "-0.2.3") / "package/data/names.txt").read_text("utf-8").splitlines()
    write(s + "/package/data/names.txt", "\n".join(names[::8]) + "\n")

# Korean tweets: the first 150
tweets = (CACHE / "korean-text-2.3.1/org/openkoreantext/processor/util/example_tweets.txt").read_text("utf-8")
write("korean-text/org/openkoreantext/processor/util/example_tweets.txt", "\n".join(tweets.splitlines()[:150]) + "\n")

# State of the Union: three recent addresses, each cut after its first 9,000 characters (at a sentence end)
for name in ["2019_donald_j_trump_r.json", "2020_donald_j_trump_r.json", "2021_joseph_r_biden_d.json"]:
    d = json.loads((CACHE / "sotu-0.2.3/package/data" / name).read_text("utf-8"))
    cut = d["text"].rfind(". ", 0, 9000) + 1
    d["text"] = d["text"][:cut]
    write("sotu/package/data/" + name, json.dumps(d, ensure_ascii=False))
