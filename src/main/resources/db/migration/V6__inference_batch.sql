-- Issue 13: rows per forward pass when an experiment's networks are scored (validation after each epoch,
-- the sample within epochs, the refit's test set). The batch changes the last bits of the outputs, so it
-- is fixed per experiment; experiments stored before this column scored 1,024 rows at a time.
ALTER TABLE experiment ADD COLUMN inference_batch INT DEFAULT 1024 NOT NULL CHECK (inference_batch >= 1);
