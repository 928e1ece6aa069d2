package dev.optimlab.explore;

import dev.optimlab.pylite.Limits;
import dev.optimlab.pylite.PyliteRunner;
import dev.optimlab.pylite.RunListener;
import dev.optimlab.pylite.RunResult;
import java.time.Duration;

/**
 * The {@code lr_lambda} of {@code LambdaLR} and {@code MultiplicativeLR} as the learner types it, e.g.
 * {@code lambda epoch: 0.95 ** epoch}: Python source, evaluated by pylite for each epoch under a budget small
 * enough that a hostile lambda ends in a fraction of a second with a one-line reason. {@code math} is imported, as a
 * PyTorch script usually has it.
 */
public record LrLambda(String source) {

    /** Longer than any lambda worth typing into one field; longer ones are refused before they run. */
    public static final int MAX_SOURCE_CHARS = 300;
    static final Limits BUDGET = Limits.defaults().withWallTime(Duration.ofSeconds(1)).withMaxSteps(2_000_000)
            .withMaxBytes(8L << 20).withMaxDepth(50).withMaxOutputBytes(512L << 10);

    /** Why a lambda gave no values: the learner reads {@link #kind} in their language, {@link #detail} as Python says it. */
    public static final class Failure extends IllegalArgumentException {
        public enum Kind {
            /** Empty, several lines, or too long. */
            NOT_A_LAMBDA,
            /** It raised, e.g. {@code ZeroDivisionError: division by zero}; the detail is that line. */
            ERROR,
            /** It ran out of its time, steps, memory or depth; the detail is the limit. */
            LIMIT
        }

        private final Kind kind;
        private final String detail;

        Failure(Kind kind, String detail) {
            super("lr_lambda: " + detail);
            this.kind = kind;
            this.detail = detail;
        }

        public Kind kind() {
            return kind;
        }

        public String detail() {
            return detail;
        }
    }

    /** {@code lr_lambda(epoch)} for epoch 0, 1, ..., count - 1, each as {@code float(...)} makes it. */
    public double[] values(int count) {
        String lambda = source.strip();
        if (lambda.isEmpty() || lambda.contains("\n") || lambda.contains("\r") || lambda.length() > MAX_SOURCE_CHARS) {
            throw new Failure(Failure.Kind.NOT_A_LAMBDA, lambda.isEmpty() ? "empty" : "not one short line");
        }
        String program = "import math\nlr_lambda = (" + lambda + ")\nfor epoch in range(" + count + "):\n"
                + "    print(repr(float(lr_lambda(epoch))))\n";
        RunResult result = PyliteRunner.run(program, "<lr_lambda>", BUDGET, RunListener.NONE);
        switch (result.status()) {
            case OK -> {
            }
            case LIMIT_EXCEEDED, CANCELLED -> throw new Failure(Failure.Kind.LIMIT, result.errorType());
            case PYTHON_ERROR -> throw new Failure(Failure.Kind.ERROR, lastLine(result.stderr()));
        }
        String[] lines = result.stdout().split("\n");
        double[] values = new double[count];
        for (int epoch = 0; epoch < count; epoch++) {
            values[epoch] = switch (lines[epoch]) {
                case "inf" -> Double.POSITIVE_INFINITY;
                case "-inf" -> Double.NEGATIVE_INFINITY;
                case "nan" -> Double.NaN;
                default -> Double.parseDouble(lines[epoch]);
            };
        }
        return values;
    }

    private static String lastLine(String traceback) {
        String[] lines = traceback.strip().split("\n");
        return lines[lines.length - 1].strip();
    }

    @Override
    public String toString() {
        return source.strip();
    }
}
