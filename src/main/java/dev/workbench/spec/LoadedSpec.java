package dev.workbench.spec;

/**
 * A validated spec with its original text, its canonical JSON form and the SHA-256 of that form
 * (equal for specs that differ only in comments, layout or key order of records).
 */
public record LoadedSpec(ExperimentSpec spec, String yaml, String canonicalJson, String sha256) {}
