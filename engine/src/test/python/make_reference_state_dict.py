"""Writes a PyTorch state_dict in the engine's parameter format, and what PyTorch computes with it:
  engine/src/test/resources/reference/lstm_2_layers_bidirectional.params  (export_state_dict.save_state_dict)
  engine/src/test/resources/reference/state_dict.json                     (input, h0, c0, output, h_n, c_n)
for nn.LSTM(3, 4, num_layers=2, bidirectional=True), float64, PyTorch's own initialisation from a fixed seed.
The Java test loads the file into Stacked.lstm(3, 4, 2, 0, true, rng) with rnnbook.io.Parameters.load, as is,
and compares the forward pass. Run: /usr/bin/python3 engine/src/test/python/make_reference_state_dict.py
"""

import os
import sys

import torch

from reference_common import REFERENCE_DIR, generator, uniform, to_list, write_reference

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "main", "python"))
from export_state_dict import save_state_dict  # noqa: E402

PARAMS = "lstm_2_layers_bidirectional.params"


def main():
    torch.manual_seed(601)   # PyTorch's own uniform(-1/sqrt(hidden), 1/sqrt(hidden)) initialisation
    lstm = torch.nn.LSTM(3, 4, num_layers=2, bidirectional=True).double()
    gen = generator(602)
    x = uniform(gen, 6, 2, 3)
    h0 = uniform(gen, 4, 2, 4)
    c0 = uniform(gen, 4, 2, 4)
    with torch.no_grad():
        output, (h_n, c_n) = lstm(x, (h0, c0))
    print(save_state_dict(lstm.state_dict(), os.path.join(REFERENCE_DIR, PARAMS)))
    case = {
        "file": PARAMS,
        "module": "nn.LSTM(3, 4, num_layers=2, bidirectional=True)",
        "keys": list(lstm.state_dict().keys()),
        "input": to_list(x), "h0": to_list(h0), "c0": to_list(c0),
        "output": to_list(output), "h_n": to_list(h_n), "c_n": to_list(c_n),
    }
    print(write_reference("state_dict.json", {"state_dict": case}, __file__))


if __name__ == "__main__":
    main()
