package dev.optimlab.course.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.router.RouterLink;
import dev.optimlab.course.CourseCatalog;
import dev.optimlab.course.Lang;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import dev.optimlab.app.Application;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(classes = Application.class)
class HomeViewTest extends SpringBrowserlessTest {

    @Autowired
    CourseCatalog catalog;

    @Test
    @DisplayName("the home page lists every chapter of course.yaml, linked to its reader")
    void listsChapters() {
        HomeView home = navigate(HomeView.class);
        var links = find(RouterLink.class, home.chapterList).all();
        assertThat(links).extracting(RouterLink::getText)
                .containsExactlyElementsOf(catalog.course().chapters().stream().map(c -> c.title().get(Lang.EN)).toList());
        assertThat(links).extracting(RouterLink::getHref)
                .containsExactlyElementsOf(catalog.course().chapters().stream().map(c -> "chapters/" + c.slug()).toList());
    }

    @Test
    @DisplayName("the home page has a learning-rate chart with one series, fed once the page is attached")
    void hasLearningRateChart() {
        HomeView home = navigate(HomeView.class);
        assertThat(home.scheduleChart.seriesLabels()).containsExactly("lr");
        assertThat(home.scheduleChart.isAttached()).isTrue();
    }
}
