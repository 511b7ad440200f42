package dev.workbench.store;

/**
 * What a unit's last write settled.
 *
 * @param retry              (failures only) the unit is queued again for another attempt
 * @param experimentFinished this write finished the experiment: no unit is queued or running any more
 */
public record UnitOutcome(boolean retry, boolean experimentFinished) {}
