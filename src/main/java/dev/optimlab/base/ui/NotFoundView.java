package dev.optimlab.base.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;

/** A friendly "not found" page with a way home, for unknown URLs and unknown chapters. */
@AnonymousAllowed
public class NotFoundView extends Div implements HasErrorParameter<NotFoundException> {

    final Paragraph detail = new Paragraph();

    public NotFoundView() {
        addClassNames("ol-page");
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        removeAll();
        add(new H1(getTranslation("notfound.title")));
        String message = parameter.hasCustomMessage() ? parameter.getCustomMessage() : getTranslation("notfound.page", event.getLocation().getPath());
        detail.setText(message);
        add(detail);
        RouterLink home = new RouterLink();
        home.setText(getTranslation("notfound.home"));
        home.setRoute(event.getSource().getRegistry().getNavigationTarget("").orElseThrow());
        add(home);
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
