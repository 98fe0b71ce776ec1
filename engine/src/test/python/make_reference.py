"""Writes engine/src/test/resources/reference/rnn.json: PyTorch reference vectors for the vanilla RNN,
cross-entropy and gradient clipping. Run: /usr/bin/python3 engine/src/test/python/make_reference.py

rnn: nn.RNN (one layer, seq-first, tanh or relu), float64, parameters drawn uniform(-0.5, 0.5). The loss is
    L = sum(output * R) + sum(h_n * S) for fixed random R (seq, batch, hidden) and S (1, batch, hidden), so
    dL/doutput = R and dL/dh_n = S. Recorded: output, h_n, and dL/d of every parameter, of the input and of h0.
    "h0_zero" cases run from a zero initial state (h0 is still a leaf tensor so that its gradient exists).
cross_entropy: nn.CrossEntropyLoss with reduction mean or sum and ignore_index -100: loss and dL/dlogits.
clip_grad_norm: torch.nn.utils.clip_grad_norm_ (L2): the total norm it returns and the clipped gradients.

make_reference_api.py uses the case functions below for more cases (reduction none, the exact clipping rule,
nn.Linear with and without bias).
"""

import torch

from reference_common import (generator, uniform, randint, fill_parameters, to_list, parameter_values,
                              parameter_grads, named_tensors, write_reference)


def rnn_case(name, seed, nonlinearity, zero_h0, seq=5, batch=3, input_size=4, hidden=6):
    gen = generator(seed)
    rnn = torch.nn.RNN(input_size, hidden, num_layers=1, nonlinearity=nonlinearity, batch_first=False)
    fill_parameters(rnn, gen, -0.5, 0.5)
    x = uniform(gen, seq, batch, input_size, requires_grad=True)
    if zero_h0:
        h0 = torch.zeros(1, batch, hidden, dtype=torch.float64, requires_grad=True)
    else:
        h0 = uniform(gen, 1, batch, hidden, requires_grad=True)
    r = uniform(gen, seq, batch, hidden)
    s = uniform(gen, 1, batch, hidden)
    output, h_n = rnn(x, h0)
    loss = (output * r).sum() + (h_n * s).sum()
    loss.backward()
    grads = parameter_grads(rnn)
    grads["input"] = to_list(x.grad)
    grads["h0"] = to_list(h0.grad)
    return {
        "name": name,
        "nonlinearity": nonlinearity,
        "zero_h0": zero_h0,
        "seq": seq, "batch": batch, "input_size": input_size, "hidden_size": hidden,
        "parameters": parameter_values(rnn),
        "input": to_list(x),
        "h0": to_list(h0),
        "R": to_list(r),
        "S": to_list(s),
        "loss": loss.item(),
        "output": to_list(output),
        "h_n": to_list(h_n),
        "grad": grads,
    }


def cross_entropy_case(name, seed, reduction, n=7, classes=5, scale=3.0, ignored=(2, 5)):
    gen = generator(seed)
    logits = uniform(gen, n, classes, low=-scale, high=scale, requires_grad=True)
    targets = randint(gen, 0, classes, n)
    for i in ignored:
        targets[i] = -100
    loss = torch.nn.CrossEntropyLoss(reduction=reduction, ignore_index=-100)(logits, targets)
    out = {
        "name": name,
        "reduction": reduction,
        "ignore_index": -100,
        "logits": to_list(logits),
        "targets": to_list(targets),
    }
    if reduction == "none":
        upstream = uniform(gen, n)
        (loss * upstream).sum().backward()
        out["upstream"] = to_list(upstream)
        out["loss"] = to_list(loss)
    else:
        loss.backward()
        out["loss"] = loss.item()
    out["grad"] = to_list(logits.grad)
    return out


def clip_case(name, seed, max_norm):
    gen = generator(seed)
    shapes = [("weight_ih_l0", (6, 4)), ("weight_hh_l0", (6, 6)), ("bias_ih_l0", (6,)), ("weight", (3, 6))]
    return clip_record(name, max_norm, [(pname, uniform(gen, *shape)) for pname, shape in shapes])


def clip_record(name, max_norm, grads):
    params = []
    for pname, g in grads:
        p = torch.zeros(*g.shape, dtype=torch.float64, requires_grad=True)
        p.grad = g.clone()
        params.append((pname, p))
    before = named_tensors((pname, p.grad.clone()) for pname, p in params)
    total = torch.nn.utils.clip_grad_norm_([p for _, p in params], max_norm)
    return {
        "name": name,
        "max_norm": max_norm,
        "grads": before,
        "total_norm": float(total),
        "clipped": named_tensors((pname, p.grad) for pname, p in params),
    }


def linear_case(name, seed, bias, batch=4, input_size=5, output_size=3):
    gen = generator(seed)
    linear = torch.nn.Linear(input_size, output_size, bias=bias)
    fill_parameters(linear, gen, -0.5, 0.5)
    x = uniform(gen, batch, input_size, requires_grad=True)
    r = uniform(gen, batch, output_size)
    y = linear(x)
    (y * r).sum().backward()
    grads = parameter_grads(linear)
    grads["input"] = to_list(x.grad)
    return {
        "name": name,
        "bias": bias,
        "input_size": input_size, "output_size": output_size,
        "parameters": parameter_values(linear),
        "input": to_list(x),
        "R": to_list(r),
        "output": to_list(y),
        "grad": grads,
    }


def main():
    torch.use_deterministic_algorithms(True)
    cases = {
        "rnn": [
            rnn_case("tanh_h0_zero", 101, "tanh", True),
            rnn_case("tanh_h0_random", 102, "tanh", False),
            rnn_case("relu_h0_zero", 103, "relu", True),
            rnn_case("relu_h0_random", 104, "relu", False),
        ],
        "cross_entropy": [
            cross_entropy_case("mean_with_ignored", 201, "mean"),
            cross_entropy_case("sum_with_ignored", 202, "sum"),
            cross_entropy_case("mean_large_logits", 203, "mean", scale=300.0, ignored=(0,)),
            cross_entropy_case("sum_no_ignored", 204, "sum", ignored=()),
        ],
        "clip_grad_norm": [
            clip_case("clips", 301, 1.0),
            clip_case("leaves_alone", 302, 100.0),
        ],
    }
    print(write_reference("rnn.json", cases, __file__))


if __name__ == "__main__":
    main()
