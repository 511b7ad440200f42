#!/usr/bin/env python3
"""PyTorch side of `workbench bench`: the same CNNs, data, batch and optimizer as the workbench.

Run by the Java benchmark with Debian's python3-torch; prints one JSON object on its last line.

  torch_bench.py throughput PLAN.json   train and inference images/s of the plan's first model
  torch_bench.py experiment PLAN.json   wall time of every trial x fold x epoch of the plan

The plan (written by dev.workbench.bench) names the IDX files, how many images to use, and each
trial's layers and optimizer, already resolved from the spec. Uses torch.set_num_threads(cpu_count).
"""
import json
import os
import struct
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

EVAL_CHUNK = 1024  # rows per inference pass, as dev.workbench.train.InferenceEvaluator


def read_idx(path, count):
    with open(path, "rb") as f:
        magic = struct.unpack(">I", f.read(4))[0]
        dims = [struct.unpack(">I", f.read(4))[0] for _ in range(magic & 0xFF)]
        n = min(count, dims[0])
        row = 1
        for d in dims[1:]:
            row *= d
        data = torch.frombuffer(bytearray(f.read(n * row)), dtype=torch.uint8)
    return data, n, dims[1:]


def load(plan, split="train", count=None):
    images, n, shape = read_idx(plan[split + "_images"], plan["images"] if count is None else count)
    labels, _, _ = read_idx(plan[split + "_labels"], n)
    h, w = shape[0], shape[1]
    c = shape[2] if len(shape) > 2 else 1
    x = images.float().div_(255.0).reshape(n, h, w, c).permute(0, 3, 1, 2).contiguous()
    return x, labels.long()


def build(trial, in_shape):
    c, h, w = in_shape
    layers = []
    for spec in trial["layers"]:
        kind = spec["type"]
        if kind == "conv":
            k, s = spec["kernel"], spec["stride"]
            pad = k // 2 if spec["padding"] == "same" else 0
            layers += [nn.Conv2d(c, spec["filters"], k, s, pad), activation(spec["activation"])]
            c = spec["filters"]
            h, w = (h + 2 * pad - k) // s + 1, (w + 2 * pad - k) // s + 1
        elif kind == "maxpool":
            layers.append(nn.MaxPool2d(spec["size"], spec["stride"]))
            h, w = (h - spec["size"]) // spec["stride"] + 1, (w - spec["size"]) // spec["stride"] + 1
        elif kind == "dropout":
            layers.append(nn.Dropout(spec["rate"]))
        else:  # dense or output: flatten once, then a fully connected layer
            if h * w > 1 or not any(isinstance(m, nn.Flatten) for m in layers):
                layers.append(nn.Flatten())
                c, h, w = c * h * w, 1, 1
            units = spec["units"] if kind == "dense" else spec["classes"]
            layers.append(nn.Linear(c, units))
            if kind == "dense":
                layers.append(activation(spec["activation"]))
            c = units
    return nn.Sequential(*layers)


def activation(name):
    return {"relu": nn.ReLU(), "tanh": nn.Tanh(), "sigmoid": nn.Sigmoid(), "elu": nn.ELU(),
            "leakyrelu": nn.LeakyReLU(0.01), "identity": nn.Identity()}[name]


def optimizer(trial, model):
    lr = trial["learning_rate"]
    name = trial["optimizer"]
    if name == "adam":
        return torch.optim.Adam(model.parameters(), lr=lr)
    if name == "sgd":
        return torch.optim.SGD(model.parameters(), lr=lr)
    if name == "nesterovs":
        return torch.optim.SGD(model.parameters(), lr=lr, momentum=trial.get("momentum", 0.9), nesterov=True)
    return torch.optim.RMSprop(model.parameters(), lr=lr)


def fit_epoch(model, opt, x, y, batch, generator):
    """One shuffled pass; returns (mean loss, accuracy) of the training batches as they were fitted."""
    model.train()
    order = torch.randperm(len(y), generator=generator)
    loss_sum, correct = 0.0, 0
    for start in range(0, len(y), batch):
        idx = order[start:start + batch]
        xb, yb = x[idx], y[idx]
        opt.zero_grad(set_to_none=True)
        out = model(xb)
        loss = F.cross_entropy(out, yb)
        loss.backward()
        opt.step()
        loss_sum += loss.item() * len(yb)
        correct += (out.argmax(1) == yb).sum().item()
    return loss_sum / len(y), correct / len(y)


@torch.no_grad()
def evaluate(model, x, y):
    model.eval()
    loss_sum, correct = 0.0, 0
    for start in range(0, len(y), EVAL_CHUNK):
        out = model(x[start:start + EVAL_CHUNK])
        yb = y[start:start + EVAL_CHUNK]
        loss_sum += F.cross_entropy(out, yb, reduction="sum").item()
        correct += (out.argmax(1) == yb).sum().item()
    return loss_sum / max(1, len(y)), correct / max(1, len(y))


def throughput(plan):
    x, y = load(plan)
    trial = plan["trials"][0]
    torch.manual_seed(plan["seed"])
    generator = torch.Generator().manual_seed(plan["seed"])
    model = build(trial, tuple(x.shape[1:]))
    opt = optimizer(trial, model)
    batch = trial["batch_size"]
    fit_epoch(model, opt, x, y, batch, generator)  # warm-up
    evaluate(model, x, y)
    fit_s = infer_s = 0.0
    for _ in range(plan["epochs"]):
        t0 = time.perf_counter()
        fit_epoch(model, opt, x, y, batch, generator)
        t1 = time.perf_counter()
        evaluate(model, x, y)
        t2 = time.perf_counter()
        fit_s += t1 - t0
        infer_s += t2 - t1
    n = len(y) * plan["epochs"]
    return {"train_img_s": n / fit_s, "infer_img_s": n / infer_s}


def experiment(plan):
    """Every trial on every fold: fresh model, per-epoch train metrics from the fitted batches and a
    validation pass in eval mode, as dev.workbench.train.FoldTrainer does."""
    start = time.perf_counter()
    x, y = load(plan)
    k = plan["folds"]
    fold_of = torch.arange(len(y)) % k
    units = 0
    for t, trial in enumerate(plan["trials"]):
        for fold in range(k):
            torch.manual_seed(plan["seed"] + 1000 * t + fold)
            generator = torch.Generator().manual_seed(plan["seed"] + 1000 * t + fold)
            train, val = fold_of != fold, fold_of == fold
            xt, yt, xv, yv = x[train], y[train], x[val], y[val]
            model = build(trial, tuple(x.shape[1:]))
            opt = optimizer(trial, model)
            for _ in range(trial["epochs"]):
                fit_epoch(model, opt, xt, yt, trial["batch_size"], generator)
                evaluate(model, xv, yv)
            units += 1
    if plan.get("refit"):  # the workbench retrains its best trial on all rows and scores the test set
        trial = plan["trials"][0]
        model = build(trial, tuple(x.shape[1:]))
        opt = optimizer(trial, model)
        generator = torch.Generator().manual_seed(plan["seed"])
        for _ in range(trial["epochs"]):
            fit_epoch(model, opt, x, y, trial["batch_size"], generator)
        evaluate(model, *load(plan, "test", 1 << 31))
    return {"wall_s": time.perf_counter() - start, "units": units}


def main():
    if len(sys.argv) != 3 or sys.argv[1] not in ("throughput", "experiment"):
        print(__doc__, file=sys.stderr)
        return 2
    threads = int(os.environ.get("TORCH_BENCH_THREADS", os.cpu_count()))
    torch.set_num_threads(threads)
    with open(sys.argv[2]) as f:
        plan = json.load(f)
    result = throughput(plan) if sys.argv[1] == "throughput" else experiment(plan)
    result.update({"torch": torch.__version__, "threads": torch.get_num_threads()})
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
