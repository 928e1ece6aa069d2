package dev.optimlab.app.api;

import dev.optimlab.course.Exercise;
import dev.optimlab.course.GradeTimeline;
import dev.optimlab.course.Lang;
import dev.optimlab.progress.CourseExercises;
import dev.optimlab.progress.ProgressService;
import dev.optimlab.progress.StoredAttempt;
import dev.optimlab.security.UserAccount;
import dev.optimlab.security.UserAccountRepository;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Grading over HTTP, in the manner of Otter-Grader's and PrairieLearn's external graders: a program in, the
 * verdict JSON out, stored as an attempt of the calling account like a Submit in the browser.
 */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "grading", description = "Grade programs against the course's exercises and read your own attempts")
@SecurityScheme(name = "token", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "A personal API token, created on the profile page")
@SecurityRequirement(name = "token")
class GradingApi {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final CourseExercises exercises;
    private final ProgressService progress;
    private final UserAccountRepository accounts;
    private final ApiRateLimit rateLimit;
    private final GradeTimings timings;

    GradingApi(CourseExercises exercises, ProgressService progress, UserAccountRepository accounts, ApiRateLimit rateLimit,
               GradeTimings timings) {
        this.exercises = exercises;
        this.progress = progress;
        this.accounts = accounts;
        this.rateLimit = rateLimit;
        this.timings = timings;
    }

    @PostMapping(path = "/exercises/{id}/grade", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Grade a program", description = "Runs the program and the exercise's checks, stores the "
            + "attempt for the calling account and answers with the verdict JSON (gradable, score, points, max_points, "
            + "message, checks, output, duration_ms). Content-Location names the stored attempt.")
    @ApiResponse(responseCode = "200", description = "The verdict")
    @ApiResponse(responseCode = "400", description = "Malformed JSON, no code, code over 100 KiB or an unknown lang",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "401", description = "No valid API token", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "404", description = "No such exercise", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "429", description = "Over the token's rate limit, or the caller's previous attempt is "
            + "still being graded; Retry-After says when to retry", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "503", description = "The run queue is full; nothing was stored; Retry-After says when "
            + "to retry", content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<String> grade(@Parameter(description = "The exercise id, e.g. zero-grad-missing") @PathVariable String id,
                                 @RequestBody GradeRequest request, Authentication authentication,
                                 HttpServletRequest http) {
        long userId = caller(authentication).id();
        Exercise exercise = exercises.find(id).orElseThrow(() -> ApiProblem.notFound("There is no exercise '" + id + "'."));
        if (request == null || request.code() == null) {
            throw ApiProblem.badRequest("The body needs a \"code\" string with the program to grade.");
        }
        int bytes = request.code().getBytes(StandardCharsets.UTF_8).length;
        if (bytes > ProgressService.MAX_CODE_BYTES) {
            throw ApiProblem.badRequest("The program is " + bytes + " bytes; the limit is " + ProgressService.MAX_CODE_BYTES
                    + " bytes (100 KiB).");
        }
        Lang lang = lang(request.lang());
        rateLimit.take(callerKey(http, authentication));
        GradeTimeline timeline = GradeTimeline.open();
        try {
            StoredAttempt attempt = progress.submit(userId, exercise, request.code(), lang);
            timeline.mark(GradeTimeline.Stage.ANSWERED);
            timings.record(timeline);
            return ResponseEntity.ok().header("Content-Location", "/api/v1/attempts/" + attempt.id())
                    .contentType(MediaType.APPLICATION_JSON).body(attempt.verdictJson());
        } finally {
            GradeTimeline.close();
        }
    }

    @GetMapping("/me/attempts")
    @Operation(summary = "Your attempts at an exercise, newest first")
    @ApiResponse(responseCode = "200", description = "The attempts, possibly none")
    @ApiResponse(responseCode = "401", description = "No valid API token", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "404", description = "No such exercise", content = @Content(mediaType = "application/problem+json"))
    List<Map<String, Object>> myAttempts(@Parameter(description = "The exercise id") @RequestParam("exercise") String exerciseId,
                                         Authentication authentication) {
        long userId = caller(authentication).id();
        exercises.find(exerciseId).orElseThrow(() -> ApiProblem.notFound("There is no exercise '" + exerciseId + "'."));
        return progress.attempts(userId, exerciseId).stream().map(GradingApi::json).toList();
    }

    @GetMapping("/attempts/{attemptId}")
    @Operation(summary = "One of your attempts", description = "Another account's attempt is refused with 403.")
    @ApiResponse(responseCode = "200", description = "The attempt with its code and verdict")
    @ApiResponse(responseCode = "401", description = "No valid API token", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "403", description = "The attempt belongs to someone else",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "404", description = "No such attempt", content = @Content(mediaType = "application/problem+json"))
    Map<String, Object> attempt(@PathVariable long attemptId, Authentication authentication) {
        long userId = caller(authentication).id();
        return progress.attempt(userId, attemptId).map(GradingApi::json).orElseThrow(() -> progress.attemptExists(attemptId)
                ? new ApiProblem(HttpStatus.FORBIDDEN, "Forbidden", "Attempt " + attemptId + " belongs to another account.")
                : ApiProblem.notFound("There is no attempt " + attemptId + "."));
    }

    private UserAccount caller(Authentication authentication) {
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken || !authentication.isAuthenticated()) {
            throw new ApiProblem(HttpStatus.UNAUTHORIZED, "Unauthorized",
                    "Send a personal API token as 'Authorization: Bearer TOKEN' (create one on your profile page).");
        }
        return accounts.findByUsername(authentication.getName()).orElseThrow(() -> new ApiProblem(HttpStatus.UNAUTHORIZED,
                "Unauthorized", "The token's account no longer exists."));
    }

    /** The bearer token itself (hashed, never kept in clear), so each token has its own limit; else the account. */
    private static String callerKey(HttpServletRequest http, Authentication authentication) {
        String header = http.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return "account:" + authentication.getName();
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(header.substring(7).strip().getBytes(StandardCharsets.UTF_8));
            return "token:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static Lang lang(String code) {
        if (code == null || code.equals("en")) {
            return Lang.EN;
        }
        if (code.equals("zh")) {
            return Lang.ZH;
        }
        throw ApiProblem.badRequest("\"lang\" is \"en\" or \"zh\", not \"" + code + "\".");
    }

    @Schema(hidden = true)
    private static Map<String, Object> json(StoredAttempt a) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", a.id());
        json.put("exercise", a.exerciseId());
        json.put("content_hash", a.contentHash());
        json.put("created_at", a.createdAt().toString());
        json.put("late", a.late());
        json.put("score", a.score());
        json.put("code", a.code());
        JsonNode verdict = JSON.readTree(a.verdictJson());
        json.put("verdict", verdict);
        return json;
    }
}
