package dev.optimlab.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CommandLineTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final CommandLine commandLine = new CommandLine(
            new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

    @Test
    @DisplayName("no arguments and Spring options start the web app rather than a command")
    void springArgumentsAreNotCommands() {
        assertThat(commandLine.handles(new String[0])).isFalse();
        assertThat(commandLine.handles(new String[] {"--server.port=9090"})).isFalse();
        assertThat(commandLine.handles(new String[] {"help"})).isTrue();
    }

    @Test
    @DisplayName("help lists the commands and exits 0")
    void helpListsCommands() {
        assertThat(commandLine.run(new String[] {"help"})).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("usage: java -jar optimlab.jar").contains("help");
    }

    @Test
    @DisplayName("an unknown command is named on stderr with the usage, and exits 2")
    void unknownCommand() {
        assertThat(commandLine.run(new String[] {"frobnicate"})).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown command 'frobnicate'").contains("usage:");
    }

    @Test
    @DisplayName("run is a command and passes its arguments on, so a missing file is a usage error")
    void runIsACommand() {
        assertThat(commandLine.run(new String[] {"help"})).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("run FILE.py");
        assertThat(commandLine.run(new String[] {"run"})).isEqualTo(64);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("optimlab run: which program?");
    }
}
