"""Times one training step of the vanilla RNN at (batch 32, seq 50, input 64, hidden 128) in a notebook cell of the
rnnbook kernel: the step of engine/src/jmh/java/rnnbook/bench/RnnStepBenchmark.java (same model, data, seed and
SGD), warmed up for 5 s, then timed step by step for 10 s. Prints the minimum and percentiles, to set beside JMH's
p0.00 and p0.50 from ./book bench RnnStep -f 1 -wi 3 -i 5 run in the same sitting (on a loaded machine the minimum
is the figure that load disturbs least).

Usage: JUPYTER_PATH=... /usr/bin/python3 step_time.py   (the kernelspec "rnnbook" must be on JUPYTER_PATH)
"""
from jupyter_client.manager import KernelManager

SETUP = """
import java.util.*;
import rnnbook.loss.SoftmaxCrossEntropy;
import rnnbook.nn.*;
import rnnbook.optim.Sgd;
import rnnbook.tensor.Matrix;
int batch = 32, seq = 50, input = 64, hidden = 128;
Random rng = new Random(42);
Recurrent rnn = new Recurrent(new RnnCell(input, hidden, Activation.TANH, rng));
Dense output = new Dense(hidden, input, rng);
Matrix[] xs = new Matrix[seq];
for (int t = 0; t < seq; t++) { xs[t] = Init.uniform(batch, input, 1.0, rng); }
int[] targets = new int[seq * batch];
for (int i = 0; i < targets.length; i++) { targets[i] = rng.nextInt(input); }
List<Parameter> params = new ArrayList<>(rnn.parameters());
params.addAll(output.parameters());
Sgd sgd = new Sgd(params, 0.01);
SoftmaxCrossEntropy loss = new SoftmaxCrossEntropy();
double step() {
    sgd.zeroGrad();
    Matrix logits = output.forward(Sequences.stack(rnn.forward(xs).outputs()));
    double value = loss.forward(logits, targets);
    Matrix dHidden = output.backward(loss.backward());
    rnn.backward(Sequences.split(dHidden, xs.length), null);
    sgd.step();
    return value;
}
"""

TIME = """
long warmEnd = System.nanoTime() + 5_000_000_000L;
while (System.nanoTime() < warmEnd) { step(); }
List<Double> ms = new ArrayList<>();
long end = System.nanoTime() + 10_000_000_000L;
while (System.nanoTime() < end) { long t0 = System.nanoTime(); step(); ms.add((System.nanoTime() - t0) / 1e6); }
Collections.sort(ms);
String.format("steps %d, min %.2f ms, p10 %.2f ms, median %.2f ms, p90 %.2f ms", ms.size(), ms.get(0),
        ms.get(ms.size() / 10), ms.get(ms.size() / 2), ms.get(ms.size() * 9 / 10))
"""


def main():
    km = KernelManager(kernel_name="rnnbook")
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    try:
        kc.wait_for_ready(timeout=120)
        for code in (SETUP, TIME):
            seen = []
            reply = kc.execute_interactive(code, timeout=300, output_hook=seen.append)
            if reply["content"]["status"] != "ok":
                raise SystemExit("cell failed: %r" % [m["content"] for m in seen if m["msg_type"] == "error"])
        print("notebook cell:", [m["content"]["data"]["text/plain"] for m in seen if m["msg_type"] == "execute_result"][0])
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


if __name__ == "__main__":
    main()
