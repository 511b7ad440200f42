package dev.workbench.metrics;

/**
 * A trial's score as shown to people (leaderboard, {@code show --json}, dashboard): the stored Student-t
 * 95% interval cut to the metric's range (accuracy in [0, 1], loss at least 0), and no interval at all
 * for fewer than {@value #MIN_FOLDS} folds, where one would be meaningless (with two folds the t factor
 * is 12.7).
 *
 * @param ci95Low     lower bound, or null when there are too few folds
 * @param ci95High    upper bound, or null when there are too few folds
 * @param clipped     true when a bound was cut to the metric's range
 * @param tooFewFolds true when {@code n} is below {@value #MIN_FOLDS}
 */
public record ShownScore(
        double mean, double std, Double ci95Low, Double ci95High, int n, boolean clipped, boolean tooFewFolds) {

    /** The fewest folds for which an interval is shown. */
    public static final int MIN_FOLDS = 3;

    /** {@code score} (may be null) for objective {@code metric} ({@code *accuracy} or {@code *loss}). */
    public static ShownScore of(ScoreSummary score, String metric) {
        if (score == null) {
            return null;
        }
        if (score.n() < MIN_FOLDS) {
            return new ShownScore(score.mean(), score.std(), null, null, score.n(), false, true);
        }
        double floor = 0;
        double ceiling = metric.endsWith("accuracy") ? 1 : Double.POSITIVE_INFINITY;
        double low = Math.max(floor, score.ci95Low());
        double high = Math.min(ceiling, score.ci95High());
        return new ShownScore(
                score.mean(),
                score.std(),
                low,
                high,
                score.n(),
                low != score.ci95Low() || high != score.ci95High(),
                false);
    }
}
