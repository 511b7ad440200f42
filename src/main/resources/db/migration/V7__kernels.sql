-- Issue 13: which code computes an experiment's training arithmetic. 1: DL4J's layers and helpers throughout
-- (every experiment stored before this column); 2: the same except the first convolution's backward pass
-- (train.InputConvolutionHelper). It changes the last bits of every trained number, so it is fixed per
-- experiment and every unit, refit and reproduction of the experiment trains with it.
ALTER TABLE experiment ADD COLUMN kernels INT DEFAULT 1 NOT NULL CHECK (kernels >= 1);
