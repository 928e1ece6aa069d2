package dev.optimlab.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optimlab.app.Application;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Form login through the real HTTP stack: Spring Security's filter chain as the browser's form post meets it. */
@SpringBootTest(classes = Application.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SignInTest {

    private static final String PASSWORD = "correct horse battery";

    @LocalServerPort
    int port;

    @Autowired
    UserAccountRepository accounts;

    @Autowired
    PasswordEncoder encoder;

    private HttpClient client;

    @BeforeEach
    void newBrowser() {
        client = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    private void account(String username) {
        if (accounts.findByUsername(username).isEmpty()) {
            accounts.save(new UserAccount(username, "Signer " + username, encoder.encode(PASSWORD), Role.LEARNER, Instant.now()));
        }
    }

    private HttpResponse<String> postLogin(String username, String password) throws IOException, InterruptedException {
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @DisplayName("the right password signs in and starts a session")
    void rightPassword() throws Exception {
        account("signin-ok");
        client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> response = postLogin("signin-ok", PASSWORD);
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
        assertThat(response.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("JSESSIONID="));
    }

    @Test
    @DisplayName("a wrong password goes back to the login page with an error")
    void wrongPassword() throws Exception {
        account("signin-wrong");
        HttpResponse<String> response = postLogin("signin-wrong", "not the password");
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
    }

    @Test
    @DisplayName("after five wrong passwords even the right one is refused as locked")
    void lockedAfterFiveFailures() throws Exception {
        account("signin-locked");
        for (int i = 0; i < 5; i++) {
            postLogin("signin-locked", "guess " + i);
        }
        HttpResponse<String> response = postLogin("signin-locked", PASSWORD);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?error=locked"));
    }
}
