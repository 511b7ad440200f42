package dev.workbench.app;

import java.nio.file.Path;

/**
 * What to export.
 *
 * @param experiment the experiment name (its latest run)
 * @param trial      the trial index, or null for the best trial
 * @param fold       a cross-validation fold's model, or null for the refit on all training data
 * @param out        the folder to write, or null for {@code results/models/<name>/trial-<N>-<refit|fold-K>}
 * @param force      replace a previous export in that folder (its model.zip and manifest.json only)
 */
public record ExportRequest(String experiment, Integer trial, Integer fold, Path out, boolean force) {}
