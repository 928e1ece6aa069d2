package dev.optimlab.progress;

import dev.optimlab.app.Application;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The app on a file database in a temporary folder, with stated-score grading; one context shared by subclasses. */
@SpringBootTest(classes = Application.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(ProgressTestSupport.StatedScores.class)
abstract class ProgressSpringTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        ProgressTestSupport.fileDatabase(registry);
    }
}
