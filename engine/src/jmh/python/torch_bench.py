"""The PyTorch side of `./book bench`: the same training step as rnnbook.bench.RnnStepBenchmark, and OpenBLAS
dgemm (through numpy and torch) at the sizes of rnnbook.bench.GemmBenchmark, so the engine can be compared with
what a learner would use next, on the same machine, in the same sitting.

Run: /usr/bin/python3 engine/src/jmh/python/torch_bench.py [--quick] [--threads N] [--json FILE]   (N defaults to 2;
FILE gets each step's median in ms and numpy's dgemm GFLOP/s, for compare.py)
Needs Debian's python3-torch, python3-numpy and libopenblas0-openmp (without it Debian's torch and numpy fall
back to the slow reference BLAS); the script prints which BLAS library the process actually loaded.

Step: nn.RNN(input, hidden, tanh) over (seq, batch, input), nn.Linear(hidden, input) on every step's output,
mean cross-entropy against fixed random targets in [0, input), full BPTT, SGD lr 0.01, gradients zeroed each step.
Float64, torch.set_num_threads(2). Times are the median (and quartiles) of many single-step timings after warmup.
"""

import json
import os
import sys


def _threads(argv):
    if "--threads" in argv:
        return int(argv[argv.index("--threads") + 1])
    return 2


THREADS = _threads(sys.argv)
# the same number of threads for OpenBLAS (OpenMP build) and torch; set before numpy and torch load the library
os.environ.setdefault("OMP_NUM_THREADS", str(THREADS))
os.environ.setdefault("OPENBLAS_NUM_THREADS", str(THREADS))

import statistics  # noqa: E402
import time  # noqa: E402

import numpy as np  # noqa: E402
import torch  # noqa: E402

STEP_SHAPES = [(32, 50, 64, 128), (1, 100, 32, 32)]   # (batch, seq, input, hidden)
SQUARE = [64, 128, 256, 512]
# (m, k, n) of the products inside the (32, 50, 64, 128) step: x·W_ihᵀ, h·W_hhᵀ, daᵀ·h, and the output layer
RNN_PRODUCTS = [(32, 64, 128), (32, 128, 128), (128, 32, 128), (1600, 128, 64), (1, 32, 32)]


def loaded_blas():
    """The BLAS shared objects mapped into this process (proof of which library dgemm really runs in)."""
    libs = set()
    with open("/proc/self/maps") as f:
        for line in f:
            path = line.split()[-1]
            if "blas" in path or "lapack" in path:
                libs.add(os.path.realpath(path))
    return sorted(libs) + openblas_kernel()


def openblas_kernel():
    """Which OpenBLAS kernel runs dgemm: its core name (the CPU it detected or OPENBLAS_CORETYPE forced) and its
    build configuration string, read from the loaded library itself; threadpoolctl (Debian's
    python3-threadpoolctl) when installed, else OpenBLAS's own openblas_get_corename/openblas_get_config."""
    try:
        import threadpoolctl
        for info in threadpoolctl.threadpool_info():
            if info.get("internal_api") == "openblas":
                return ["OpenBLAS %s core %s, %s threads (threadpoolctl)" % (
                    info.get("version"), info.get("architecture"), info.get("num_threads"))]
    except ImportError:
        pass
    import ctypes
    for lib in sorted(libs_named("openblas")):
        so = ctypes.CDLL(lib)
        so.openblas_get_corename.restype = ctypes.c_char_p
        so.openblas_get_config.restype = ctypes.c_char_p
        return ["OpenBLAS core %s, config %s" % (so.openblas_get_corename().decode(), so.openblas_get_config().decode())]
    return ["no OpenBLAS loaded"]


def libs_named(word):
    with open("/proc/self/maps") as f:
        return {os.path.realpath(line.split()[-1]) for line in f if word in line.split()[-1]}


def timed(fn, warmup, iterations):
    for _ in range(warmup):
        fn()
    samples = []
    for _ in range(iterations):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    q = statistics.quantiles(samples, n=4)
    return statistics.median(samples), q[0], q[2], min(samples)


def step_benchmark(batch, seq, input_size, hidden, quick):
    g = torch.Generator()
    g.manual_seed(42)
    rnn = torch.nn.RNN(input_size, hidden, nonlinearity="tanh").double()
    out_layer = torch.nn.Linear(hidden, input_size).double()
    params = list(rnn.parameters()) + list(out_layer.parameters())
    opt = torch.optim.SGD(params, lr=0.01)
    loss_fn = torch.nn.CrossEntropyLoss()
    x = torch.rand(seq, batch, input_size, generator=g, dtype=torch.float64) * 2 - 1
    targets = torch.randint(0, input_size, (seq * batch,), generator=g)

    def step():
        opt.zero_grad()
        out, _ = rnn(x)
        logits = out_layer(out.reshape(seq * batch, hidden))
        loss = loss_fn(logits, targets)
        loss.backward()
        opt.step()

    iterations = 30 if quick else 200
    return timed(step, 20, iterations)


def gemm_gflops(m, k, n, quick):
    rng = np.random.default_rng(7)
    a = rng.uniform(-1, 1, (m, k))
    b = rng.uniform(-1, 1, (k, n))
    c = np.empty((m, n))
    ta, tb = torch.from_numpy(a), torch.from_numpy(b)
    tc = torch.empty(m, n, dtype=torch.float64)
    flops = 2.0 * m * k * n
    # repeat small products inside one timing so the clock's resolution does not dominate
    reps = max(1, int(2e6 // flops))
    iterations = 20 if quick else 100

    def np_mm():
        for _ in range(reps):
            np.matmul(a, b, out=c)

    def torch_mm():
        for _ in range(reps):
            torch.mm(ta, tb, out=tc)

    np_median = timed(np_mm, 5, iterations)[0] / reps
    torch_median = timed(torch_mm, 5, iterations)[0] / reps
    return flops / np_median / 1e9, flops / torch_median / 1e9


def main():
    quick = "--quick" in sys.argv
    torch.set_num_threads(THREADS)
    torch.manual_seed(0)
    with open("/proc/loadavg") as f:
        load = " ".join(f.read().split()[:3])
    print("torch %s, numpy %s, torch threads %d, load average %s" % (
        torch.__version__, np.__version__, torch.get_num_threads(), load))
    np.matmul(np.ones((64, 64)), np.ones((64, 64)))
    torch.mm(torch.ones(64, 64, dtype=torch.float64), torch.ones(64, 64, dtype=torch.float64))
    print("BLAS loaded: " + ", ".join(loaded_blas()))
    print()
    print("training step (forward, loss, backward, SGD), float64: median [q1, q3] ms")
    medians = {}   # for --json: case -> median ms (and "case min" -> fastest step), or GFLOP/s for the products
    for batch, seq, input_size, hidden in STEP_SHAPES:
        median, q1, q3, best = step_benchmark(batch, seq, input_size, hidden, quick)
        print("  step batch=%-3d seq=%-3d input=%-3d hidden=%-3d  %8.3f ms  [%.3f, %.3f]  min %.3f" % (
            batch, seq, input_size, hidden, median * 1e3, q1 * 1e3, q3 * 1e3, best * 1e3))
        case = "rnn %dx%dx%dx%d" % (batch, seq, input_size, hidden)
        medians[case] = median * 1e3
        medians[case + " min"] = best * 1e3
    print()
    print("dgemm C = A(m,k)·B(k,n), float64: GFLOP/s (median)")
    for m, k, n in [(s, s, s) for s in SQUARE] + RNN_PRODUCTS:
        np_g, torch_g = gemm_gflops(m, k, n, quick)
        print("  gemm m=%-4d k=%-4d n=%-4d  numpy %7.2f  torch %7.2f" % (m, k, n, np_g, torch_g))
        medians["gemm %dx%dx%d" % (m, k, n)] = np_g
    if "--json" in sys.argv:
        with open(sys.argv[sys.argv.index("--json") + 1], "w") as f:
            json.dump(medians, f, indent=1)


if __name__ == "__main__":
    main()
