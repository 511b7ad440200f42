package dev.workbench.cli;

import dev.workbench.app.ExportOutcome;
import dev.workbench.app.ExportRequest;
import dev.workbench.export.Manifest;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code workbench export NAME}: writes a model zip and its manifest, checked by reloading. */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Export a model as a DL4J zip plus manifest.json (default: the best trial's refit on all "
                + "training data). The written zip is reloaded and must give the same outputs.")
final class ExportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions store;

    @Parameters(paramLabel = "NAME", description = "Experiment name (its latest run).")
    String name;

    @Option(names = "--trial", paramLabel = "N", description = "Trial index (default: the best trial).")
    Integer trial;

    @Option(
            names = "--fold",
            paramLabel = "K",
            description = "Export the model of this cross-validation fold, retrained from its stored seed "
                    + "(default: the refit on all training data).")
    Integer fold;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description = "Folder to write: new, empty, or holding a previous export (with --force) "
                    + "(default: results/models/NAME/trial-N-refit or trial-N-fold-K).")
    Path out;

    @Option(
            names = "--force",
            description = "Replace a previous export in the folder (its model.zip and manifest.json; nothing else).")
    boolean force;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        ExportOutcome outcome;
        try (ProgressDisplay progress = new ProgressDisplay(spec.commandLine().getErr())) {
            outcome = store.workbench().export(new ExportRequest(name, trial, fold, out, force), progress);
        }
        Manifest m = outcome.manifest();
        Manifest.ModelInfo model = m.model();
        String params = m.params().entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
        stdout.printf(
                "Exported trial %d %s of '%s' (%s; %d weights, %d epochs)%n",
                model.trialIndex(),
                model.fold() == null ? "refit on all training data" : "fold " + model.fold(),
                model.experiment(),
                params,
                model.parameters(),
                model.epochs());
        stdout.printf(
                "  model     %s%n  manifest  %s%n  sha256    %s%n",
                outcome.modelZip(), outcome.directory().resolve(Manifest.FILE), model.sha256());
        stdout.printf(
                "  test      accuracy %.4f, loss %.4f on %d images%n",
                m.test().accuracy(), m.test().loss(), m.test().count());
        stdout.printf("  reload    %s%n", m.reloadCheck().describe());
        stdout.flush();
        return 0;
    }
}
