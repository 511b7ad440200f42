/**
 * The picocli command line: parses arguments, calls the application layer, prints results and maps
 * errors to exit codes (2 bad input, 1 runtime failure). No business logic.
 */
package dev.workbench.cli;
