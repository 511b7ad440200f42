package dev.workbench.spec;

/** K-fold cross-validation: {@code folds} ≥ 2, stratified by label unless told otherwise. */
public record CvSpec(Integer folds, Boolean stratified) {

    public CvSpec {
        stratified = stratified == null || stratified;
    }
}
