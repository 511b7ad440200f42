/**
 * The results database: an H2 file (or in-memory) database whose schema is owned by Flyway
 * migrations under {@code db/migration}, and small repositories that return records.
 *
 * <p>{@link dev.workbench.store.Store} opens the database and hands out one repository per table
 * family. Jdbi and JDBC types never leave this package; every SQL, Jdbi or Flyway failure surfaces
 * as a {@link dev.workbench.StoreException} naming what was being done. Every type here is
 * immutable and thread-safe: worker threads may write different fold runs through one
 * {@code Store} while another thread reads.
 *
 * <p>Doubles (scores, losses, accuracies) round-trip exactly, including NaN and ±Infinity from a
 * diverged run; a Java {@code null} (SQL NULL) means "not measured", never "not a number".
 */
package dev.workbench.store;
