package dev.workbench.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.workbench.UserInputException;
import dev.workbench.WorkbenchException;
import dev.workbench.store.ExperimentSummary;
import dev.workbench.store.ReadOnlyStore;
import dev.workbench.store.Store;
import java.util.List;

/**
 * The one read side of the workbench: every view of the results ({@code list}, {@code show},
 * {@code show --json}, the CLI leaderboard and every {@code /api} endpoint) reads through here and gets
 * records back. Trials are ranked by {@link Ranking} only. Never writes. Thread-safe.
 */
public final class Results implements AutoCloseable {

    private final Store store;
    private final boolean owned;
    private final ObjectMapper json = Json.mapper();
    private final ProvenanceJson provenanceJson = new ProvenanceJson();

    private Results(Store store, boolean owned) {
        this.store = store;
        this.owned = owned;
    }

    /**
     * Reads the results database at {@code dbUrl} on its own connection pool; close it when done.
     *
     * @param mustExist open an existing database as it is ({@link ReadOnlyStore}: never created or migrated);
     *                  false when a run about to start creates or migrates it
     * @throws UserInputException  when {@code mustExist} and the database does not exist or needs upgrading
     * @throws WorkbenchException when the database cannot be opened
     */
    public static Results open(String dbUrl, boolean mustExist) {
        return new Results(mustExist ? ReadOnlyStore.open(dbUrl) : Store.open(dbUrl), true);
    }

    /** Reads through a store someone else closes. */
    static Results over(Store store) {
        return new Results(store, false);
    }

    /** Every experiment, newest first. */
    public List<ExperimentSummary> experiments() {
        return store.experiments().list();
    }

    /** The latest experiment of that name with all its trials (ranked), folds and epochs: {@code show}. */
    public ExperimentReport report(String name) {
        return report(store.experiments().requireLatestByName(name).id());
    }

    ExperimentReport report(long experimentId) {
        var detail = store.experiments().loadDetail(experimentId).orElseThrow();
        return ExperimentReport.of(
                detail,
                store.reproductions().latestByExperiment(experimentId),
                store.exports().byExperiment(experimentId),
                provenanceJson,
                Traces.load(store, detail),
                store.search().trials(experimentId));
    }

    /** The experiment page: identity, progress, parameters, ranked trial lines, refit and work queue. */
    public ExperimentView.Page experiment(long id) {
        return ExperimentView.page(store, id, json);
    }

    /** How far the experiment has got. */
    public ExperimentView.Progress progress(long id) {
        return ExperimentView.progress(store, id);
    }

    /** The experiment's objective metric, e.g. {@code val_accuracy}. */
    public String metric(long experimentId) {
        return ExperimentView.experiment(store, experimentId).metric();
    }

    /** Each finished or pruned trial's objective and the best so far against cumulative epochs trained. */
    public SearchHistory.History history(long experimentId) {
        return new SearchHistory(store).of(experimentId).orElseThrow(() -> noExperiment(experimentId));
    }

    /** The adaptive search's state: rungs of successive halving, pruned trials, TPE batches. */
    public SearchState search(long experimentId) {
        return SearchState.of(store, experimentId).orElseThrow(() -> noExperiment(experimentId));
    }

    /** How much each search parameter explains of the objective, over the finished trials. */
    public ParameterImportance.Importances importance(long experimentId) {
        return new ParameterImportance(store).of(experimentId).orElseThrow(() -> noExperiment(experimentId));
    }

    /** Learning curves of some trials of one experiment against {@code x}, at most {@code points} points each. */
    public CurveView.Curves curves(long experimentId, List<Long> trialIds, String metric, String x, int points) {
        return CurveView.of(store, experimentId, trialIds, metric, x, points);
    }

    /** The trial page: the trial's line, folds, provenance, reproduction, exports and training views. */
    public TrialView.Page trial(long trialId, int points) {
        return TrialView.of(store, trialId, points, json);
    }

    /** Trials of one experiment side by side, each tested against the best-ranked of them. */
    public CompareView.Page compare(List<Long> trialIds) {
        return CompareView.of(store, trialIds);
    }

    /** A file of an exported model, found on disk. */
    public ExportFile exportFile(long exportId, String file) {
        return ExportFile.find(store, exportId, file);
    }

    /** A stored mistake's digit as a greyscale PNG. */
    public byte[] mistakeImage(long diagnosisId, int position) {
        return MistakeImage.of(store, diagnosisId, position);
    }

    @Override
    public void close() {
        if (owned) {
            store.close();
        }
    }

    private static NotFoundException noExperiment(long id) {
        return new NotFoundException("no experiment with id " + id);
    }
}
