package dev.optimlab.explore.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/** {@code /tools/lr-finder}: the learning-rate range test on a model of the catalogue. */
@Route("tools/lr-finder")
@AnonymousAllowed
class LrFinderView extends Div implements HasDynamicTitle {

    final LrFinderTool tool = new LrFinderTool("blobs", 1e-4, 10, 100, false);

    LrFinderView() {
        addClassNames("ol-page", "ol-tool");
        getStyle().set("max-width", "1200px");
        add(new H1(getTranslation("tools.lrfinder.title")), new Paragraph(getTranslation("tools.lrfinder.intro")), tool);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("tools.lrfinder.title") + " · OptimLab";
    }
}
