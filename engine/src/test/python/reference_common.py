"""Shared helpers for the scripts that write PyTorch reference vectors for the engine's parity tests.

Each script (make_reference.py for the vanilla RNN, cross-entropy and clipping; others for LSTM/GRU) builds a
dict of cases with these helpers and writes it with `write_reference`. The Java tests in
engine/src/test/java/rnnbook/parity/ read the JSON with Gson; they never need torch.

Conventions of the JSON files:
- every number is a float64 written with Python's repr (shortest string that reads back to the same double);
- a tensor is nested lists in PyTorch's own shape: a sequence is (seq, batch, features), an RNN state is
  (num_layers, batch, hidden), a bias is 1-D (hidden) where the engine holds (1, hidden);
- parameters are keyed by their PyTorch state_dict names ("weight_ih_l0", ...), which are the engine's names;
- a top-level "meta" records the torch version and the script that wrote the file.

Run with Debian's interpreter: /usr/bin/python3 engine/src/test/python/make_reference.py
"""

import json
import os
import sys
import tempfile

import torch

DTYPE = torch.float64

# engine/src/test/resources/reference, found from this file's place so the scripts run from any folder
REFERENCE_DIR = os.path.normpath(
    os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "reference"))


def generator(seed):
    """A torch.Generator seeded with `seed`: each case draws from its own, so adding a case changes no other."""
    g = torch.Generator()
    g.manual_seed(seed)
    return g


def uniform(gen, *shape, low=-1.0, high=1.0, requires_grad=False):
    """A float64 tensor of the given shape, uniform in [low, high), drawn from `gen`."""
    t = torch.rand(*shape, generator=gen, dtype=DTYPE) * (high - low) + low
    return t.requires_grad_(requires_grad)


def randint(gen, low, high, *shape):
    """An int64 tensor of the given shape, uniform integers in [low, high)."""
    return torch.randint(low, high, shape, generator=gen, dtype=torch.int64)


def fill_parameters(module, gen, low=-1.0, high=1.0):
    """Overwrites every parameter of `module` (in state_dict order) with uniform values from `gen`; float64."""
    module.double()
    with torch.no_grad():
        for _, p in module.named_parameters():
            p.copy_(uniform(gen, *p.shape, low=low, high=high))
    return module


def to_list(t):
    """A tensor (or None) as nested Python lists of floats (ints for integer tensors)."""
    if t is None:
        return None
    return t.detach().cpu().tolist()


def named_tensors(pairs):
    """{name: nested lists} from (name, tensor) pairs, keeping their order."""
    return {name: to_list(t) for name, t in pairs}


def parameter_values(module):
    """The module's parameters by state_dict name."""
    return named_tensors(module.named_parameters())


def parameter_grads(module):
    """The gradients of the module's parameters by state_dict name (after a backward pass)."""
    return {name: to_list(p.grad) for name, p in module.named_parameters()}


def meta(script):
    return {
        "written_by": "engine/src/test/python/" + os.path.basename(script),
        "torch": torch.__version__,
        "python": sys.version.split()[0],
        "dtype": "float64",
    }


def _encode(value, indent, level):
    """JSON text: objects one key per line, lists of numbers on one line, lists of lists one row per line."""
    pad = " " * (indent * (level + 1))
    end = " " * (indent * level)
    if isinstance(value, dict):
        if not value:
            return "{}"
        items = [pad + json.dumps(str(k)) + ": " + _encode(v, indent, level + 1) for k, v in value.items()]
        return "{\n" + ",\n".join(items) + "\n" + end + "}"
    if isinstance(value, (list, tuple)):
        if all(not isinstance(v, (dict, list, tuple)) for v in value):
            return "[" + ", ".join(_encode(v, indent, level) for v in value) + "]"
        items = [pad + _encode(v, indent, level + 1) for v in value]
        return "[\n" + ",\n".join(items) + "\n" + end + "]"
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise ValueError("reference values must be finite, got %r" % value)
        return repr(value)
    return json.dumps(value)


def write_reference(name, cases, script):
    """Writes {"meta": ..., **cases} to REFERENCE_DIR/name, atomically (temp file in the same folder, then a
    rename), with the same bytes on every run for the same inputs. Returns the path."""
    os.makedirs(REFERENCE_DIR, exist_ok=True)
    path = os.path.join(REFERENCE_DIR, name)
    document = {"meta": meta(script)}
    document.update(cases)
    text = _encode(document, 1, 0) + "\n"
    fd, tmp = tempfile.mkstemp(prefix="." + name + ".", dir=REFERENCE_DIR)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    return path
