"""The PyTorch side of the gated benchmarks (rnnbook.bench.GatedStepBenchmark and CharRnnBenchmark): one training
step of nn.LSTM / nn.GRU and of a character LSTM, float64, 2 threads, same sitting, same machine.

Run: /usr/bin/python3 engine/src/jmh/python/torch_bench_gated.py [--quick] [--threads N] [--only lstm|gru|char]
     [--json FILE]   (FILE gets each case's median and fastest step in ms, for compare.py)

gated step: nn.LSTM or nn.GRU(input, hidden) over (seq, batch, input) uniform(-1, 1), nn.Linear(hidden, input) on
    every step's output, mean cross-entropy against fixed random targets in [0, input), full BPTT, SGD lr 0.01,
    gradients zeroed each step (the step of torch_bench.py with the gated cell in place of nn.RNN).
char-RNN: one-hot characters (vocab 65) into nn.LSTM(65, 128), nn.Linear(128, 65), mean cross-entropy against the
    next characters, batch 32, seq 64, the same step.
Times are the minimum, median and quartiles of single-step timings after warmup. On a shared, loaded machine
the minimum is the closest to the step's own cost: PyTorch's two OpenMP threads wait for each other at every
operation, and when another process holds one of the cores those waits grow to many milliseconds.
"""

import json
import os
import statistics
import sys
import time

os.environ.setdefault("OMP_NUM_THREADS", "2")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "2")

import torch  # noqa: E402

from torch_bench import THREADS, loaded_blas  # noqa: E402

GATED_SHAPES = [(32, 50, 64, 128), (1, 100, 32, 32), (64, 35, 256, 256)]   # (batch, seq, input, hidden)
CHAR_VOCAB, CHAR_HIDDEN, CHAR_BATCH, CHAR_SEQ = 65, 128, 32, 64


def timed(fn, warmup, iterations):
    """(min, median, q1, q3) in seconds of single calls of fn after `warmup` calls."""
    for _ in range(warmup):
        fn()
    samples = []
    for _ in range(iterations):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    q = statistics.quantiles(samples, n=4)
    return min(samples), statistics.median(samples), q[0], q[2]


def training_step(module, out_layer, x, targets):
    params = list(module.parameters()) + list(out_layer.parameters())
    opt = torch.optim.SGD(params, lr=0.01)
    loss_fn = torch.nn.CrossEntropyLoss()
    seq, batch = x.shape[0], x.shape[1]
    hidden = module.hidden_size

    def step():
        opt.zero_grad()
        out, _ = module(x)
        logits = out_layer(out.reshape(seq * batch, hidden))
        loss = loss_fn(logits, targets)
        loss.backward()
        opt.step()

    return step


def gated_step(kind, batch, seq, input_size, hidden):
    g = torch.Generator()
    g.manual_seed(42)
    module = {"lstm": torch.nn.LSTM, "gru": torch.nn.GRU}[kind](input_size, hidden).double()
    out_layer = torch.nn.Linear(hidden, input_size).double()
    x = torch.rand(seq, batch, input_size, generator=g, dtype=torch.float64) * 2 - 1
    targets = torch.randint(0, input_size, (seq * batch,), generator=g)
    return training_step(module, out_layer, x, targets)


def char_rnn_step():
    g = torch.Generator()
    g.manual_seed(42)
    module = torch.nn.LSTM(CHAR_VOCAB, CHAR_HIDDEN).double()
    out_layer = torch.nn.Linear(CHAR_HIDDEN, CHAR_VOCAB).double()
    text = torch.randint(0, CHAR_VOCAB, (CHAR_SEQ + 1, CHAR_BATCH), generator=g)
    x = torch.nn.functional.one_hot(text[:-1], CHAR_VOCAB).double()
    targets = text[1:].reshape(-1)
    return training_step(module, out_layer, x, targets)


def option(name, default):
    if name in sys.argv:
        return sys.argv[sys.argv.index(name) + 1]
    return default


MEDIANS = {}   # case -> median ms and "case min" -> fastest step, for --json (keys compare.py matches to JMH's)


def report(label, result, key):
    best, median, q1, q3 = (v * 1e3 for v in result)
    print("  %-48s min %8.3f  median %8.3f ms  [%.3f, %.3f]" % (label, best, median, q1, q3))
    MEDIANS[key] = median
    MEDIANS[key + " min"] = best


def main():
    quick = "--quick" in sys.argv
    threads = int(option("--threads", THREADS))
    only = option("--only", None)
    torch.set_num_threads(threads)
    with open("/proc/loadavg") as f:
        load = " ".join(f.read().split()[:3])
    print("torch %s, threads %d, load average %s" % (torch.__version__, torch.get_num_threads(), load))
    torch.mm(torch.ones(64, 64, dtype=torch.float64), torch.ones(64, 64, dtype=torch.float64))
    print("BLAS loaded: " + ", ".join(loaded_blas()))
    print("training step (forward, loss, backward, SGD), float64")
    for kind in ("lstm", "gru"):
        if only not in (None, kind):
            continue
        for batch, seq, input_size, hidden in GATED_SHAPES:
            iterations = 15 if quick else (40 if batch * hidden >= 64 * 256 else 100)
            result = timed(gated_step(kind, batch, seq, input_size, hidden), 5, iterations)
            report("%s batch=%d seq=%d input=%d hidden=%d" % (kind, batch, seq, input_size, hidden), result,
                   "%s %dx%dx%dx%d" % (kind, batch, seq, input_size, hidden))
    if only in (None, "char"):
        result = timed(char_rnn_step(), 5, 15 if quick else 100)
        report("char-RNN vocab=%d lstm=%d batch=%d seq=%d" % (CHAR_VOCAB, CHAR_HIDDEN, CHAR_BATCH, CHAR_SEQ),
               result, "char-rnn")
    with open("/proc/loadavg") as f:
        print("load average after: " + " ".join(f.read().split()[:3]))
    out = option("--json", None)
    if out:
        with open(out, "w") as f:
            json.dump(MEDIANS, f, indent=1)


if __name__ == "__main__":
    main()
