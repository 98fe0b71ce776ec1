#!/usr/bin/python3
"""Writes chapter 10's CI-scale samples from the real sets in the cache (run `./book data fetch NAME` first).

The engine ships a few lines of each set, enough to test a loader but too few to train a classifier or a forecaster
on. Chapter 10 runs at CI scale on these larger, still small, subsets, in each package's own layout so that the
engine's loaders read them unchanged:
  sentiment-sentences: 120 sentences of each source (60 negative, 60 positive), drawn with a fixed seed;
  spam-assassin:       24 spam, 24 easy ham and 12 hard ham, each kept as its Subject line and the first
                       600 characters of its body (the chapter reads nothing else);
  us-births:           the first two years, 1969 and 1970 (730 days).
Usage: make_ch10_samples.py [CACHE] (default ~/.cache/rnnbook/data).
"""
import csv
import io
import json
import os
import random
import sys

CACHE = sys.argv[1] if len(sys.argv) > 1 else os.path.expanduser("~/.cache/rnnbook/data")
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "resources", "rnnbook", "chapters", "ch10", "samples")


def write(path, text):
    path = os.path.join(OUT, path)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="") as f:
        f.write(text)
    os.replace(tmp, path)


def sentiment():
    for source in ("yelp", "amazon", "imdb"):
        with open(os.path.join(CACHE, "sentiment-sentences-5.0.2/package/test/fixtures", source + ".json"),
                  encoding="utf-8") as f:
            rows = [r for r in json.load(f) if r["class"] is not None]
        rng = random.Random(10)
        picked = []
        for label in (0, 1):
            same = [r for r in rows if r["class"] == label]
            picked += rng.sample(same, 60)
        picked.sort(key=rows.index)   # file order
        write("sentiment-sentences/package/test/fixtures/" + source + ".json", json.dumps(picked))


def spam():
    base = os.path.join(CACHE, "spam-assassin-0.2.3/package/data")
    rng = random.Random(10)
    for groups, n in ((("spam-1", "spam-2"), 24), (("easy-ham-1", "easy-ham-2"), 24), (("hard-ham-1",), 12)):
        files = sorted(os.path.join(g, name) for g in groups for name in os.listdir(os.path.join(base, g)))
        for rel in rng.sample(files, n):
            with open(os.path.join(base, rel), encoding="utf-8") as f:
                message = json.load(f)
            head, _, body = message["text"].partition("\n\n")
            subject = next((line for line in head.split("\n") if line.lower().startswith("subject:")), "Subject:")
            kept = {"id": message["id"], "group": message["group"], "text": subject + "\n\n" + body[:600]}
            write("spam-assassin/package/data/" + rel, json.dumps(kept))


def births():
    with open(os.path.join(CACHE, "us-births-0.2.3/package/data/data.csv"), encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(rows[0])
    w.writerows(r for r in rows[1:] if r[0] in ("1969", "1970"))
    write("us-births/package/data/data.csv", out.getvalue())


sentiment()
spam()
births()
