package dev.workbench.web;

/** Scratch: a new edge outside the allow-list, to show the architecture test failing. */
final class ScratchEdge {

    private ScratchEdge() {}

    static int experiments(dev.workbench.store.Store store) {
        return store.experiments().list().size();
    }

    static String main() {
        return "dev.workbench.cli.Main";
    }
}
