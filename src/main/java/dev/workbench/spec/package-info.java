/**
 * The experiment spec: records mirroring the YAML file, loading with Jackson, and validation that
 * names the offending field and its line. Must not import DL4J, H2 or Javalin.
 */
package dev.workbench.spec;
