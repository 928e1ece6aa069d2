package dev.optimlab.course.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import dev.optimlab.base.ui.LineChart;
import dev.optimlab.base.ui.UiTicker;
import dev.optimlab.course.Chapter;
import dev.optimlab.course.CourseCatalog;
import dev.optimlab.course.Exercise;
import dev.optimlab.course.ExerciseStates;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import dev.optimlab.course.Lang;
import dev.optimlab.course.WarmupCosineCurve;

/** The home page: what the course is, its chapters with their exercises and the learner's state on each, and a learning-rate schedule drawn live. */
@Route("")
@AnonymousAllowed
class HomeView extends Div implements HasDynamicTitle {

    static final int POINTS_PER_TICK = 2;
    static final long TICK_MILLIS = 40;

    final OrderedList chapterList = new OrderedList();
    final LineChart scheduleChart;
    private final UiTicker ticker;
    private final WarmupCosineCurve curve = new WarmupCosineCurve(0.1, 10, 100);

    HomeView(CourseCatalog catalog, CourseContent content, ObjectProvider<ExerciseStates> exerciseStates, UiTicker ticker) {
        this.ticker = ticker;
        addClassNames("ol-page");
        Lang lang = Lang.of(getLocale());
        add(new H1(catalog.course().title().get(lang)));
        add(new Paragraph(getTranslation("home.intro")));
        add(new H2(getTranslation("home.chapters")));
        ExerciseStates states = exerciseStates.getIfAvailable();
        Map<String, ExerciseStates.State> learnerStates = states == null ? Map.of() : states.ofCurrentLearner();
        for (Chapter chapter : catalog.course().chapters()) {
            RouterLink link = new RouterLink(chapter.title().get(lang), ChapterView.class, chapter.slug());
            ListItem item = new ListItem(link);
            List<Exercise> exercises = content.exercisesOf(chapter);
            if (!exercises.isEmpty()) {
                UnorderedList list = new UnorderedList();
                list.addClassNames("ol-exercise-list");
                list.getElement().setAttribute("aria-label", getTranslation("home.exercises"));
                for (Exercise exercise : exercises) {
                    list.add(exerciseItem(exercise, lang, learnerStates.getOrDefault(exercise.id(), ExerciseStates.State.NOT_STARTED)));
                }
                item.add(list);
            }
            chapterList.add(item);
        }
        add(chapterList);
        add(new H2(getTranslation("home.schedule.title")));
        add(new Paragraph(getTranslation("home.schedule.text")));
        scheduleChart = new LineChart(getTranslation("chart.step"), getTranslation("chart.lr"));
        scheduleChart.setWidthFull();
        scheduleChart.setHeight("280px");
        scheduleChart.addSeries("lr");
        add(scheduleChart);
    }

    private ListItem exerciseItem(Exercise exercise, Lang lang, ExerciseStates.State state) {
        Anchor link = new Anchor("exercises/" + exercise.id(), exercise.title().get(lang));
        link.getElement().setAttribute("router-link", true);
        String percent = String.valueOf(Math.round(state.bestScore() * 100));
        Span badge = new Span(switch (state.status()) {
            case NOT_STARTED -> getTranslation("home.state.not_started");
            case ATTEMPTED -> getTranslation("home.state.attempted", percent);
            case SOLVED -> getTranslation("home.state.solved", percent);
        });
        badge.addClassNames("ol-exercise-state");
        badge.getElement().setAttribute("data-state", state.status().name());
        ListItem item = new ListItem(link, badge);
        item.getElement().setAttribute("data-exercise", exercise.id());
        return item;
    }

    @Override
    protected void onAttach(AttachEvent event) {
        int[] step = {0};
        ticker.every(event.getUI(), TICK_MILLIS, () -> {
            int end = Math.min(step[0] + POINTS_PER_TICK, curve.totalSteps());
            double[] xy = new double[2 * (end - step[0])];
            for (int s = step[0], i = 0; s < end; s++) {
                xy[i++] = s;
                xy[i++] = curve.lr(s);
            }
            scheduleChart.appendPoints(0, xy);
            step[0] = end;
            return end < curve.totalSteps();
        });
    }

    @Override
    public String getPageTitle() {
        return "OptimLab";
    }
}
