package dev.workbench.testing;

/** The stroke shape of each synthetic class, as a test of a point relative to the image centre. */
final class Shapes {

    private static final double HALF_STROKE = 1.5;

    private Shapes() {}

    /** Whether the point {@code (dx, dy)} from the centre is on the stroke of class {@code label}. */
    static boolean inside(int label, double dx, double dy) {
        return switch (label) {
            case 0 -> near(Math.hypot(dx, dy), 8);
            case 1 -> near(dx, 0) && Math.abs(dy) < 10;
            case 2 -> near(dy, 0) && Math.abs(dx) < 10;
            case 3 -> near(dx - dy, 0) && Math.abs(dx) < 9;
            case 4 -> near(dx + dy, 0) && Math.abs(dx) < 9;
            case 5 -> (near(dx, 0) && Math.abs(dy) < 7) || (near(dy, 0) && Math.abs(dx) < 7);
            case 6 -> (near(dx - dy, 0) || near(dx + dy, 0)) && Math.abs(dx) < 6;
            case 7 -> Math.abs(dx) < 5 && Math.abs(dy) < 5;
            case 8 -> (near(dx, -6) || near(dx, 6)) && Math.abs(dy) < 9;
            case 9 -> (near(dy, -6) || near(dy, 6)) && Math.abs(dx) < 9;
            default -> throw new IllegalArgumentException("synthetic classes are 0..9, got " + label);
        };
    }

    private static boolean near(double value, double target) {
        return Math.abs(value - target) < HALF_STROKE;
    }
}
