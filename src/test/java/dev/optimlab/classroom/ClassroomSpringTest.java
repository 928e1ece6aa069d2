package dev.optimlab.classroom;

import dev.optimlab.app.Application;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The Spring context of the classroom tests: the same as the other view tests' (in-memory database from the
 * test configuration), so the JVM holds one context. Browserless tests need that: with Vaadin 25.2.3 a second
 * context makes {@code @WithMockUser} reach the wrong one and pages redirect to the login (vaadin/flow#25507).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = Application.class)
public @interface ClassroomSpringTest {
}
