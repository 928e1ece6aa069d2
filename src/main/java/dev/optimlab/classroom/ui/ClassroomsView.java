package dev.optimlab.classroom.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import dev.optimlab.classroom.Classroom;
import dev.optimlab.classroom.ClassroomService;
import dev.optimlab.security.UserAccount;
import dev.optimlab.security.CurrentUser;
import jakarta.annotation.security.RolesAllowed;

/** An instructor's classrooms, newest first, and a form to create one (admins see every classroom). */
@Route("classrooms")
@RolesAllowed({"INSTRUCTOR", "ADMIN"})
class ClassroomsView extends Div implements HasDynamicTitle {

    final TextField name = new TextField();
    final Button create = new Button();
    final Grid<Classroom> classrooms = new Grid<>();
    final Paragraph empty = new Paragraph();

    private final ClassroomService service;
    private final UserAccount account;

    ClassroomsView(ClassroomService service, CurrentUser currentUser) {
        this.service = service;
        this.account = currentUser.current().orElseThrow();
        addClassNames("ol-page");
        add(new H1(getTranslation("classroom.list.title")));

        name.setLabel(getTranslation("classroom.list.name"));
        name.setMaxLength(100);
        name.setId("classroom-name");
        create.setText(getTranslation("classroom.list.create"));
        create.setId("create-classroom");
        create.addThemeVariants(ButtonVariant.PRIMARY);
        create.addClickListener(e -> createClassroom());
        HorizontalLayout form = new HorizontalLayout(name, create);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(form);

        classrooms.addColumn(Classroom::name).setHeader(getTranslation("classroom.list.name")).setFlexGrow(2);
        classrooms.addColumn(Classroom::joinCode).setHeader(getTranslation("classroom.joinCode"));
        classrooms.addColumn(c -> Formats.dateTime(c.createdAt(), getLocale())).setHeader(getTranslation("classroom.list.created"));
        classrooms.addItemClickListener(e -> open(e.getItem()));
        classrooms.setAllRowsVisible(true);
        empty.setText(getTranslation("classroom.list.empty"));
        add(classrooms, empty);
        refresh();
    }

    private void createClassroom() {
        if (name.getValue().isBlank()) {
            name.setInvalid(true);
            name.setErrorMessage(getTranslation("classroom.list.nameRequired"));
            return;
        }
        open(service.create(account, name.getValue()));
    }

    private void open(Classroom classroom) {
        getUI().ifPresent(ui -> ui.navigate(ClassroomView.class, new RouteParameters("id", classroom.id().toString())));
    }

    private void refresh() {
        var list = service.manageableBy(account);
        classrooms.setItems(list);
        empty.setVisible(list.isEmpty());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("classroom.list.title") + " · OptimLab";
    }
}
