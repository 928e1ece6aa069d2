package dev.optimlab.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;

/** The composition root: starts the web app, or runs a command-line command without starting Spring. */
@SpringBootApplication(scanBasePackages = "dev.optimlab")
// Features live beside app, not below it: entities, repositories and Vaadin views are found from the root.
@AutoConfigurationPackage(basePackages = "dev.optimlab")
public class Application {

    public static void main(String[] args) {
        CommandLine commandLine = new CommandLine(System.out, System.err);
        if (commandLine.handles(args)) {
            System.exit(commandLine.run(args));
        }
        SpringApplication.run(Application.class, args);
    }
}
