package dev.optimlab.explore.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/** {@code /tools/schedules}: the schedule explorer with every scheduler of the core. */
@Route("tools/schedules")
@AnonymousAllowed
class SchedulesView extends Div implements HasDynamicTitle {

    final ScheduleTool tool = new ScheduleTool();

    SchedulesView() {
        addClassNames("ol-page", "ol-tool");
        getStyle().set("max-width", "1400px");
        add(new H1(getTranslation("tools.schedules.title")), new Paragraph(getTranslation("tools.schedules.intro")), tool);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("tools.schedules.title") + " · OptimLab";
    }
}
