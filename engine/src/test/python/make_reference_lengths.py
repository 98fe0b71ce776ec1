"""Writes engine/src/test/resources/reference/lengths.json and packed_stack.json: PyTorch reference vectors for
recurrent layers over sequences of different lengths in one batch (packed sequences). Run:
/usr/bin/python3 engine/src/test/python/make_reference_lengths.py

lengths.json: nn.RNN (tanh), nn.LSTM and nn.GRU, one layer. packed_stack.json: nn.GRU and nn.LSTM with 2 layers,
bidirectional, and nn.RNN with 2 layers in one direction (no dropout). All seq-first, float64, parameters
uniform(-0.5, 0.5), a random initial state for every layer and direction, and per-row lengths that include a full
row, a row of one step and unsorted rows. The input goes through
torch.nn.utils.rnn.pack_padded_sequence(enforce_sorted=False) and the output back through
pad_packed_sequence(total_length=seq), so outputs past a row's length are zero, a reverse direction starts at each
row's last real step, and h_n (c_n) is each row's final state per layer and direction. The loss is
L = sum(output * R) + sum(h_n * S) (+ sum(c_n * U)) for fixed random R, S, U, R nonzero at padded steps too
(their gradient must not reach anything). Recorded: output, h_n (and c_n), and dL/d of every parameter, of the
padded input, of h0 (and c0).
"""

import torch
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence

from reference_common import generator, uniform, fill_parameters, to_list, parameter_values, parameter_grads, \
    write_reference

LENGTHS = [6, 2, 4, 1]
STACK_LENGTHS = [3, 5, 1, 4]


def case(kind, seed, seq=6, input_size=3, hidden=4, layers=1, bidirectional=False, lengths=LENGTHS):
    gen = generator(seed)
    batch = len(lengths)
    dirs = 2 if bidirectional else 1
    module = {"rnn": torch.nn.RNN, "lstm": torch.nn.LSTM, "gru": torch.nn.GRU}[kind](
        input_size, hidden, num_layers=layers, bidirectional=bidirectional)
    fill_parameters(module, gen, -0.5, 0.5)
    x = uniform(gen, seq, batch, input_size, requires_grad=True)
    lstm = kind == "lstm"
    h0 = uniform(gen, layers * dirs, batch, hidden, requires_grad=True)
    c0 = uniform(gen, layers * dirs, batch, hidden, requires_grad=True) if lstm else None
    r = uniform(gen, seq, batch, dirs * hidden)
    s = uniform(gen, layers * dirs, batch, hidden)
    u = uniform(gen, layers * dirs, batch, hidden) if lstm else None

    packed = pack_padded_sequence(x, torch.tensor(lengths), enforce_sorted=False)
    if lstm:
        out_packed, (h_n, c_n) = module(packed, (h0, c0))
    else:
        out_packed, h_n = module(packed, h0)
        c_n = None
    output, _ = pad_packed_sequence(out_packed, total_length=seq)
    loss = (output * r).sum() + (h_n * s).sum() + ((c_n * u).sum() if lstm else 0)
    loss.backward()

    grads = parameter_grads(module)
    grads["input"] = to_list(x.grad)
    grads["h0"] = to_list(h0.grad)
    stacked = layers > 1 or bidirectional
    out = {
        "name": kind + ("_bidirectional" if bidirectional else "") + ("_packed" if stacked else "_lengths"),
        "kind": kind,
    }
    if stacked:
        out.update({"layers": layers, "bidirectional": bidirectional})
    out.update({
        "lengths": lengths,
        "seq": seq, "batch": batch, "input_size": input_size, "hidden_size": hidden,
        "parameters": parameter_values(module),
        "input": to_list(x),
        "h0": to_list(h0),
        "R": to_list(r),
        "S": to_list(s),
        "loss": loss.item(),
        "output": to_list(output),
        "h_n": to_list(h_n),
        "grad": grads,
    })
    if lstm:
        grads["c0"] = to_list(c0.grad)
        out["c0"] = to_list(c0)
        out["U"] = to_list(u)
        out["c_n"] = to_list(c_n)
    return out


def main():
    torch.use_deterministic_algorithms(True)
    cases = [case("rnn", 601), case("lstm", 602), case("gru", 603)]
    print(write_reference("lengths.json", {"lengths": cases}, __file__))
    stack = dict(seq=5, layers=2, lengths=STACK_LENGTHS)
    stacks = [case("gru", 701, bidirectional=True, **stack), case("lstm", 702, bidirectional=True, **stack),
              case("rnn", 703, **stack)]
    print(write_reference("packed_stack.json", {"packed_stack": stacks}, __file__))


if __name__ == "__main__":
    main()
