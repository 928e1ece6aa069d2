package dev.optimlab.app;

import dev.optimlab.security.CurrentUser;
import dev.optimlab.security.UserAccount;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/me}: whom the API token in the request belongs to, as GitHub's {@code GET /user} answers. */
@RestController
class MeController {

    private final CurrentUser currentUser;

    MeController(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    @GetMapping("/api/v1/me")
    Map<String, Object> me() {
        UserAccount account = currentUser.current().orElseThrow();
        return Map.of("username", account.username(), "displayName", account.displayName(), "role", account.role().name());
    }
}
