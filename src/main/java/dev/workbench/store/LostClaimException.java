package dev.workbench.store;

import dev.workbench.StoreException;

/**
 * A write of a unit was refused because this worker no longer holds the claim: its lease expired and
 * another worker claimed the unit, or the unit was released. The worker abandons the unit.
 */
public final class LostClaimException extends StoreException {

    public LostClaimException(Claim claim) {
        super(
                "unit " + claim.unitId() + " is no longer claimed by " + claim.owner() + " (attempt " + claim.attempt()
                        + "); its lease expired and another worker took it over",
                null);
    }
}
