package dev.optimlab.course;

/**
 * Malformed or missing course content, located as {@code file:line:column: message} so that an author can go
 * straight to the spot. Line and column are 1-based; 0 means unknown.
 */
public class ContentException extends RuntimeException {

    private final String file;
    private final int line;
    private final int column;
    private final String problem;

    public ContentException(String file, int line, int column, String problem) {
        super(format(file, line, column, problem));
        this.file = file;
        this.line = line;
        this.column = column;
        this.problem = problem;
    }

    public ContentException(String file, String problem) {
        this(file, 0, 0, problem);
    }

    private static String format(String file, int line, int column, String problem) {
        StringBuilder where = new StringBuilder(file);
        if (line > 0) {
            where.append(':').append(line);
            if (column > 0) {
                where.append(':').append(column);
            }
        }
        return where + ": " + problem;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    public String problem() {
        return problem;
    }
}
