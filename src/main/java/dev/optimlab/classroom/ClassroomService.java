package dev.optimlab.classroom;

import dev.optimlab.course.Chapter;
import dev.optimlab.course.CourseCatalog;
import dev.optimlab.progress.DueDates;
import dev.optimlab.security.Role;
import dev.optimlab.security.UserAccount;
import dev.optimlab.security.UserAccountRepository;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Classrooms and their rosters: an instructor creates one and gets a join code, learners join with it, the
 * instructor removes learners, sets due dates per chapter and imports a roster of new accounts. As progress's
 * {@link DueDates} it tells the attempts of a learner in a classroom when they are late.
 */
@Service
public class ClassroomService implements DueDates {

    private static final int MAX_CODE_TRIES = 20;
    private static final int MAX_ROSTER_LINES = 1000;

    private final ClassroomRepository classrooms;
    private final MembershipRepository memberships;
    private final DueDateRepository dueDates;
    private final UserAccountRepository users;
    private final PasswordEncoder passwordEncoder;
    private final CourseCatalog catalog;
    private final JoinCodes codes;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    @Autowired
    ClassroomService(ClassroomRepository classrooms, MembershipRepository memberships, DueDateRepository dueDates,
                     UserAccountRepository users, PasswordEncoder passwordEncoder, CourseCatalog catalog,
                     ApplicationEventPublisher events) {
        this(classrooms, memberships, dueDates, users, passwordEncoder, catalog, new JoinCodes(), Clock.systemUTC(), events);
    }

    ClassroomService(ClassroomRepository classrooms, MembershipRepository memberships, DueDateRepository dueDates,
                     UserAccountRepository users, PasswordEncoder passwordEncoder, CourseCatalog catalog,
                     JoinCodes codes, Clock clock, ApplicationEventPublisher events) {
        this.classrooms = classrooms;
        this.memberships = memberships;
        this.dueDates = dueDates;
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.catalog = catalog;
        this.codes = codes;
        this.clock = clock;
        this.events = events;
    }

    /** A new classroom owned by an instructor (or admin), with a fresh join code. */
    @Transactional
    public Classroom create(UserAccount instructor, String name) {
        if (!mayTeach(instructor)) {
            throw new IllegalArgumentException("only instructors and admins create classrooms; " + instructor.username() + " is a " + instructor.role());
        }
        for (int i = 0; i < MAX_CODE_TRIES; i++) {
            String code = codes.nextCode();
            if (!classrooms.existsByJoinCode(code)) {
                return classrooms.save(new Classroom(name, instructor.id(), code, clock.instant()));
            }
        }
        throw new IllegalStateException("no unused join code after " + MAX_CODE_TRIES + " draws");
    }

    /** Joins the classroom with that code; joining twice keeps the first membership. */
    @Transactional
    public JoinResult join(long userId, String typedCode) {
        String code = JoinCodes.normalize(typedCode);
        Optional<Classroom> classroom = classrooms.findByJoinCode(code);
        if (classroom.isEmpty()) {
            return new JoinResult.UnknownCode(code);
        }
        long classroomId = classroom.get().id();
        if (memberships.existsByClassroomIdAndUserId(classroomId, userId)) {
            return new JoinResult.Joined(classroom.get(), true);
        }
        memberships.save(new Membership(classroomId, userId, clock.instant()));
        events.publishEvent(new RosterChanged(classroomId));
        return new JoinResult.Joined(classroom.get(), false);
    }

    /** Takes a learner out of a classroom; their attempts stay theirs. */
    @Transactional
    public boolean removeLearner(long classroomId, long userId) {
        Optional<Membership> membership = memberships.findByClassroomIdAndUserId(classroomId, userId);
        membership.ifPresent(m -> {
            memberships.delete(m);
            events.publishEvent(new RosterChanged(classroomId));
        });
        return membership.isPresent();
    }

    /** Sets, moves or (with {@code null}) clears the due date of a chapter in a classroom. */
    @Transactional
    public void setDueDate(long classroomId, String chapterFolder, Instant dueAt) {
        if (catalog.course().chapters().stream().noneMatch(c -> c.folder().equals(chapterFolder))) {
            throw new IllegalArgumentException("there is no chapter folder '" + chapterFolder + "' in the course");
        }
        Optional<DueDate> existing = dueDates.findByClassroomIdAndChapterFolder(classroomId, chapterFolder);
        if (dueAt == null) {
            existing.ifPresent(dueDates::delete);
        } else if (existing.isPresent()) {
            existing.get().moveTo(dueAt);
        } else {
            dueDates.save(new DueDate(classroomId, chapterFolder, dueAt));
        }
    }

    @Transactional(readOnly = true)
    public List<DueDate> dueDates(long classroomId) {
        List<String> order = catalog.course().chapters().stream().map(Chapter::folder).toList();
        return dueDates.findByClassroomIdOrderByChapterFolder(classroomId).stream()
                .sorted(Comparator.comparingInt(d -> order.indexOf(d.chapterFolder()))).toList();
    }

    /** The earliest due date of a chapter over every classroom the learner is in. */
    @Override
    @Transactional(readOnly = true)
    public Optional<Instant> dueFor(long userId, String chapterFolder) {
        return dueDates.earliestDueFor(userId, chapterFolder);
    }

    /**
     * Reads a roster CSV ({@code username,display name} per line, an optional header line) and puts every
     * listed learner in the classroom, creating the accounts that do not exist with one-time passwords.
     */
    @Transactional
    public RosterImport importRoster(long classroomId, Reader csv) {
        List<RosterImport.IssuedAccount> created = new ArrayList<>();
        List<String> existing = new ArrayList<>();
        List<RosterImport.Problem> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).setTrim(true).get();
        try (CSVParser parser = CSVParser.builder().setReader(csv).setFormat(format).get()) {
            Iterator<CSVRecord> rows = parser.iterator();
            long line = 0;
            while (true) {
                CSVRecord row;
                try {
                    if (!rows.hasNext()) {
                        break;
                    }
                    row = rows.next();
                } catch (UncheckedIOException e) {
                    // commons-csv reports a malformed record (an unclosed quote) this way; nothing after it can be trusted
                    problems.add(new RosterImport.Problem(line + 1, RosterImport.Reason.UNREADABLE));
                    break;
                }
                // the text line the record ends on, as the instructor counts lines in the pasted text (blank ones too)
                line = parser.getCurrentLineNumber();
                if (row.getRecordNumber() > MAX_ROSTER_LINES) {
                    problems.add(new RosterImport.Problem(line, RosterImport.Reason.TOO_MANY_LINES, MAX_ROSTER_LINES));
                    break;
                }
                String username = row.get(0);
                if (row.getRecordNumber() == 1 && username.toLowerCase(Locale.ROOT).equals("username")) {
                    continue;
                }
                if (row.size() < 2 || row.get(1).isBlank()) {
                    problems.add(new RosterImport.Problem(line, RosterImport.Reason.NOT_TWO_CELLS, String.join(",", row.values())));
                    continue;
                }
                if (!seen.add(username)) {
                    problems.add(new RosterImport.Problem(line, RosterImport.Reason.DUPLICATE_USERNAME, username));
                    continue;
                }
                if (!UserAccount.isValidUsername(username)) {
                    problems.add(new RosterImport.Problem(line, RosterImport.Reason.INVALID_USERNAME, username));
                    continue;
                }
                Optional<UserAccount> account = users.findByUsername(username);
                if (account.isPresent()) {
                    existing.add(username);
                    enrol(classroomId, account.get().id());
                    continue;
                }
                String password = codes.nextPassword();
                String hash = passwordEncoder.encode(password);
                UserAccount newAccount;
                try {
                    newAccount = new UserAccount(username, row.get(1), hash, Role.LEARNER, clock.instant());
                } catch (IllegalArgumentException e) {
                    // the username passed above, so the account's rules refused the display name
                    problems.add(new RosterImport.Problem(line, RosterImport.Reason.INVALID_DISPLAY_NAME, username));
                    continue;
                }
                newAccount.changePasswordHash(hash, true);
                enrol(classroomId, users.save(newAccount).id());
                created.add(new RosterImport.IssuedAccount(username, newAccount.displayName(), password));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the roster could not be read", e);
        }
        return new RosterImport(created, existing, problems);
    }

    private void enrol(long classroomId, long userId) {
        if (!memberships.existsByClassroomIdAndUserId(classroomId, userId)) {
            memberships.save(new Membership(classroomId, userId, clock.instant()));
            events.publishEvent(new RosterChanged(classroomId));
        }
    }

    /** The classrooms an account may manage: its own for an instructor, all for an admin, none for a learner. */
    @Transactional(readOnly = true)
    public List<Classroom> manageableBy(UserAccount account) {
        return switch (account.role()) {
            case ADMIN -> classrooms.findAllByOrderByCreatedAtDesc();
            case INSTRUCTOR -> classrooms.findByOwnerIdOrderByCreatedAtDesc(account.id());
            case LEARNER -> List.of();
        };
    }

    /** The classroom if the account may manage it (its owner or an admin); empty when unknown or not theirs. */
    @Transactional(readOnly = true)
    public Optional<Classroom> manageable(UserAccount account, long classroomId) {
        return classrooms.findById(classroomId).filter(c -> mayManage(account, c));
    }

    @Transactional(readOnly = true)
    public Optional<Classroom> find(long classroomId) {
        return classrooms.findById(classroomId);
    }

    public static boolean mayManage(UserAccount account, Classroom classroom) {
        return account.role() == Role.ADMIN || (account.role() == Role.INSTRUCTOR && classroom.ownerId() == account.id());
    }

    private static boolean mayTeach(UserAccount account) {
        return account.role() == Role.ADMIN || account.role() == Role.INSTRUCTOR;
    }

    /** The classroom's learners, in the order they joined. */
    @Transactional(readOnly = true)
    public List<Member> roster(long classroomId) {
        List<Membership> members = memberships.findByClassroomIdOrderByJoinedAt(classroomId);
        var accounts = users.findAllById(members.stream().map(Membership::userId).toList()).stream()
                .collect(Collectors.toMap(UserAccount::id, a -> a));
        return members.stream().filter(m -> accounts.containsKey(m.userId()))
                .map(m -> new Member(m.userId(), accounts.get(m.userId()).username(), accounts.get(m.userId()).displayName(), m.joinedAt()))
                .toList();
    }

    /** Whether a learner is in a classroom. */
    @Transactional(readOnly = true)
    public boolean isMember(long classroomId, long userId) {
        return memberships.existsByClassroomIdAndUserId(classroomId, userId);
    }
}
