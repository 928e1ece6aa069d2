package dev.optimlab.app.api;

import dev.optimlab.classroom.Classroom;
import dev.optimlab.classroom.ClassroomReports;
import dev.optimlab.classroom.ClassroomService;
import dev.optimlab.classroom.CsvExports;
import dev.optimlab.security.UserAccount;
import dev.optimlab.security.UserAccountRepository;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A classroom's grades CSV for scripts and gradebooks (as Canvas's and Moodle's grade exports), for the
 * classroom's instructor and admins: another account gets 403, an unknown classroom 404.
 */
@RestController
@Tag(name = "classrooms", description = "Export a classroom's grades")
@SecurityRequirement(name = "token")
class ClassroomApi {

    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final ClassroomService classrooms;
    private final ClassroomReports reports;
    private final UserAccountRepository accounts;

    ClassroomApi(ClassroomService classrooms, ClassroomReports reports, UserAccountRepository accounts) {
        this.classrooms = classrooms;
        this.reports = reports;
        this.accounts = accounts;
    }

    @GetMapping("/api/v1/classrooms/{id}/grades.csv")
    @Operation(summary = "A classroom's grades as CSV", description = "One row per learner, one column of points per "
            + "exercise in course order, total, maximum and the exercises whose best result was late. UTF-8 with a "
            + "byte-order mark; cells a spreadsheet would run as formulas start with a quote.")
    @ApiResponse(responseCode = "200", description = "The grades", content = @Content(mediaType = "text/csv"))
    @ApiResponse(responseCode = "401", description = "No valid API token", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "403", description = "Not an instructor of this classroom", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "404", description = "No such classroom", content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<byte[]> grades(@PathVariable long id, Authentication authentication) {
        UserAccount caller = caller(authentication);
        Classroom classroom = classrooms.find(id).orElseThrow(() -> ApiProblem.notFound("There is no classroom " + id + "."));
        if (!ClassroomService.mayManage(caller, classroom)) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "Forbidden", "Only the instructor of classroom " + id + " and admins may read its grades.");
        }
        byte[] csv = CsvExports.utf8WithBom(CsvExports.grades(reports.gradebook(id)));
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("classroom-" + id + "-grades.csv").build().toString())
                .body(csv);
    }

    private UserAccount caller(Authentication authentication) {
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken || !authentication.isAuthenticated()) {
            throw new ApiProblem(HttpStatus.UNAUTHORIZED, "Unauthorized",
                    "Send a personal API token as 'Authorization: Bearer TOKEN' (create one on your profile page).");
        }
        return accounts.findByUsername(authentication.getName())
                .orElseThrow(() -> new ApiProblem(HttpStatus.UNAUTHORIZED, "Unauthorized", "The token's account no longer exists."));
    }
}
