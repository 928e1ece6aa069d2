package dev.optimlab.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.optimlab.app.Application;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The stateless API chain over real HTTP: bearer tokens, problem details, no session, no CSRF. */
@SpringBootTest(classes = Application.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiChainTest {

    @LocalServerPort
    int port;

    @Autowired
    ApiTokens tokens;

    @Autowired
    UserAccountRepository accounts;

    private final HttpClient client = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    private HttpResponse<String> call(String method, String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String tokenFor(String username, Role role) {
        UserAccount account = accounts.findByUsername(username)
                .orElseGet(() -> accounts.save(new UserAccount(username, "API " + username, "{noop}unused-password", role, Instant.now())));
        return tokens.create(account, "test").secret();
    }

    @Test
    @DisplayName("without a token the API answers 401 with an RFC 9457 problem detail and a Bearer challenge")
    void missingToken() throws Exception {
        HttpResponse<String> response = call("GET", "/api/v1/me", null);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(h -> assertThat(h).startsWith("Bearer"));
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(401);
        assertThat(problem.get("title").asText()).isEqualTo("Unauthorized");
        assertThat(problem.get("instance").asText()).isEqualTo("/api/v1/me");
        assertThat(problem.get("detail").asText()).contains("Authorization: Bearer");
        assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
    }

    @Test
    @DisplayName("an unknown token is answered 401 as well, saying the token is unknown")
    void badToken() throws Exception {
        HttpResponse<String> response = call("GET", "/api/v1/me", "Bearer olt_thisTokenWasNeverIssuedToAnyoneAtAll0000000");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json.readTree(response.body()).get("detail").asText()).contains("unknown or has been revoked");
    }

    @Test
    @DisplayName("a good token answers 200 with its owner, and sets no session cookie")
    void goodToken() throws Exception {
        String username = "api-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> response = call("GET", "/api/v1/me", "Bearer " + tokenFor(username, Role.INSTRUCTOR));
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode me = json.readTree(response.body());
        assertThat(me.get("username").asText()).isEqualTo(username);
        assertThat(me.get("role").asText()).isEqualTo("INSTRUCTOR");
        assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
    }

    @Test
    @DisplayName("a token's request is not remembered: the next request without it is 401 again")
    void stateless() throws Exception {
        String secret = tokenFor("api-" + UUID.randomUUID().toString().substring(0, 8), Role.LEARNER);
        assertThat(call("GET", "/api/v1/me", "Bearer " + secret).statusCode()).isEqualTo(200);
        assertThat(call("GET", "/api/v1/me", null).statusCode()).isEqualTo(401);
    }

    @Test
    @DisplayName("a POST with a token needs no CSRF token: it reaches the endpoint (405 here), not a 403")
    void noCsrf() throws Exception {
        String secret = tokenFor("api-" + UUID.randomUUID().toString().substring(0, 8), Role.LEARNER);
        assertThat(call("POST", "/api/v1/me", "Bearer " + secret).statusCode()).isEqualTo(405);
    }

    @Test
    @DisplayName("a revoked token stops working at once")
    void revoked() throws Exception {
        String username = "api-" + UUID.randomUUID().toString().substring(0, 8);
        String secret = tokenFor(username, Role.LEARNER);
        UserAccount account = accounts.findByUsername(username).orElseThrow();
        tokens.revoke(account, tokens.list(account).getFirst().id());
        assertThat(call("GET", "/api/v1/me", "Bearer " + secret).statusCode()).isEqualTo(401);
    }
}
