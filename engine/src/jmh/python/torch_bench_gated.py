"""The PyTorch side of the gated benchmarks (rnnbook.bench.GatedStepBenchmark and CharRnnBenchmark): one training
step of nn.LSTM / nn.GRU and of a character LSTM, float64, 2 threads, same sitting, same machine.

Run: /usr/bin/python3 engine/src/jmh/python/torch_bench_gated.py [--quick]

gated step: nn.LSTM or nn.GRU(input, hidden) over (seq, batch, input) uniform(-1, 1), nn.Linear(hidden, input) on
    every step's output, mean cross-entropy against fixed random targets in [0, input), full BPTT, SGD lr 0.01,
    gradients zeroed each step (the step of torch_bench.py with the gated cell in place of nn.RNN).
char-RNN: one-hot characters (vocab 65) into nn.LSTM(65, 128), nn.Linear(128, 65), mean cross-entropy against the
    next characters, batch 32, seq 64, the same step.
Times are the median (and quartiles) of single-step timings after warmup.
"""

import os
import sys

os.environ.setdefault("OMP_NUM_THREADS", "2")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "2")

import torch  # noqa: E402

from torch_bench import THREADS, timed, loaded_blas  # noqa: E402

GATED_SHAPES = [(32, 50, 64, 128), (1, 100, 32, 32), (64, 35, 256, 256)]   # (batch, seq, input, hidden)
CHAR_VOCAB, CHAR_HIDDEN, CHAR_BATCH, CHAR_SEQ = 65, 128, 32, 64


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


def main():
    quick = "--quick" in sys.argv
    torch.set_num_threads(THREADS)
    with open("/proc/loadavg") as f:
        load = " ".join(f.read().split()[:3])
    print("torch %s, threads %d, load average %s" % (torch.__version__, torch.get_num_threads(), load))
    torch.mm(torch.ones(64, 64, dtype=torch.float64), torch.ones(64, 64, dtype=torch.float64))
    print("BLAS loaded: " + ", ".join(loaded_blas()))
    print("training step (forward, loss, backward, SGD), float64: median [q1, q3] ms")
    for kind in ("lstm", "gru"):
        for batch, seq, input_size, hidden in GATED_SHAPES:
            iterations = 15 if quick else (40 if batch * hidden >= 64 * 256 else 100)
            median, q1, q3 = timed(gated_step(kind, batch, seq, input_size, hidden), 5, iterations)
            print("  %-4s batch=%-3d seq=%-3d input=%-3d hidden=%-3d  %8.3f ms  [%.3f, %.3f]" % (
                kind, batch, seq, input_size, hidden, median * 1e3, q1 * 1e3, q3 * 1e3))
    median, q1, q3 = timed(char_rnn_step(), 5, 15 if quick else 100)
    print("  char-RNN vocab=%d lstm=%d batch=%d seq=%d  %8.3f ms  [%.3f, %.3f]" % (
        CHAR_VOCAB, CHAR_HIDDEN, CHAR_BATCH, CHAR_SEQ, median * 1e3, q1 * 1e3, q3 * 1e3))
    with open("/proc/loadavg") as f:
        print("load average after: " + " ".join(f.read().split()[:3]))


if __name__ == "__main__":
    main()
