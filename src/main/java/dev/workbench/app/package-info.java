/**
 * Use cases and wiring: run an experiment end to end (create or resume, train units, score, refit),
 * list, show and fetch data. Instances only, no static state.
 */
package dev.workbench.app;
