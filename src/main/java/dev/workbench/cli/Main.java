package dev.workbench.cli;

/** Entry point of the {@code workbench} command. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        System.exit(Cli.create().execute(args));
    }
}
