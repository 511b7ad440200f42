package dev.workbench.web;

import dev.workbench.UserInputException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Parses request parameters; anything malformed is a {@link UserInputException} (400) naming the parameter. */
final class Params {

    /** The per-epoch metrics a curve can show. */
    static final List<String> METRICS = List.of("train_loss", "train_accuracy", "val_loss", "val_accuracy");

    static final int DEFAULT_POINTS = 300;
    static final int MAX_POINTS = 5000;
    static final int MAX_TRIALS = 50;

    private Params() {}

    /** A positive id. */
    static long id(String name, String value) {
        try {
            long id = Long.parseLong(value);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UserInputException(name + ": expected a positive integer id, got '" + value + "'");
    }

    /** A required comma-separated list of distinct trial ids, at least {@code min}, at most {@link #MAX_TRIALS}. */
    static List<Long> trialIds(String value, int min) {
        if (value == null || value.isBlank()) {
            throw new UserInputException("trials: required, a comma-separated list of trial ids");
        }
        Set<Long> ids = new LinkedHashSet<>();
        for (String part : value.split(",")) {
            ids.add(id("trials", part.trim()));
        }
        if (ids.size() < min || ids.size() > MAX_TRIALS) {
            throw new UserInputException(
                    "trials: expected " + min + " to " + MAX_TRIALS + " distinct trial ids, got " + ids.size());
        }
        return new ArrayList<>(ids);
    }

    /** One of {@link #METRICS}, or {@code fallback} when absent. */
    static String metric(String value, String fallback) {
        if (value == null) {
            return fallback;
        }
        if (!METRICS.contains(value)) {
            throw new UserInputException(
                    "metric: expected one of " + String.join(", ", METRICS) + ", got '" + value + "'");
        }
        return value;
    }

    /** The x-axes a curve can be drawn against. */
    static final List<String> X_AXES = List.of("epochs", "iterations", "images");

    /** The curve's x-axis: {@code epochs} (default), {@code iterations} or {@code images} (images seen). */
    static String xAxis(String value) {
        if (value == null || value.isEmpty()) {
            return "epochs";
        }
        if (!X_AXES.contains(value)) {
            throw new UserInputException("x: expected one of " + String.join(", ", X_AXES) + ", got '" + value + "'");
        }
        return value;
    }

    /** The most points a curve may have after downsampling, 2 to {@link #MAX_POINTS}; default {@link #DEFAULT_POINTS}. */
    static int points(String value) {
        if (value == null) {
            return DEFAULT_POINTS;
        }
        try {
            int points = Integer.parseInt(value);
            if (points >= 2 && points <= MAX_POINTS) {
                return points;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UserInputException("points: expected an integer from 2 to " + MAX_POINTS + ", got '" + value + "'");
    }
}
