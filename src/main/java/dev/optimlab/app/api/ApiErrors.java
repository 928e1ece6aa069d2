package dev.optimlab.app.api;

import dev.optimlab.progress.GradingRefused;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
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
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
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

    /** The run queue's refusal: 503 when the server is full, 429 while the caller's last attempt is graded. */
    @ExceptionHandler(GradingRefused.class)
    ResponseEntity<ProblemDetail> gradingRefused(GradingRefused refused) {
        HttpStatus status = refused.serverBusy() ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.TOO_MANY_REQUESTS;
        ResponseEntity.BodyBuilder response = ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (refused.retryAfter() != null) {
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, refused.retryAfter().toSeconds())));
        }
        return response.body(problem(status, refused.serverBusy() ? "Server busy" : "Submission pending",
                "Not graded and not stored: " + refused.getMessage() + "."));
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

    /**
     * Answers any other request under /api with a problem before the UI's catch-all route can: 405 with Allow when
     * the path exists for other methods, else 404.
     */
    @RestController
    static class UnknownRoutes {

        private final RequestMappingHandlerMapping mappings;

        UnknownRoutes(@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings) {
            this.mappings = mappings;
        }

        @RequestMapping("/api/**")
        ResponseEntity<ProblemDetail> unknown(HttpServletRequest request) {
            Set<String> allowed = new TreeSet<>();
            mappings.getHandlerMethods().forEach((info, method) -> {
                if (method.getBeanType() != UnknownRoutes.class && info.getPathPatternsCondition() != null
                        && info.getPathPatternsCondition().getMatchingCondition(request) != null) {
                    info.getMethodsCondition().getMethods().forEach(m -> allowed.add(m.name()));
                }
            });
            if (!allowed.isEmpty()) {
                return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                        .header(HttpHeaders.ALLOW, String.join(", ", allowed))
                        .body(problem(HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed", request.getMethod() + " is not "
                                + "supported here; use " + String.join(" or ", allowed) + "."));
            }
            return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem(HttpStatus.NOT_FOUND, "Not found", "There is no such API route; see /api/docs."));
        }
    }
}
