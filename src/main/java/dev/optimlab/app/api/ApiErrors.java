package dev.optimlab.app.api;

import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of the HTTP API as an RFC 9457 problem detail ({@code application/problem+json}), never an HTML
 * page: Spring MVC's own exceptions (malformed JSON, wrong media type, missing parameter) through
 * {@link ResponseEntityExceptionHandler}, the API's refusals, and unknown routes under {@code /api}.
 */
@RestControllerAdvice
class ApiErrors extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<ProblemDetail> refused(ApiProblem problem) {
        ResponseEntity.BodyBuilder response = ResponseEntity.status(problem.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (problem.status() == HttpStatus.UNAUTHORIZED) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        return response.body(problem(problem.status(), problem.title(), problem.getMessage()));
    }

    @ExceptionHandler(RateLimited.class)
    ResponseEntity<ProblemDetail> rateLimited(RateLimited limited) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(limited.retryAfterSeconds()))
                .body(problem(HttpStatus.TOO_MANY_REQUESTS, "Too many requests", "This token has used its grading "
                        + "requests for now; retry after " + limited.retryAfterSeconds() + " s."));
    }

    @ExceptionHandler(RuntimeException.class)
    ResponseEntity<ProblemDetail> unexpected(RuntimeException e) {
        if (e instanceof AccessDeniedException || e instanceof AuthenticationException) {
            throw e; // Spring Security answers these itself, with 401 or 403
        }
        LOG.error("API request failed", e);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error", "The server failed to answer; "
                        + "the problem is logged. Please retry later or report it."));
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setType(URI.create("about:blank"));
        return problem;
    }

    /** Answers any other path under /api with a 404 problem, before the UI's catch-all route can take it. */
    @RestController
    static class UnknownRoutes {

        @RequestMapping("/api/**")
        ResponseEntity<ProblemDetail> unknown() {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem(HttpStatus.NOT_FOUND, "Not found", "There is no such API route; see /api/docs."));
        }
    }
}
