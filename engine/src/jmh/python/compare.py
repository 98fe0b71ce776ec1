"""Puts the engine's JMH medians next to PyTorch's, measured in the same sitting (`./book bench --compare`).

Run: python3 compare.py ROUND_DIR [ROUND_DIR ...]
Each ROUND_DIR holds one round: engine.json, JMH's `-rf json` output of RnnStepBenchmark, GatedStepBenchmark,
CharRnnBenchmark (sample mode: the p0.50 percentile is the median) and GemmBenchmark (GFLOP/s), and torch.json and
torch_gated.json from torch_bench.py and torch_bench_gated.py with `--json`, run right after the engine. Prints a
Markdown table: case, the engine's and PyTorch's medians over the rounds (each round's value is its own median),
their ratio, every round's own ratio (how much the machine drifted), the fastest step either side took in any
round and their ratio, and the issue's target (judged on the medians).

Why the minima: on a shared machine a neighbour's burst of work slows every step it overlaps, and a burst during
a few seconds of one side's run moves that side's median by tens of percent (seen: the engine's LSTM-256 median
at 102, 142 and 152 ms in three rounds whose fastest steps were 96, 103 and 101 ms). The fastest step is the
closest either side gets to its own cost; the medians are still the measure the targets are set on.
"""

import json
import os
import statistics
import sys

# the targets the engine issues set: step time as a multiple of PyTorch's
TARGETS = {"32x50x64x128": 1.0, "1x100x32x32": 0.5, "char-rnn": 1.0}


def engine_results(path):
    """The engine's step medians (and, under "case min", its fastest steps) and its products' GFLOP/s."""
    steps, gemm = {}, {}
    for r in json.load(open(path)):
        name = r["benchmark"].rsplit(".", 2)[-2]
        params = r.get("params", {})
        metric = r["primaryMetric"]
        if name == "GemmBenchmark":
            flops = r.get("secondaryMetrics", {}).get("flop")
            if flops and params.get("op", "nn") == "nn":
                gemm["gemm " + params["shape"]] = flops["score"]
            continue
        if name == "RnnStepBenchmark":
            case = "rnn " + params["shape"]
        elif name == "GatedStepBenchmark":
            case = params["cell"] + " " + params["shape"]
        elif name == "CharRnnBenchmark":
            case = "char-rnn"
        else:
            continue
        steps[case] = metric["scorePercentiles"]["50.0"]
        steps[case + " min"] = metric["scorePercentiles"]["0.0"]
    return steps, gemm


def paired(rounds, side, case):
    """(engine, PyTorch) for one case in every round that measured it on both sides; side 0 steps, 1 products."""
    return [(r[side][case], r[2][case]) for r in rounds if case in r[side] and case in r[2]]


def medians(pairs):
    return statistics.median(e for e, _ in pairs), statistics.median(t for _, t in pairs)


def main():
    if len(sys.argv) < 2 or not all(os.path.isdir(d) for d in sys.argv[1:]):
        sys.exit(__doc__)
    rounds = []   # per round: (engine steps, engine gemm, torch)
    for d in sys.argv[1:]:
        steps, gemm = engine_results(os.path.join(d, "engine.json"))
        torch = {}
        for name in ("torch.json", "torch_gated.json"):
            torch.update(json.load(open(os.path.join(d, name))))
        rounds.append((steps, gemm, torch))
    print("| step | engine (ms) | PyTorch (ms) | ratio | ratio in each round | fastest steps (ms) "
          "| ratio of fastest | target |")
    print("|---|---|---|---|---|---|---|---|")
    for case in rounds[0][0]:
        if case.endswith(" min"):
            continue
        pairs = paired(rounds, 0, case)
        if not pairs:
            continue
        ms, theirs = medians(pairs)
        ratio = ms / theirs
        each = ", ".join("%.2f" % (e / t) for e, t in pairs)
        fastest = paired(rounds, 0, case + " min")   # empty for PyTorch results written without minima
        if fastest:
            mine, their = min(e for e, _ in fastest), min(t for _, t in fastest)
            best = "%.3f / %.3f | %.2fx" % (mine, their, mine / their)
        else:
            best = "- | -"
        target = TARGETS.get(case.split()[-1])
        verdict = "" if target is None else ("<= %.1f: %s" % (target, "met" if ratio <= target else "MISSED"))
        print("| %s | %.3f | %.3f | %.2fx | %s | %s | %s |" % (case, ms, theirs, ratio, each, best, verdict))
    if rounds[0][1]:
        print()
        print("| product (m x k x n) | engine GFLOP/s | OpenBLAS (numpy) GFLOP/s | share | share in each round |")
        print("|---|---|---|---|---|")
        for case in rounds[0][1]:
            pairs = paired(rounds, 1, case)
            if not pairs:
                continue
            g, theirs = medians(pairs)
            each = ", ".join("%.0f%%" % (100 * e / t) for e, t in pairs)
            print("| %s | %.1f | %.1f | %.0f%% | %s |" % (case.split()[1], g, theirs, 100 * g / theirs, each))


if __name__ == "__main__":
    main()
