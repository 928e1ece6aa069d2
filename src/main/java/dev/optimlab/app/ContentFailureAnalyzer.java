package dev.optimlab.app;

import dev.optimlab.course.ContentException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a content error at start-up into a short report that names the file and position, not a stack trace. */
class ContentFailureAnalyzer extends AbstractFailureAnalyzer<ContentException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ContentException cause) {
        return new FailureAnalysis(
                "The course content could not be loaded:\n\n    " + cause.getMessage(),
                "Fix the file at the position shown, or point optimlab.content-dir at another content folder"
                        + " (empty means the course packaged in the jar).",
                cause);
    }
}
