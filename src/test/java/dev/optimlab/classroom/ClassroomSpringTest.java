package dev.optimlab.classroom;

import dev.optimlab.app.Application;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/** One Spring context, on an in-memory database of its own, shared by the classroom tests (never ./data). */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = Application.class, properties = {
        "spring.datasource.url=jdbc:h2:mem:classroom-tests;DB_CLOSE_DELAY=-1",
        "vaadin.launch-browser=false"})
public @interface ClassroomSpringTest {
}
