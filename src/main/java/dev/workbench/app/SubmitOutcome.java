package dev.workbench.app;

/**
 * What {@code submit} stored.
 *
 * @param experiment   the experiment's name
 * @param experimentId its id
 * @param created      stored now (false: an experiment of that name and spec already existed)
 * @param units        its units of work, refit included
 * @param open         units still queued or running
 */
public record SubmitOutcome(String experiment, long experimentId, boolean created, int units, long open) {}
