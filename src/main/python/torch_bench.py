#!/usr/bin/env python3
"""PyTorch side of `workbench bench`: the same CNNs, data, batch and optimizer as the workbench.

Run by the Java benchmark with Debian's python3-torch; prints one JSON object on its last line.

  torch_bench.py throughput PLAN.json   train and inference images/s of the plan's first model
  torch_bench.py experiment PLAN.json   wall time of every trial x fold x epoch of the plan

The plan (written by dev.workbench.bench) names the IDX files, how many images to use, and each
trial's layers and optimizer, already resolved from the spec. It also says how PyTorch runs:
"processes" worker processes with "threads" torch threads each (torch.set_num_threads). With one
process, everything runs in this one. With several (forked from this process before it runs any torch
operation), a throughput run trains one model per process side by side, released together, and
reports the sum of their rates; an experiment run hands the (trial, fold) units to the processes one
at a time as each becomes free (as Optuna's workers would), then refits in this process on every thread.
"""
import json
import multiprocessing
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
    processes = plan.get("processes", 1)
    if processes == 1:
        return measure(plan, 0, None)
    ctx = multiprocessing.get_context("fork")
    barrier, results = ctx.Barrier(processes), ctx.Queue()
    workers = [ctx.Process(target=measure_into, args=(plan, i, barrier, results)) for i in range(processes)]
    for w in workers:
        w.start()
    rates = [results.get() for _ in workers]
    for w in workers:
        w.join()
    failed = [r["error"] for r in rates if "error" in r]
    if failed:
        raise RuntimeError("a throughput process failed: " + failed[0])
    return {"train_img_s": sum(r["train_img_s"] for r in rates), "infer_img_s": sum(r["infer_img_s"] for r in rates)}


def measure_into(plan, index, barrier, results):
    try:
        torch.set_num_threads(plan["threads"])
        results.put(measure(plan, index, barrier))
    except Exception as e:  # reported by the parent, which would otherwise wait forever
        results.put({"error": repr(e)})
        barrier.abort()


def measure(plan, index, barrier):
    """One model's rates: seeded with seed + index, timed after a warm-up (and the barrier, if any)."""
    x, y = load(plan)
    trial = plan["trials"][0]
    torch.manual_seed(plan["seed"] + index)
    generator = torch.Generator().manual_seed(plan["seed"] + index)
    model = build(trial, tuple(x.shape[1:]))
    opt = optimizer(trial, model)
    batch = trial["batch_size"]
    fit_epoch(model, opt, x, y, batch, generator)  # warm-up
    evaluate(model, x, y)
    if barrier is not None:
        barrier.wait()
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
    validation pass in eval mode, as dev.workbench.train.FoldTrainer does; then the refit."""
    start = time.perf_counter()
    units = [(t, fold) for t in range(len(plan["trials"])) for fold in range(plan["folds"])]
    processes = plan.get("processes", 1)
    if processes == 1:
        data = load(plan)
        for unit in units:
            train_unit(plan, data, unit)
    else:
        ctx = multiprocessing.get_context("fork")
        with ctx.Pool(processes, initializer=start_worker, initargs=(plan,)) as pool:
            for _ in pool.imap_unordered(train_in_worker, units, chunksize=1):
                pass
        torch.set_num_threads(processes * plan["threads"])
        data = load(plan)
    if plan.get("refit"):  # the workbench retrains its best trial on all rows and scores the test set
        trial = plan["trials"][0]
        x, y = data
        model = build(trial, tuple(x.shape[1:]))
        opt = optimizer(trial, model)
        generator = torch.Generator().manual_seed(plan["seed"])
        for _ in range(trial["epochs"]):
            fit_epoch(model, opt, x, y, trial["batch_size"], generator)
        evaluate(model, *load(plan, "test", 1 << 31))
    return {"wall_s": time.perf_counter() - start, "units": len(units)}


WORKER = {}


def start_worker(plan):
    torch.set_num_threads(plan["threads"])
    WORKER["plan"] = plan
    WORKER["data"] = load(plan)


def train_in_worker(unit):
    train_unit(WORKER["plan"], WORKER["data"], unit)


def train_unit(plan, data, unit):
    """One (trial, fold): a fresh model trained on the other folds' rows, validated after every epoch."""
    x, y = data
    t, fold = unit
    trial = plan["trials"][t]
    fold_of = torch.arange(len(y)) % plan["folds"]
    torch.manual_seed(plan["seed"] + 1000 * t + fold)
    generator = torch.Generator().manual_seed(plan["seed"] + 1000 * t + fold)
    train, val = fold_of != fold, fold_of == fold
    xt, yt, xv, yv = x[train], y[train], x[val], y[val]
    model = build(trial, tuple(x.shape[1:]))
    opt = optimizer(trial, model)
    for _ in range(trial["epochs"]):
        fit_epoch(model, opt, xt, yt, trial["batch_size"], generator)
        evaluate(model, xv, yv)


def main():
    if len(sys.argv) != 3 or sys.argv[1] not in ("throughput", "experiment"):
        print(__doc__, file=sys.stderr)
        return 2
    with open(sys.argv[2]) as f:
        plan = json.load(f)
    plan.setdefault("processes", 1)
    plan.setdefault("threads", os.cpu_count())
    if plan["processes"] == 1:
        torch.set_num_threads(plan["threads"])
    result = throughput(plan) if sys.argv[1] == "throughput" else experiment(plan)
    result.update({"torch": torch.__version__, "processes": plan["processes"], "threads": plan["threads"]})
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
