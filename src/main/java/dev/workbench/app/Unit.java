package dev.workbench.app;

import dev.workbench.store.TrialRow;

/** One (trial, fold) unit of work with its derived seed. */
record Unit(TrialRow trial, int fold, long seed) {}
