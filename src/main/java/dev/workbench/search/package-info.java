/**
 * Candidate generation: spec parameters become Arbiter parameter spaces and Arbiter's grid or random
 * generator, seeded by the experiment seed, yields the ordered candidate list. Arbiter types stay here.
 * Must not import H2 or Javalin.
 */
package dev.workbench.search;
