package dev.optimlab.app;

import dev.optimlab.security.AccountException;
import dev.optimlab.security.AccountService;
import dev.optimlab.security.ApiTokens;
import dev.optimlab.security.Role;
import dev.optimlab.security.UserAccount;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code optimlab users create|bulk|grant ...}: manages accounts in the configured database without starting the
 * web server, as Django's {@code manage.py createsuperuser} does. Spring options ({@code --spring.datasource.url=...})
 * may follow the command's own arguments. Exit code 0 on success, 1 when an account operation is refused, 2 on a
 * usage error.
 */
final class UsersCommand {

    static final String SUMMARY = "manage accounts: users create USERNAME [--display NAME] [--role R] [--password P|--generate]"
            + " [--token] | users bulk N --prefix P [--tokens FILE.csv] | users grant USERNAME ROLE";

    private UsersCommand() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        List<String> own = new ArrayList<>();
        List<String> spring = new ArrayList<>();
        for (String arg : args) {
            (arg.startsWith("--") && arg.contains("=") && arg.substring(0, arg.indexOf('=')).contains(".") ? spring : own).add(arg);
        }
        if (own.isEmpty()) {
            return usage(err, "which users command? create, bulk or grant");
        }
        Action action;
        try {
            action = switch (own.get(0)) {
                case "create" -> create(own.subList(1, own.size()), out);
                case "bulk" -> bulk(own.subList(1, own.size()), out);
                case "grant" -> grant(own.subList(1, own.size()), out);
                default -> throw new UsageException("unknown users command '" + own.get(0) + "'");
            };
        } catch (UsageException e) {
            return usage(err, e.getMessage());
        }
        spring.add("--spring.main.banner-mode=off");
        spring.add("--logging.level.root=WARN");
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(AccountsOnlyConfiguration.class)
                .web(WebApplicationType.NONE).run(spring.toArray(String[]::new))) {
            action.run(context.getBean(AccountService.class), context.getBean(ApiTokens.class));
            return 0;
        } catch (AccountException e) {
            err.println("optimlab users: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("optimlab users: cannot write " + e.getMessage());
            return 1;
        }
    }

    /** What a users command does once Spring is up. */
    private interface Action {
        void run(AccountService accounts, ApiTokens tokens) throws IOException;
    }

    private static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }

    private static Action create(List<String> args, PrintStream out) {
        String username = null;
        String display = null;
        Role role = Role.LEARNER;
        String password = null;
        boolean generate = false;
        boolean token = false;
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--display" -> display = value(args, ++i, "--display takes a name");
                case "--role" -> role = role(value(args, ++i, "--role takes LEARNER, INSTRUCTOR or ADMIN"));
                case "--password" -> password = value(args, ++i, "--password takes a password");
                case "--generate" -> generate = true;
                case "--token" -> token = true;
                default -> {
                    if (args.get(i).startsWith("-") || username != null) {
                        throw new UsageException("unexpected " + args.get(i));
                    }
                    username = args.get(i);
                }
            }
        }
        if (username == null) {
            throw new UsageException("create needs a USERNAME");
        }
        if ((password == null) == !generate) {
            throw new UsageException("give either --password P or --generate");
        }
        String name = username;
        String displayName = display == null ? username : display;
        Role chosenRole = role;
        String givenPassword = password;
        boolean withToken = token;
        return (accounts, tokens) -> {
            String secret = givenPassword == null ? accounts.generatePassword() : givenPassword;
            UserAccount account = accounts.create(name, displayName, secret, chosenRole, givenPassword == null);
            out.println("created " + account.username() + " (" + account.role() + ")");
            if (givenPassword == null) {
                out.println("password: " + secret);
            }
            if (withToken) {
                out.println("token: " + tokens.create(account, "command line").secret());
            }
        };
    }

    private static Action bulk(List<String> args, PrintStream out) {
        Integer count = null;
        String prefix = null;
        Path csv = null;
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--prefix" -> prefix = value(args, ++i, "--prefix takes a username prefix");
                case "--tokens" -> csv = Path.of(value(args, ++i, "--tokens takes a CSV file"));
                default -> {
                    if (count != null) {
                        throw new UsageException("unexpected " + args.get(i));
                    }
                    try {
                        count = Integer.parseInt(args.get(i));
                    } catch (NumberFormatException e) {
                        throw new UsageException("bulk takes a number of learners, not '" + args.get(i) + "'");
                    }
                }
            }
        }
        if (count == null || count < 1 || count > 100_000) {
            throw new UsageException("bulk needs N between 1 and 100000");
        }
        if (prefix == null) {
            throw new UsageException("bulk needs --prefix P");
        }
        int n = count;
        String usernamePrefix = prefix;
        Path file = csv;
        int digits = String.valueOf(n).length();
        return (accounts, tokens) -> {
            try (Writer writer = file == null ? null : Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                if (writer != null) {
                    writer.write("username,password,token\n");
                }
                for (int i = 1; i <= n; i++) {
                    String username = usernamePrefix + String.format(Locale.ROOT, "%0" + digits + "d", i);
                    String password = accounts.generatePassword();
                    UserAccount account = accounts.create(username, username, password, Role.LEARNER, false);
                    String token = tokens.create(account, "bulk").secret();
                    if (writer != null) {
                        // usernames, generated passwords and tokens use only [A-Za-z0-9_.-], so no cell needs quoting
                        writer.write(username + "," + password + "," + token + "\n");
                    }
                }
            }
            out.println("created " + n + " learners " + usernamePrefix + String.format(Locale.ROOT, "%0" + digits + "d", 1) + " to "
                    + usernamePrefix + n + (file == null ? "" : "; usernames, passwords and tokens in " + file));
        };
    }

    private static Action grant(List<String> args, PrintStream out) {
        if (args.size() != 2) {
            throw new UsageException("grant needs USERNAME ROLE");
        }
        String username = args.get(0);
        Role role = role(args.get(1));
        return (accounts, tokens) -> {
            accounts.changeRole(username, role);
            out.println(username + " is now " + role);
        };
    }

    private static String value(List<String> args, int i, String problem) {
        if (i >= args.size()) {
            throw new UsageException(problem);
        }
        return args.get(i);
    }

    private static Role role(String name) {
        try {
            return Role.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException("unknown role '" + name + "' (LEARNER, INSTRUCTOR or ADMIN)");
        }
    }

    private static int usage(PrintStream err, String problem) {
        err.println("optimlab users: " + problem);
        err.println("usage: java -jar optimlab.jar " + SUMMARY.substring(SUMMARY.indexOf("users create")));
        return 2;
    }
}
