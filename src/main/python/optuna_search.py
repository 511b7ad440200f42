#!/usr/bin/env python3
"""Optuna + PyTorch side of `workbench bench search`: the same search space, rows and folds as the workbench.

Run by the Java benchmark with Debian's python3-optuna and python3-torch:

  optuna_search.py PLAN.json

The plan (written by dev.workbench.bench.SearchPlans) names the IDX files, the training rows of the
subset and the fold of each (the workbench's own stratified, seeded subset and folds), the discrete
search space, every configuration already resolved from the spec (layers, optimizer, learning rate,
batch size, epochs), the sampler (tpe, random or grid), the pruner (halving or none), the number of
trials and the seed.

Each trial trains its k folds in lockstep, one epoch at a time, and reports the fold mean of the
validation accuracy after every epoch (trial.report); with the halving pruner (Optuna's
SuccessiveHalvingPruner on that fold-mean curve) a trial stops when the pruner says so. The objective
is the fold mean at the last epoch trained. Prints one JSON line per trial as it ends:

  {"trial": n, "params": {...}, "epochs": fold-epochs trained, "epochs_reached": e, "score": s,
   "pruned": bool, "wall_s": trial seconds, "finished_unix": when it ended, Unix seconds}

and a last line {"study": ..., "optuna": version, "torch": version, "threads": n, "wall_s": total}.
"""
import json
import os
import sys
import time

import optuna
import torch

import torch_bench


def load_rows(plan):
    """The subset's rows (in the plan's order) scaled to [0, 1], and their labels."""
    images, n, shape = torch_bench.read_idx(plan["train_images"], 1 << 31)
    labels, _, _ = torch_bench.read_idx(plan["train_labels"], n)
    h, w = shape[0], shape[1]
    c = shape[2] if len(shape) > 2 else 1
    rows = torch.tensor(plan["rows"], dtype=torch.long)
    x = images.reshape(n, h, w, c)[rows].float().div_(255.0).permute(0, 3, 1, 2).contiguous()
    return x, labels.long()[rows]


class Objective:
    """Trains one configuration on every fold in lockstep and reports the fold-mean curve."""

    def __init__(self, plan, x, y):
        self.plan = plan
        self.x, self.y = x, y
        self.fold_of = torch.tensor(plan["fold_of"], dtype=torch.long)
        self.configs = {tuple(c["params"][p["name"]] for p in plan["space"]): c["trial"] for c in plan["configs"]}
        self.epochs_trained = {}

    def __call__(self, trial):
        key = tuple(trial.suggest_categorical(p["name"], p["values"]) for p in self.plan["space"])
        config = self.configs[key]
        folds = [self.fold(config, trial.number, k) for k in range(self.plan["folds"])]
        score = float("nan")
        for epoch in range(1, config["epochs"] + 1):
            accuracies = []
            for f in folds:
                torch_bench.fit_epoch(f["model"], f["opt"], f["xt"], f["yt"], config["batch_size"], f["generator"])
                accuracies.append(torch_bench.evaluate(f["model"], f["xv"], f["yv"])[1])
            score = sum(accuracies) / len(accuracies)
            self.epochs_trained[trial.number] = epoch
            trial.report(score, epoch)
            if trial.should_prune():
                trial.set_user_attr("score", score)
                raise optuna.TrialPruned()
        return score

    def fold(self, config, number, k):
        seed = self.plan["seed"] + 1000 * number + k
        torch.manual_seed(seed)
        train, val = self.fold_of != k, self.fold_of == k
        model = torch_bench.build(config, tuple(self.x.shape[1:]))
        return {"model": model, "opt": torch_bench.optimizer(config, model),
                "generator": torch.Generator().manual_seed(seed),
                "xt": self.x[train], "yt": self.y[train], "xv": self.x[val], "yv": self.y[val]}


def sampler(plan):
    seed = plan["seed"]
    if plan["sampler"] == "tpe":
        return optuna.samplers.TPESampler(seed=seed, n_startup_trials=plan.get("startup_trials", 10))
    if plan["sampler"] == "random":
        return optuna.samplers.RandomSampler(seed=seed)
    if plan["sampler"] == "grid":
        return optuna.samplers.GridSampler({p["name"]: p["values"] for p in plan["space"]}, seed=seed)
    raise SystemExit("unknown sampler: " + plan["sampler"])


def pruner(plan):
    if plan["pruner"] == "halving":
        return optuna.pruners.SuccessiveHalvingPruner(min_resource=plan["min_resource"],
                                                      reduction_factor=plan["reduction_factor"])
    return optuna.pruners.NopPruner()


def main():
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    torch.set_num_threads(int(os.environ.get("TORCH_BENCH_THREADS", os.cpu_count())))
    optuna.logging.set_verbosity(optuna.logging.WARNING)
    with open(sys.argv[1]) as f:
        plan = json.load(f)
    start = time.perf_counter()
    x, y = load_rows(plan)
    objective = Objective(plan, x, y)
    study = optuna.create_study(study_name=plan["study"], direction="maximize", sampler=sampler(plan),
                                pruner=pruner(plan))
    study.optimize(objective, n_trials=plan["n_trials"], callbacks=[lambda s, t: print_trial(t, objective)])
    print(json.dumps({"study": plan["study"], "optuna": optuna.__version__, "torch": torch.__version__,
                      "threads": torch.get_num_threads(), "wall_s": time.perf_counter() - start}))
    return 0


def print_trial(t, objective):
    pruned = t.state == optuna.trial.TrialState.PRUNED
    reached = objective.epochs_trained.get(t.number, 0)
    score = t.user_attrs.get("score") if pruned else t.value
    print(json.dumps({"trial": t.number, "params": t.params, "epochs": reached * objective.plan["folds"],
                      "epochs_reached": reached, "score": score, "pruned": pruned,
                      "wall_s": (t.datetime_complete - t.datetime_start).total_seconds(),
                      "finished_unix": time.time()}), flush=True)


if __name__ == "__main__":
    sys.exit(main())
