package dev.optimlab.classroom.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import dev.optimlab.classroom.Accounts;
import dev.optimlab.classroom.Classroom;
import dev.optimlab.classroom.ClassroomService;
import dev.optimlab.classroom.ClassroomSpringTest;
import dev.optimlab.security.Role;
import dev.optimlab.security.UserAccount;
import dev.optimlab.security.UserAccountRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

@ClassroomSpringTest
class JoinViewTest extends SpringBrowserlessTest {

    static final String LEARNER = "join-learner";

    @Autowired
    ClassroomService service;
    @Autowired
    UserAccountRepository users;

    UserAccount learner;
    Classroom classroom;

    @BeforeEach
    void classroom() {
        learner = Accounts.named(users, LEARNER, Role.LEARNER);
        classroom = service.create(Accounts.create(users, Role.INSTRUCTOR, "Teacher"), "Adam and friends");
    }

    @Test
    @WithMockUser(username = LEARNER, roles = "LEARNER")
    @DisplayName("a learner joins with the code, and joining again says they are already in")
    void joins() {
        JoinView view = navigate(JoinView.class);
        test(view.code).setValue(classroom.joinCode().toLowerCase());
        test(view.join).click();
        assertThat(view.outcome.getText()).isEqualTo("You joined \"Adam and friends\".");
        assertThat(service.isMember(classroom.id(), learner.id())).isTrue();
        test(view.join).click();
        assertThat(view.outcome.getText()).isEqualTo("You are already in \"Adam and friends\".");
    }

    @Test
    @WithMockUser(username = LEARNER, roles = "LEARNER")
    @DisplayName("an unknown code marks the field invalid and names the code it looked for")
    void unknownCode() {
        JoinView view = navigate(JoinView.class);
        test(view.code).setValue("abcd-2345");
        test(view.join).click();
        assertThat(view.code.isInvalid()).isTrue();
        assertThat(view.code.getErrorMessage()).startsWith("No classroom has the code ABCD2345.");
    }
}
