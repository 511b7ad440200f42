/**
 * What makes a result reproducible and trustworthy: seed derivation, hashes, versions and the
 * numeric backend. Must not import H2 or Javalin.
 */
package dev.workbench.provenance;
