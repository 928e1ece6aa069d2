package dev.optimlab.classroom.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import dev.optimlab.classroom.ClassroomService;
import dev.optimlab.classroom.JoinResult;
import dev.optimlab.security.CurrentUser;
import jakarta.annotation.security.PermitAll;

/** Where a signed-in learner types the join code their instructor gave them ({@code /join?code=...} fills it in). */
@Route("join")
@PermitAll
class JoinView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    final TextField code = new TextField();
    final Button join = new Button();
    final Paragraph outcome = new Paragraph();

    private final ClassroomService service;
    private final CurrentUser currentUser;

    JoinView(ClassroomService service, CurrentUser currentUser) {
        this.service = service;
        this.currentUser = currentUser;
        addClassNames("ol-page");
        add(new H1(getTranslation("classroom.join.title")), new Paragraph(getTranslation("classroom.join.help")));
        code.setLabel(getTranslation("classroom.joinCode"));
        code.setId("join-code-field");
        code.setMaxLength(20);
        join.setText(getTranslation("classroom.join.button"));
        join.addThemeVariants(ButtonVariant.PRIMARY);
        join.addClickShortcut(Key.ENTER);
        join.addClickListener(e -> join());
        HorizontalLayout form = new HorizontalLayout(code, join);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        outcome.setId("join-outcome");
        add(form, outcome);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.getLocation().getQueryParameters().getSingleParameter("code").ifPresent(code::setValue);
    }

    private void join() {
        long userId = currentUser.current().orElseThrow().id();
        JoinResult result = service.join(userId, code.getValue());
        switch (result) {
            case JoinResult.Joined joined when joined.alreadyMember() -> {
                code.setInvalid(false);
                outcome.setText(getTranslation("classroom.join.already", joined.classroom().name()));
            }
            case JoinResult.Joined joined -> {
                code.setInvalid(false);
                outcome.setText(getTranslation("classroom.join.joined", joined.classroom().name()));
            }
            case JoinResult.UnknownCode unknown -> {
                code.setInvalid(true);
                code.setErrorMessage(getTranslation("classroom.join.unknown", unknown.code()));
                outcome.setText("");
            }
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("classroom.join.title") + " · OptimLab";
    }
}
