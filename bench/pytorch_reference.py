"""PyTorch yardstick for `npm run bench`: the same canonical configurations, CPU, torch.nn cells, Adam.

Reads a JSON list of configs on stdin, prints one JSON document: {"torch": version, "threads": n,
"results": [{"config": name, "msPerStep": median}]}. Never a runtime dependency of the lab.
"""
import json
import os
import statistics
import sys
import time

import torch


def adding_batch(T, B, gen):
    values = torch.rand(T, B, 1, generator=gen)
    markers = torch.zeros(T, B, 1)
    half = T // 2
    i = torch.randint(0, half, (B,), generator=gen)
    j = torch.randint(half, T, (B,), generator=gen)
    markers[i, torch.arange(B), 0] = 1.0
    markers[j, torch.arange(B), 0] = 1.0
    target = (values * markers).sum(0)
    return torch.cat([values, markers], dim=2), target


def bench(cfg):
    torch.manual_seed(1)
    gen = torch.Generator().manual_seed(1)
    T, B, H = cfg["T"], cfg["B"], cfg["H"]
    cls = {"rnn": torch.nn.RNN, "lstm": torch.nn.LSTM, "gru": torch.nn.GRU}[cfg["cell"]]
    kwargs = {"nonlinearity": "tanh"} if cfg["cell"] == "rnn" else {}
    rnn = cls(2, H, **kwargs)
    readout = torch.nn.Linear(H, 1)
    params = list(rnn.parameters()) + list(readout.parameters())
    opt = torch.optim.Adam(params, lr=1e-3)
    loss_fn = torch.nn.MSELoss()
    times = []
    for step in range(cfg["warmup"] + cfg["steps"]):
        x, y = adding_batch(T, B, gen)
        t0 = time.perf_counter()
        opt.zero_grad()
        out, _ = rnn(x)
        loss = loss_fn(readout(out[-1]), y)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(params, 1e9)
        opt.step()
        if step >= cfg["warmup"]:
            times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def main():
    configs = json.load(sys.stdin)
    # Every core, as ours gets (Debian's build otherwise runs one thread); the count is reported.
    torch.set_num_threads(os.cpu_count() or 1)
    results = [{"config": c["name"], "msPerStep": bench(c)} for c in configs]
    print(json.dumps({"torch": torch.__version__, "threads": torch.get_num_threads(), "results": results}))


if __name__ == "__main__":
    main()
