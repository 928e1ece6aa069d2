package dev.optimlab.app.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dev.optimlab.classroom.Accounts;
import dev.optimlab.classroom.Classroom;
import dev.optimlab.classroom.ClassroomService;
import dev.optimlab.classroom.ClassroomSpringTest;
import dev.optimlab.security.ApiTokens;
import dev.optimlab.security.Role;
import dev.optimlab.security.UserAccount;
import dev.optimlab.security.UserAccountRepository;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

@ClassroomSpringTest
@DisplayName("GET /api/v1/classrooms/{id}/grades.csv")
class ClassroomApiTest {

    @Autowired
    WebApplicationContext context;
    @Autowired
    UserAccountRepository users;
    @Autowired
    ClassroomService service;
    @Autowired
    ApiTokens tokens;

    MockMvc mvc;
    UserAccount teacher;
    UserAccount learner;
    Classroom classroom;

    @BeforeEach
    void classroomWithALearner() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        teacher = Accounts.create(users, Role.INSTRUCTOR, "Teacher");
        learner = Accounts.create(users, Role.LEARNER, "@王小明");
        classroom = service.create(teacher, "API class");
        service.join(learner.id(), classroom.joinCode());
    }

    /** The request as a script sends it: with the account's personal API token, or with none. */
    private MockHttpServletResponse grades(long classroomId, UserAccount as) throws Exception {
        MockHttpServletRequestBuilder request = get("/api/v1/classrooms/" + classroomId + "/grades.csv");
        return mvc.perform(as == null ? request : request.header("Authorization", "Bearer " + tokens.create(as, "grades").secret()))
                .andReturn().getResponse();
    }

    @Test
    @DisplayName("gives the classroom's instructor the grades CSV as a UTF-8 download")
    void instructor() throws Exception {
        MockHttpServletResponse response = grades(classroom.id(), teacher);
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).isEqualTo("text/csv;charset=UTF-8");
        assertThat(response.getHeader("Content-Disposition")).isEqualTo("attachment; filename=\"classroom-" + classroom.id() + "-grades.csv\"");
        String body = new String(response.getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(body).startsWith("\uFEFFusername,display_name,");
        assertThat(body.lines().skip(1)).singleElement().asString().startsWith(learner.username() + ",'@王小明,");
    }

    @Test
    @DisplayName("gives an admin any classroom's grades")
    void admin() throws Exception {
        assertThat(grades(classroom.id(), Accounts.create(users, Role.ADMIN, "Admin")).getStatus()).isEqualTo(200);
    }

    @Test
    @DisplayName("refuses a learner of the classroom and another instructor with 403 problem details")
    void forbidden() throws Exception {
        for (UserAccount other : new UserAccount[] {learner, Accounts.create(users, Role.INSTRUCTOR, "Other")}) {
            MockHttpServletResponse response = grades(classroom.id(), other);
            assertThat(response.getStatus()).isEqualTo(403);
            assertThat(response.getContentType()).isEqualTo("application/problem+json");
            assertThat(response.getContentAsString()).contains("Only the instructor of classroom " + classroom.id()).doesNotContain("王小明");
        }
    }

    @Test
    @DisplayName("answers 404 for a classroom that does not exist, and 401 without a token or with a wrong one")
    void unknownAndAnonymous() throws Exception {
        MockHttpServletResponse unknown = grades(classroom.id() + 100_000, teacher);
        assertThat(unknown.getStatus()).isEqualTo(404);
        assertThat(unknown.getContentAsString()).contains("There is no classroom " + (classroom.id() + 100_000));
        assertThat(grades(classroom.id(), null).getStatus()).isEqualTo(401);
        MockHttpServletResponse badToken = mvc.perform(get("/api/v1/classrooms/" + classroom.id() + "/grades.csv")
                .header("Authorization", "Bearer olt_not-a-token")).andReturn().getResponse();
        assertThat(badToken.getStatus()).isEqualTo(401);
    }
}
