package dev.optimlab.classroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.optimlab.security.Role;
import dev.optimlab.security.UserAccount;
import dev.optimlab.security.UserAccountRepository;
import java.io.StringReader;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

@ClassroomSpringTest
class ClassroomServiceTest {

    @Autowired
    ClassroomService service;
    @Autowired
    UserAccountRepository users;
    @Autowired
    PasswordEncoder passwordEncoder;

    UserAccount instructor;
    UserAccount learner;
    Classroom classroom;

    @BeforeEach
    void createClassroom() {
        instructor = Accounts.create(users, Role.INSTRUCTOR, "Grace Hopper");
        learner = Accounts.create(users, Role.LEARNER, "Ada Lovelace");
        classroom = service.create(instructor, "  Optimizers, autumn term ");
    }

    @Nested
    @DisplayName("creating a classroom")
    class Creating {

        @Test
        @DisplayName("gives it the instructor as owner, a trimmed name and an 8-character code without look-alike characters")
        void joinCode() {
            assertThat(classroom.name()).isEqualTo("Optimizers, autumn term");
            assertThat(classroom.ownerId()).isEqualTo(instructor.id());
            assertThat(classroom.joinCode()).hasSize(8).matches("[" + JoinCodes.ALPHABET + "]{8}").doesNotContain("0", "O", "1", "I", "L");
        }

        @Test
        @DisplayName("gives every classroom its own code")
        void distinctCodes() {
            assertThat(service.create(instructor, "Second").joinCode()).isNotEqualTo(classroom.joinCode());
        }

        @Test
        @DisplayName("is refused to a learner, saying who may")
        void learnerMayNot() {
            assertThatThrownBy(() -> service.create(learner, "Mine"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("only instructors and admins");
        }

        @Test
        @DisplayName("is refused without a name")
        void needsName() {
            assertThatThrownBy(() -> service.create(instructor, "  ")).hasMessageContaining("a classroom name is 1 to 100 characters");
        }
    }

    @Nested
    @DisplayName("joining by code")
    class Joining {

        @Test
        @DisplayName("puts the learner on the roster, whatever the case and dashes they typed")
        void joins() {
            String typed = classroom.joinCode().substring(0, 4).toLowerCase(Locale.ROOT) + "-" + classroom.joinCode().substring(4) + " ";
            JoinResult result = service.join(learner.id(), typed);
            assertThat(result).isEqualTo(new JoinResult.Joined(classroom, false));
            assertThat(service.roster(classroom.id())).extracting(Member::username).containsExactly(learner.username());
        }

        @Test
        @DisplayName("twice keeps one membership and says the learner was already in")
        void idempotent() {
            service.join(learner.id(), classroom.joinCode());
            JoinResult again = service.join(learner.id(), classroom.joinCode());
            assertThat(again).isInstanceOfSatisfying(JoinResult.Joined.class, j -> assertThat(j.alreadyMember()).isTrue());
            assertThat(service.roster(classroom.id())).hasSize(1);
        }

        @Test
        @DisplayName("with an unknown code joins nothing and names the code it looked for")
        void unknownCode() {
            assertThat(service.join(learner.id(), "zzzz-zzzz")).isEqualTo(new JoinResult.UnknownCode("ZZZZZZZZ"));
            assertThat(service.isMember(classroom.id(), learner.id())).isFalse();
        }
    }

    @Test
    @DisplayName("removing a learner takes them off the roster; removing them again changes nothing")
    void removal() {
        service.join(learner.id(), classroom.joinCode());
        assertThat(service.removeLearner(classroom.id(), learner.id())).isTrue();
        assertThat(service.roster(classroom.id())).isEmpty();
        assertThat(service.removeLearner(classroom.id(), learner.id())).isFalse();
    }

    @Nested
    @DisplayName("due dates")
    class DueDates {

        final Instant early = Instant.parse("2026-12-01T12:00:00Z");
        final Instant late = Instant.parse("2026-12-08T12:00:00Z");

        @Test
        @DisplayName("a learner's due date for a chapter is the earliest over their classrooms")
        void earliest() {
            Classroom other = service.create(instructor, "Other");
            service.join(learner.id(), classroom.joinCode());
            service.join(learner.id(), other.joinCode());
            service.setDueDate(classroom.id(), "03-sgd-momentum", late);
            service.setDueDate(other.id(), "03-sgd-momentum", early);
            assertThat(service.dueFor(learner.id(), "03-sgd-momentum")).contains(early);
            assertThat(service.dueFor(learner.id(), "04-adaptive")).isEmpty();
        }

        @Test
        @DisplayName("do not apply to someone outside the classroom")
        void onlyMembers() {
            service.setDueDate(classroom.id(), "01-training-loop", early);
            assertThat(service.dueFor(learner.id(), "01-training-loop")).isEmpty();
        }

        @Test
        @DisplayName("move when set again, disappear when cleared, and are listed in course order")
        void moveAndClear() {
            service.setDueDate(classroom.id(), "06-schedules", early);
            service.setDueDate(classroom.id(), "02-losses", early);
            service.setDueDate(classroom.id(), "06-schedules", late);
            assertThat(service.dueDates(classroom.id())).extracting(DueDate::chapterFolder, DueDate::dueAt)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("02-losses", early), org.assertj.core.groups.Tuple.tuple("06-schedules", late));
            service.setDueDate(classroom.id(), "06-schedules", null);
            assertThat(service.dueDates(classroom.id())).extracting(DueDate::chapterFolder).containsExactly("02-losses");
        }

        @Test
        @DisplayName("refuse a chapter the course does not have")
        void unknownChapter() {
            assertThatThrownBy(() -> service.setDueDate(classroom.id(), "99-nowhere", early))
                    .hasMessageContaining("there is no chapter folder '99-nowhere'");
        }
    }

    @Nested
    @DisplayName("importing a roster")
    class Roster {

        @Test
        @DisplayName("creates learners with working one-time passwords, enrols existing accounts and reports bad lines by their line in the text")
        void imports() {
            String csv = "username,display name\n"
                    + "new-" + classroom.id() + "-wang,王小明\n"
                    + learner.username() + ",Ada L.\n"
                    + "\n"
                    + "bad name,Someone\n"
                    + "onlyname\n"
                    + "new-" + classroom.id() + "-wang,Again\n"
                    + "\"new-" + classroom.id() + "-lee\",\"Lee, Min\"\n";
            RosterImport result = service.importRoster(classroom.id(), new StringReader(csv));

            assertThat(result.created()).extracting(RosterImport.IssuedAccount::username, RosterImport.IssuedAccount::displayName)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("new-" + classroom.id() + "-wang", "王小明"),
                            org.assertj.core.groups.Tuple.tuple("new-" + classroom.id() + "-lee", "Lee, Min"));
            assertThat(result.enrolledExisting()).containsExactly(learner.username());
            assertThat(result.problems()).containsExactly(
                    new RosterImport.Problem(5, RosterImport.Reason.INVALID_USERNAME, "bad name"),
                    new RosterImport.Problem(6, RosterImport.Reason.NOT_TWO_CELLS, "onlyname"),
                    new RosterImport.Problem(7, RosterImport.Reason.DUPLICATE_USERNAME, "new-" + classroom.id() + "-wang"));

            RosterImport.IssuedAccount wang = result.created().get(0);
            assertThat(wang.oneTimePassword()).hasSize(JoinCodes.PASSWORD_LENGTH);
            UserAccount stored = users.findByUsername(wang.username()).orElseThrow();
            assertThat(stored.role()).isEqualTo(Role.LEARNER);
            assertThat(stored.passwordHash()).doesNotContain(wang.oneTimePassword());
            assertThat(passwordEncoder.matches(wang.oneTimePassword(), stored.passwordHash())).isTrue();
            assertThat(stored.mustChangePassword()).as("a one-time password must be replaced at the first sign-in").isTrue();
            assertThat(service.roster(classroom.id())).extracting(Member::username)
                    .containsExactlyInAnyOrder(wang.username(), learner.username(), "new-" + classroom.id() + "-lee");
        }

        @Test
        @DisplayName("a display name over 100 characters skips its line and creates no account")
        void longDisplayName() {
            String username = "long-" + classroom.id();
            RosterImport result = service.importRoster(classroom.id(), new StringReader(username + "," + "x".repeat(101) + "\n"));
            assertThat(result.problems()).containsExactly(new RosterImport.Problem(1, RosterImport.Reason.INVALID_DISPLAY_NAME, username));
            assertThat(users.findByUsername(username)).isEmpty();
        }

        @Test
        @DisplayName("a quote never closed stops the import at that line and keeps the lines before it")
        void unclosedQuote() {
            String good = "quote-" + classroom.id();
            String csv = good + ",Good\n\"broken-" + classroom.id() + ",Broken\nafter-" + classroom.id() + ",After\n";
            RosterImport result = service.importRoster(classroom.id(), new StringReader(csv));
            assertThat(result.created()).extracting(RosterImport.IssuedAccount::username).containsExactly(good);
            assertThat(result.problems()).containsExactly(new RosterImport.Problem(2, RosterImport.Reason.UNREADABLE));
        }

        @Test
        @DisplayName("a roster over 1000 learners imports the first 1000 and says where it stopped")
        void tooManyLines() {
            StringBuilder csv = new StringBuilder();
            for (int i = 1; i <= 1001; i++) {
                csv.append("bad name ").append(i).append(",X\n");
            }
            RosterImport result = service.importRoster(classroom.id(), new StringReader(csv.toString()));
            assertThat(result.problems()).hasSize(1001);
            assertThat(result.problems().getLast()).isEqualTo(new RosterImport.Problem(1001, RosterImport.Reason.TOO_MANY_LINES, 1000));
        }

        @Test
        @DisplayName("each reason has a message key in camel case under classroom.roster.problem")
        void messageKeys() {
            assertThat(RosterImport.Reason.DUPLICATE_USERNAME.messageKey()).isEqualTo("classroom.roster.problem.duplicateUsername");
            assertThat(RosterImport.Reason.UNREADABLE.messageKey()).isEqualTo("classroom.roster.problem.unreadable");
        }

        @Test
        @DisplayName("a second import of the same file creates no account twice and issues no new passwords")
        void reimport() {
            String csv = "again-" + classroom.id() + ",Bo\n";
            service.importRoster(classroom.id(), new StringReader(csv));
            RosterImport second = service.importRoster(classroom.id(), new StringReader(csv));
            assertThat(second.created()).isEmpty();
            assertThat(second.enrolledExisting()).containsExactly("again-" + classroom.id());
            assertThat(service.roster(classroom.id())).hasSize(1);
        }
    }

    @Nested
    @DisplayName("who manages a classroom")
    class Managing {

        @Test
        @DisplayName("its owner and admins do; another instructor and learners do not")
        void access() {
            UserAccount admin = Accounts.create(users, Role.ADMIN, "Admin");
            UserAccount otherInstructor = Accounts.create(users, Role.INSTRUCTOR, "Other");
            assertThat(service.manageable(instructor, classroom.id())).contains(classroom);
            assertThat(service.manageable(admin, classroom.id())).contains(classroom);
            assertThat(service.manageable(otherInstructor, classroom.id())).isEmpty();
            assertThat(service.manageable(learner, classroom.id())).isEmpty();
            assertThat(service.manageableBy(otherInstructor)).isEmpty();
            assertThat(service.manageableBy(learner)).isEmpty();
            assertThat(service.manageableBy(instructor)).contains(classroom);
        }
    }
}
