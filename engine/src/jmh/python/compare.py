"""Puts the engine's JMH medians next to PyTorch's, measured in the same sitting (`./book bench --compare`).

Run: python3 compare.py ENGINE.json TORCH.json [TORCH_GATED.json ...]
ENGINE.json is JMH's `-rf json` output of RnnStepBenchmark, GatedStepBenchmark, CharRnnBenchmark (sample mode:
the p0.50 percentile is the median) and GemmBenchmark (GFLOP/s); the TORCH files come from torch_bench.py and
torch_bench_gated.py with `--json`. Prints a Markdown table: case, engine, PyTorch, ratio, and the issue's target.
"""

import json
import sys

# the targets the engine issues set: step time as a multiple of PyTorch's
TARGETS = {"32x50x64x128": 1.0, "1x100x32x32": 0.5, "char-rnn": 1.0}


def engine_results(path):
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
        median = metric["scorePercentiles"]["50.0"]
        if name == "RnnStepBenchmark":
            steps["rnn " + params["shape"]] = median
        elif name == "GatedStepBenchmark":
            steps[params["cell"] + " " + params["shape"]] = median
        elif name == "CharRnnBenchmark":
            steps["char-rnn"] = median
    return steps, gemm


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    steps, gemm = engine_results(sys.argv[1])
    torch = {}
    for path in sys.argv[2:]:
        torch.update(json.load(open(path)))
    print("| step | engine (ms) | PyTorch (ms) | ratio | target |")
    print("|---|---|---|---|---|")
    for case, ms in steps.items():
        if case not in torch:
            continue
        ratio = ms / torch[case]
        target = TARGETS.get(case.split()[-1])
        verdict = "" if target is None else ("<= %.1f: %s" % (target, "met" if ratio <= target else "MISSED"))
        print("| %s | %.3f | %.3f | %.2fx | %s |" % (case, ms, torch[case], ratio, verdict))
    if gemm:
        print()
        print("| product (m x k x n) | engine GFLOP/s | OpenBLAS (numpy) GFLOP/s | share |")
        print("|---|---|---|---|")
        for case, g in gemm.items():
            if case in torch:
                print("| %s | %.1f | %.1f | %.0f%% |" % (case.split()[1], g, torch[case], 100 * g / torch[case]))


if __name__ == "__main__":
    main()
