"""Exports a PyTorch state_dict to the engine's parameter format (rnnbook.io.Parameters, version 1; see
engine/FORMAT.md), so that a model trained in PyTorch loads into the engine module of the same architecture as is:
nn.LSTM(input, hidden, num_layers=L, bidirectional=True) into Stacked.lstm(input, hidden, L, p, true, rng), and
so on, because the engine's parameter names are PyTorch's state_dict keys.

As a library:   from export_state_dict import save_state_dict;  save_state_dict(model.state_dict(), "m.params")
From a shell:   /usr/bin/python3 export_state_dict.py MODEL.pt OUT.params [--strip PREFIX]
                (MODEL.pt holds a state_dict saved with torch.save; --strip removes a key prefix such as "rnn.")

The file is written to a temporary file in the target's folder and then renamed over the target, so an
interrupted export never leaves a half-written file where a good one was.
"""

import os
import struct
import sys
import tempfile

MAGIC = b"RNNP"
VERSION = 1


def _tensor_bytes(name, tensor):
    import torch
    t = tensor.detach().to(device="cpu", dtype=torch.float64).contiguous()
    if t.dim() not in (1, 2):
        raise ValueError("tensor %s has %d dimensions; the format holds 1-D and 2-D tensors" % (name, t.dim()))
    key = name.encode("utf-8")
    parts = [struct.pack("<i", len(key)), key, struct.pack("<i", t.dim()), struct.pack("<%di" % t.dim(), *t.shape)]
    parts.append(struct.pack("<%dd" % t.numel(), *t.flatten().tolist()))
    return b"".join(parts)


def save_state_dict(state_dict, path, strip=""):
    """Writes every tensor of `state_dict` (float64, row-major) under its key, minus the prefix `strip`."""
    body = []
    for name, tensor in state_dict.items():
        key = name[len(strip):] if strip and name.startswith(strip) else name
        body.append(_tensor_bytes(key, tensor))
    data = MAGIC + struct.pack("<ii", VERSION, len(body)) + b"".join(body)
    folder = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(prefix="." + os.path.basename(path) + ".", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    return path


def main(argv):
    if len(argv) not in (2, 4) or (len(argv) == 4 and argv[2] != "--strip"):
        sys.stderr.write("usage: export_state_dict.py MODEL.pt OUT.params [--strip PREFIX]\n")
        return 2
    import torch
    state = torch.load(argv[0], map_location="cpu")
    if not isinstance(state, dict):
        sys.stderr.write("%s holds a %s, expected a state_dict (save model.state_dict())\n"
                         % (argv[0], type(state).__name__))
        return 1
    print(save_state_dict(state, argv[1], argv[3] if len(argv) == 4 else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
