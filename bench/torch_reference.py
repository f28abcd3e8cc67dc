#!/usr/bin/env python3
"""Reference timings and accuracies of the classic d2l models in PyTorch on the CPU.

The workbench's own benchmark (`bench --compare-pytorch`) runs this script and compares itself
against its numbers, measured on the same machine in the same run. Needs Debian's PyTorch:
    apt-get install python3-torch python3-numpy
and runs with Debian's interpreter, from the project folder:
    /usr/bin/python3 bench/torch_reference.py --model lenet --data datasets/fashion-mnist

Prints one JSON object per epoch: model, epoch, seconds, samples_per_s (the whole epoch),
median_batch_samples_per_s (the median minibatch after --warmup minibatches, each timed from the
end of the one before, as the workbench times them), train_loss, test_acc.
"""
import argparse, gzip, json, struct, time

import numpy as np
import torch
from torch import nn


def read_idx(path):
    with gzip.open(path, "rb") as f:
        data = f.read()
    magic = struct.unpack(">I", data[:4])[0]
    ndim = magic & 0xFF
    dims = struct.unpack(">" + "I" * ndim, data[4:4 + 4 * ndim])
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * ndim).reshape(dims)


def load(data_dir, split):
    x = read_idx(f"{data_dir}/{split}-images-idx3-ubyte.gz").astype(np.float32) / 255.0
    y = read_idx(f"{data_dir}/{split}-labels-idx1-ubyte.gz").astype(np.int64)
    return torch.from_numpy(x).unsqueeze(1), torch.from_numpy(y)


def build(name):
    """The d2l reference architectures, with the learning rates the book uses for them."""
    if name == "softmax":
        return nn.Sequential(nn.Flatten(), nn.Linear(784, 10)), 0.1
    if name == "mlp":
        return nn.Sequential(nn.Flatten(), nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 10)), 0.1
    if name == "lenet":
        return nn.Sequential(
            nn.Conv2d(1, 6, 5, padding=2), nn.Sigmoid(), nn.AvgPool2d(2, 2),
            nn.Conv2d(6, 16, 5), nn.Sigmoid(), nn.AvgPool2d(2, 2), nn.Flatten(),
            nn.Linear(400, 120), nn.Sigmoid(), nn.Linear(120, 84), nn.Sigmoid(), nn.Linear(84, 10)), 0.9
    if name == "lenet-bn":
        return nn.Sequential(
            nn.Conv2d(1, 6, 5), nn.BatchNorm2d(6), nn.Sigmoid(), nn.AvgPool2d(2, 2),
            nn.Conv2d(6, 16, 5), nn.BatchNorm2d(16), nn.Sigmoid(), nn.AvgPool2d(2, 2), nn.Flatten(),
            nn.Linear(256, 120), nn.BatchNorm1d(120), nn.Sigmoid(),
            nn.Linear(120, 84), nn.BatchNorm1d(84), nn.Sigmoid(), nn.Linear(84, 10)), 1.0
    raise SystemExit(f"unknown model {name}")


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--model", default="lenet", choices=["softmax", "mlp", "lenet", "lenet-bn"])
    p.add_argument("--data", required=True, help="folder with the four *-idx*-ubyte.gz files")
    p.add_argument("--epochs", type=int, default=1)
    p.add_argument("--batch-size", type=int, default=256)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--limit", type=int, default=0, help="use only the first N training images")
    p.add_argument("--warmup", type=int, default=50, help="minibatches left out of the median")
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(a.seed)
    xtr, ytr = load(a.data, "train")
    xte, yte = load(a.data, "t10k")
    if a.limit:
        xtr, ytr = xtr[:a.limit], ytr[:a.limit]
    net, lr = build(a.model)
    for m in net:
        if isinstance(m, (nn.Linear, nn.Conv2d)):
            nn.init.xavier_uniform_(m.weight)
    opt = torch.optim.SGD(net.parameters(), lr=lr)
    loss_fn = nn.CrossEntropyLoss()
    n = len(xtr)
    for epoch in range(a.epochs):
        net.train()
        perm = torch.randperm(n)
        total, t0 = 0.0, time.perf_counter()
        last, rates = t0, []
        for i in range(0, n, a.batch_size):
            idx = perm[i:i + a.batch_size]
            opt.zero_grad()
            loss = loss_fn(net(xtr[idx]), ytr[idx])
            loss.backward()
            opt.step()
            total += loss.item() * len(idx)
            now = time.perf_counter()
            rates.append(len(idx) / (now - last))
            last = now
        sec = time.perf_counter() - t0
        steady = sorted(rates[a.warmup:]) or [float("nan")]
        median = steady[len(steady) // 2] if len(steady) % 2 else (steady[len(steady) // 2 - 1] + steady[len(steady) // 2]) / 2
        net.eval()
        with torch.no_grad():
            acc = (net(xte).argmax(1) == yte).float().mean().item()
        print(json.dumps({"model": a.model, "epoch": epoch + 1, "seconds": round(sec, 3),
                          "samples_per_s": round(n / sec, 1),
                          "median_batch_samples_per_s": round(median, 1), "train_loss": round(total / n, 4),
                          "test_acc": round(acc, 4)}), flush=True)


if __name__ == "__main__":
    main()
