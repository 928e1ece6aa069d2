package dev.optimlab.explore.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/** {@code /tools/paths}: how torch.optim's optimizers walk a 2-D loss surface. */
@Route("tools/paths")
@AnonymousAllowed
class PathsView extends Div implements HasDynamicTitle {

    final PathsTool tool = new PathsTool("valley");

    PathsView() {
        addClassNames("ol-page", "ol-tool");
        getStyle().set("max-width", "1600px");
        add(new H1(getTranslation("tools.paths.title")), new Paragraph(getTranslation("tools.paths.intro")), tool);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("tools.paths.title") + " · OptimLab";
    }
}
