"""Writes engine/src/test/resources/reference/api.json: PyTorch reference vectors for the parts of PyTorch's API
that learners meet first and the engine mirrors. Run: /usr/bin/python3 engine/src/test/python/make_reference_api.py

A file of its own, so that adding these cases leaves rnn.json and gated.json as they were written (PyTorch's
float64 results can differ in the last bit between builds and machines; rewriting them would only add noise).

stacked: nn.RNN with nonlinearity='relu' (deep and bidirectional), and nn.RNN, nn.LSTM, nn.GRU with bias=False;
    the same fields as gated.json (make_reference_gated.case), plus "bias".
cross_entropy: nn.CrossEntropyLoss(reduction='none'): one loss per row (0 for an ignored row); the gradient is that
    of L = sum(loss * W) for fixed random weights W (so dL/dloss = W), recorded as "upstream".
clip_grad_norm: clip_grad_norm_'s exact rule, coef = min(1, max_norm / (total + 1e-6)), always applied: gradients
    whose total norm is exactly 5.0 (every square a multiple of 1/4, so any summation order gives 25 exactly),
    with max_norm equal to it (PyTorch still scales, by 5 / (5 + 1e-6)), just above it (scaled a little) and well
    above it (left alone).
linear: nn.Linear with and without bias, parameters uniform(-0.5, 0.5); L = sum(y * R): y and the gradients of
    the parameters and of the input.
"""

import torch

from make_reference import cross_entropy_case, clip_record, linear_case
from make_reference_gated import case
from reference_common import write_reference


def exact_clip_case(name, max_norm):
    grads = [("weight", torch.tensor([[1.5, -2.0], [0.5, 2.5]], dtype=torch.float64)),   # squares sum to 12.75
             ("bias", torch.tensor([-3.0, 1.0, 1.5], dtype=torch.float64))]             # squares sum to 12.25
    return clip_record(name, max_norm, grads)


def main():
    torch.use_deterministic_algorithms(True)
    specs = [
        # name, seed, kind, layers, bidirectional, bias
        ("rnn_relu_2_layers", 601, "rnn_relu", 2, False, True),
        ("rnn_relu_bidirectional_no_bias", 602, "rnn_relu", 1, True, False),
        ("rnn_tanh_2_layers_no_bias", 603, "rnn_tanh", 2, False, False),
        ("lstm_2_layers_no_bias", 604, "lstm", 2, False, False),
        ("gru_bidirectional_no_bias", 605, "gru", 1, True, False),
    ]
    stacked = []
    for name, seed, kind, layers, bidirectional, bias in specs:
        stacked.append(case(name + "_state_zero", seed, kind, layers, bidirectional, True, bias=bias))
        stacked.append(case(name + "_state_random", seed + 50, kind, layers, bidirectional, False, bias=bias))
    cases = {
        "stacked": stacked,
        "cross_entropy": [
            cross_entropy_case("none_with_ignored", 701, "none"),
            cross_entropy_case("none_large_logits", 702, "none", scale=300.0, ignored=(3,)),
        ],
        "clip_grad_norm": [
            exact_clip_case("total_exactly_max_norm", 5.0),
            exact_clip_case("total_just_below_max_norm", 5.0000005),
            exact_clip_case("total_well_below_max_norm", 5.001),
        ],
        "linear": [
            linear_case("with_bias", 801, True),
            linear_case("without_bias", 802, False),
        ],
    }
    print(write_reference("api.json", cases, __file__))


if __name__ == "__main__":
    main()
