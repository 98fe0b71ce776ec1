"""Writes engine/src/test/resources/reference/gated.json: PyTorch reference vectors for the gated and deep
recurrent layers. Run: /usr/bin/python3 engine/src/test/python/make_reference_gated.py

Cases (each with a zero and a random initial state): nn.LSTM, nn.GRU, 2-layer nn.LSTM, bidirectional nn.GRU,
bidirectional 2-layer nn.LSTM; seq-first, float64, parameters drawn uniform(-0.5, 0.5), no dropout.
The loss is L = sum(output * R) + sum(h_n * S) (+ sum(c_n * U) for the LSTM) for fixed random R, S, U, so
dL/doutput = R, dL/dh_n = S and dL/dc_n = U. Recorded: output, h_n (and c_n), and dL/d of every parameter, of the
input, of h0 (and c0). Zero-state cases still make h0 (and c0) leaf tensors so that their gradients exist.
"""

import torch

from reference_common import generator, uniform, fill_parameters, to_list, parameter_values, parameter_grads, \
    write_reference


MODULES = {
    "lstm": lambda *a, **k: torch.nn.LSTM(*a, **k),
    "gru": lambda *a, **k: torch.nn.GRU(*a, **k),
    "rnn_tanh": lambda *a, **k: torch.nn.RNN(*a, nonlinearity="tanh", **k),
    "rnn_relu": lambda *a, **k: torch.nn.RNN(*a, nonlinearity="relu", **k),
}


def case(name, seed, kind, layers, bidirectional, zero_state, seq=5, batch=3, input_size=4, hidden=5, bias=None):
    """kind: lstm, gru, rnn_tanh or rnn_relu. bias None builds the module as gated.json always did and records no
    "bias" key; True or False is passed to the module as its bias argument and recorded."""
    gen = generator(seed)
    options = {} if bias is None else {"bias": bias}
    module = MODULES[kind](input_size, hidden, num_layers=layers, bidirectional=bidirectional, batch_first=False,
                           **options)
    fill_parameters(module, gen, -0.5, 0.5)
    states = layers * (2 if bidirectional else 1)
    x = uniform(gen, seq, batch, input_size, requires_grad=True)
    lstm = kind == "lstm"

    def initial():
        if zero_state:
            return torch.zeros(states, batch, hidden, dtype=torch.float64, requires_grad=True)
        return uniform(gen, states, batch, hidden, requires_grad=True)

    h0 = initial()
    c0 = initial() if lstm else None
    width = hidden * (2 if bidirectional else 1)
    r = uniform(gen, seq, batch, width)
    s = uniform(gen, states, batch, hidden)
    u = uniform(gen, states, batch, hidden) if lstm else None

    if lstm:
        output, (h_n, c_n) = module(x, (h0, c0))
        loss = (output * r).sum() + (h_n * s).sum() + (c_n * u).sum()
    else:
        output, h_n = module(x, h0)
        c_n = None
        loss = (output * r).sum() + (h_n * s).sum()
    loss.backward()

    grads = parameter_grads(module)
    grads["input"] = to_list(x.grad)
    grads["h0"] = to_list(h0.grad)
    if lstm:
        grads["c0"] = to_list(c0.grad)
    out = {
        "name": name,
        "kind": kind,
        **({} if bias is None else {"bias": bias}),
        "num_layers": layers,
        "bidirectional": bidirectional,
        "zero_state": zero_state,
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
    }
    if lstm:
        out["c0"] = to_list(c0)
        out["U"] = to_list(u)
        out["c_n"] = to_list(c_n)
    return out


def main():
    torch.use_deterministic_algorithms(True)
    specs = [
        ("lstm", 401, "lstm", 1, False),
        ("gru", 402, "gru", 1, False),
        ("lstm_2_layers", 403, "lstm", 2, False),
        ("gru_bidirectional", 404, "gru", 1, True),
        ("lstm_2_layers_bidirectional", 405, "lstm", 2, True),
    ]
    cases = []
    for name, seed, kind, layers, bidirectional in specs:
        cases.append(case(name + "_state_zero", seed, kind, layers, bidirectional, True))
        cases.append(case(name + "_state_random", seed + 50, kind, layers, bidirectional, False))
    print(write_reference("gated.json", {"gated": cases}, __file__))


if __name__ == "__main__":
    main()
