-- Migration 5 (issue 12): successive halving across folds and TPE batches, as queue state. Portable SQL (H2 and
-- PostgreSQL), run by dev.workbench.store.AdaptiveSearchMigration, which then lets trial.status be 'pruned'.
-- Statements end with ';' at the end of a line; comments start with '--' and hold no SQL.

-- A fold unit trains in segments: from resume_epoch (0: a fresh network from its seed; else its checkpoint) up to
-- stop_epoch (a rung; NULL: the trial's last epoch). A unit whose segment ended at a rung is 'done' until that
-- rung's barrier queues it again (resume_epoch = the rung) or prunes its trial.
ALTER TABLE work_unit ADD COLUMN stop_epoch INT CHECK (stop_epoch >= 1);
ALTER TABLE work_unit ADD COLUMN resume_epoch INT DEFAULT 0 NOT NULL CHECK (resume_epoch >= 0);

-- a paused unit's state, written with the finish of its segment: any worker continues any unit from it
CREATE TABLE unit_checkpoint (
    unit_id  BIGINT NOT NULL PRIMARY KEY REFERENCES work_unit (id) ON DELETE CASCADE,
    epoch    INT    NOT NULL CHECK (epoch >= 1),
    model    BYTEA  NOT NULL,   -- DL4J ModelSerializer zip with the updater state
    rng_root BIGINT NOT NULL,   -- the training thread's ND4J random generator state after the epoch
    rng_node BIGINT NOT NULL,
    saved_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- the rung barriers of a halving experiment, inserted with it. Whoever finishes the last unit of an open rung
-- locks its row, ranks the trials and closes it in the same transaction: exactly once for any number of workers.
CREATE TABLE rung (
    experiment_id    BIGINT     NOT NULL REFERENCES experiment (id) ON DELETE CASCADE,
    rung_index       INT        NOT NULL CHECK (rung_index >= 0),
    epoch            INT        NOT NULL CHECK (epoch >= 1),
    next_epoch       INT,                   -- where the survivors pause next; NULL: they train to the end
    reduction_factor INT        NOT NULL CHECK (reduction_factor >= 2),
    state            VARCHAR(6) NOT NULL CHECK (state IN ('open', 'closed')),
    ranked           INT,                   -- trials ranked at the barrier
    kept             INT,                   -- of which continued
    closed_at        TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (experiment_id, rung_index)
);

ALTER TABLE trial ADD COLUMN pruned_at_epoch INT;                -- the rung where the trial was pruned
ALTER TABLE trial ADD COLUMN rung_epoch INT;                     -- the last rung the trial was ranked at
ALTER TABLE trial ADD COLUMN rung_score DOUBLE PRECISION;        -- its fold-mean objective there

-- TPE proposes candidates in batches; whoever finishes the last unit of a batch proposes the next one in the
-- same transaction, from the trials finished so far (exactly once, whatever the number of workers)
CREATE TABLE search_batch (
    experiment_id BIGINT      NOT NULL REFERENCES experiment (id) ON DELETE CASCADE,
    batch_index   INT         NOT NULL CHECK (batch_index >= 0),
    first_trial   INT         NOT NULL CHECK (first_trial >= 0),
    trials        INT         NOT NULL CHECK (trials >= 0),
    proposer      VARCHAR(40) NOT NULL,                       -- 'random' (startup) or 'tpe'
    state         VARCHAR(6)  NOT NULL CHECK (state IN ('open', 'closed')),
    closed_at     TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (experiment_id, batch_index)
);

ALTER TABLE trial ADD COLUMN batch_index INT;                    -- the TPE batch that proposed the trial
