/**
 * Datasets as plain Java arrays: IDX reading ({@link dev.workbench.data.IdxReader},
 * {@link dev.workbench.data.IdxDataset}), the checksummed MNIST download
 * ({@link dev.workbench.data.MnistFetcher}), seeded stratified subsets and folds
 * ({@link dev.workbench.data.Subset}, {@link dev.workbench.data.FoldAssignment}) and pixel
 * normalisation ({@link dev.workbench.data.Normalizer}).
 *
 * <p>Nothing here imports DL4J/ND4J, H2 or Javalin: pixels stay {@code byte[]} (unsigned) until
 * {@link dev.workbench.data.Normalizer#apply} turns selected rows into a row-major {@code float[]}
 * that the train package wraps as an INDArray. Every random choice takes an explicit seed.
 */
package dev.workbench.data;
