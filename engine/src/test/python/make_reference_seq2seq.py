"""Writes engine/src/test/resources/reference/seq2seq.json: PyTorch reference vectors for one training step of the
encoder-decoder (rnnbook.seq2seq.Seq2Seq) with and without attention.
Run: /usr/bin/python3 engine/src/test/python/make_reference_seq2seq.py

The PyTorch model is built from standard parts under the engine's part names, so its state_dict keys are the
engine's parameter paths (encoder.embedding.weight, encoder.rnn.weight_ih_l0, ..., attention.v, out.bias):
- encoder: nn.Embedding, then nn.LSTM / nn.GRU / nn.RNN over pack_padded_sequence (enforce_sorted=False), so padded
  positions keep the state and output zeros (pad_packed_sequence) and each row's final state is its own last step;
- decoder: nn.Embedding and the same kind of cell, from the encoder's final state, reading BOS + target (padded with
  the pad id) over every step, teacher forced;
- attention (optional), the scores written out by hand, masked by filling padding with -inf before softmax:
  additive e_s = tanh(q W_q^T + b + m_s W_k^T) v^T, or dot e_s = q . m_s / sqrt(d); context = sum_s alpha_s m_s;
- out: nn.Linear on [d_t.h ; c_t] (or d_t.h alone), then nn.CrossEntropyLoss (mean, ignore_index -100) over rows
  t * batch + b with the target followed by EOS, padding ignored.
Per case: token ids (ragged, as the engine takes them), sizes, parameters, the loss, every parameter's gradient,
and the attention weights (steps, source positions, batch).
"""

import math

import torch
from torch import nn
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence

from reference_common import fill_parameters, generator, parameter_grads, parameter_values, randint, to_list, \
    write_reference

PAD, BOS, EOS = 0, 1, 2
IGNORE = -100
CELLS = {"lstm": nn.LSTM, "gru": nn.GRU, "rnn": nn.RNN}


class Part(nn.Module):
    """An embedding table read by one recurrent layer (the engine's Encoder and Decoder)."""

    def __init__(self, vocab, embed, hidden, cell):
        super().__init__()
        self.embedding = nn.Embedding(vocab, embed)
        self.rnn = CELLS[cell](embed, hidden)


class Additive(nn.Module):
    def __init__(self, hidden):
        super().__init__()
        self.weight_query = nn.Parameter(torch.empty(hidden, hidden, dtype=torch.float64))
        self.weight_key = nn.Parameter(torch.empty(hidden, hidden, dtype=torch.float64))
        self.bias = nn.Parameter(torch.empty(hidden, dtype=torch.float64))
        self.v = nn.Parameter(torch.empty(hidden, dtype=torch.float64))

    def scores(self, q, memory):   # q (batch, hidden), memory (src, batch, hidden) -> (batch, src)
        u = torch.tanh(q @ self.weight_query.T + self.bias + memory @ self.weight_key.T)
        return (u @ self.v).T


def dot_scores(q, memory):
    return (memory * q).sum(dim=2).T / math.sqrt(q.shape[1])


class Model(nn.Module):
    def __init__(self, vocab, embed, hidden, cell, attention):
        super().__init__()
        self.encoder = Part(vocab, embed, hidden, cell)
        self.decoder = Part(vocab, embed, hidden, cell)
        self.kind = attention
        if attention == "additive":
            self.attention = Additive(hidden)
        self.out = nn.Linear(hidden if attention == "none" else 2 * hidden, vocab)


def padded(seqs, steps):
    """(steps, batch) int64, seqs[b][t] or PAD."""
    return torch.tensor([[s[t] if t < len(s) else PAD for s in seqs] for t in range(steps)], dtype=torch.int64)


def loss_and_weights(model, sources, targets):
    src_len = max(len(s) for s in sources)
    lengths = torch.tensor([len(s) for s in sources])
    packed = pack_padded_sequence(model.encoder.embedding(padded(sources, src_len)), lengths, enforce_sorted=False)
    enc_out, last = model.encoder.rnn(packed)
    memory, _ = pad_packed_sequence(enc_out, total_length=src_len)       # (src, batch, hidden), zero at padding

    steps = max(len(t) for t in targets) + 1
    dec_in = padded([[BOS] + t for t in targets], steps)
    dec_out, _ = model.decoder.rnn(model.decoder.embedding(dec_in), last)  # (steps, batch, hidden)

    valid = torch.arange(src_len).unsqueeze(0) < lengths.unsqueeze(1)   # (batch, src)
    features, weights = [], []
    for t in range(steps):
        h = dec_out[t]
        if model.kind == "none":
            features.append(h)
            continue
        e = model.attention.scores(h, memory) if model.kind == "additive" else dot_scores(h, memory)
        alpha = torch.softmax(e.masked_fill(~valid, float("-inf")), dim=1)   # (batch, src)
        context = (alpha.T.unsqueeze(2) * memory).sum(dim=0)
        features.append(torch.cat([h, context], dim=1))
        weights.append(alpha.T)
    logits = model.out(torch.cat(features, dim=0))                       # row t * batch + b
    expected = torch.tensor([t_[t] if t < len(t_) else (EOS if t == len(t_) else IGNORE)
                             for t in range(steps) for t_ in targets], dtype=torch.int64)
    loss = nn.CrossEntropyLoss(ignore_index=IGNORE)(logits, expected)
    return loss, weights


def ragged(gen, batch, low_len, high_len, vocab):
    lengths = randint(gen, low_len, high_len + 1, batch).tolist()
    return [randint(gen, 3, vocab, n).tolist() for n in lengths]


def case(name, seed, cell, attention, vocab=9, embed=3, hidden=5, batch=3):
    gen = generator(seed)
    model = fill_parameters(Model(vocab, embed, hidden, cell, attention), gen, low=-0.5, high=0.5)
    sources = ragged(gen, batch, 1, 5, vocab)
    targets = ragged(gen, batch, 0, 4, vocab)
    loss, weights = loss_and_weights(model, sources, targets)
    loss.backward()
    return {
        "name": name,
        "cell": cell,
        "attention": attention,
        "vocab": vocab, "embed": embed, "hidden": hidden,
        "tokens": {"pad": PAD, "bos": BOS, "eos": EOS},
        "sources": sources,
        "targets": targets,
        "parameters": parameter_values(model),
        "loss": loss.item(),
        "grads": parameter_grads(model),
        "attention_weights": [to_list(w) for w in weights],
    }


def main():
    torch.use_deterministic_algorithms(True)
    cases = {
        "seq2seq": [
            case("lstm_additive", 901, "lstm", "additive"),
            case("gru_dot", 902, "gru", "dot"),
            case("rnn_no_attention", 903, "rnn", "none"),
        ],
    }
    print(write_reference("seq2seq.json", cases, __file__))


if __name__ == "__main__":
    main()
