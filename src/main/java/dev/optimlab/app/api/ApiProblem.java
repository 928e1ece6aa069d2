package dev.optimlab.app.api;

import org.springframework.http.HttpStatus;

/** A refusal that the API answers as an RFC 9457 problem detail with the given status. */
final class ApiProblem extends RuntimeException {

    private final HttpStatus status;
    private final String title;

    ApiProblem(HttpStatus status, String title, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
    }

    static ApiProblem badRequest(String detail) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "Bad request", detail);
    }

    static ApiProblem notFound(String detail) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "Not found", detail);
    }

    HttpStatus status() {
        return status;
    }

    String title() {
        return title;
    }
}
