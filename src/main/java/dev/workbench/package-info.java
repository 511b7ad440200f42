/**
 * Hyperparameter experiment-tracking workbench on Deeplearning4j. This root package holds only the
 * exception hierarchy shared by every pipeline stage; stages live in sub-packages.
 */
package dev.workbench;
