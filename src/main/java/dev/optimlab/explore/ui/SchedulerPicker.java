package dev.optimlab.explore.ui;

import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import dev.optimlab.explore.LrLambda;
import dev.optimlab.explore.PythonLiteral;
import dev.optimlab.explore.ScheduleExplorer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One scheduler of torch.optim.lr_scheduler with a field per keyword argument, each holding a Python literal
 * ({@code 30}, {@code [30, 80]}, {@code 'min'}), or for {@code lr_lambda} a Python lambda; an empty field leaves
 * the argument at PyTorch's default.
 */
class SchedulerPicker extends FlexLayout {

    /** Wide enough for CosineAnnealingWarmRestarts, the longest scheduler name. */
    static final String NAME_WIDTH = "18em";

    final Select<String> scheduler = new Select<>();
    final List<TextField> arguments = new ArrayList<>();
    private final FlexLayout fields = new FlexLayout();
    private Runnable onChange = () -> { };

    /** Starts from {@code initial}: its arguments when it has any, otherwise the explorer's defaults for it. */
    SchedulerPicker(String label, List<String> choices, ScheduleExplorer.Single initial) {
        setFlexWrap(FlexWrap.WRAP);
        setAlignItems(FlexComponent.Alignment.END);
        getStyle().set("gap", "var(--lumo-space-s)");
        fields.setFlexWrap(FlexWrap.WRAP);
        fields.getStyle().set("gap", "var(--lumo-space-s)");
        scheduler.setLabel(label);
        scheduler.setWidth(NAME_WIDTH);
        scheduler.setItems(choices);
        scheduler.setValue(initial.name());
        scheduler.addValueChangeListener(e -> {
            showArguments(e.getValue(), Map.of());
            onChange.run();
        });
        showArguments(initial.name(), initial.args());
        add(scheduler, fields);
    }

    void onChange(Runnable listener) {
        this.onChange = listener;
    }

    /** A field per argument the explorer suggests and per argument given; given ones hold their value. */
    private void showArguments(String name, Map<String, Object> given) {
        arguments.clear();
        fields.removeAll();
        Map<String, String> shown = new LinkedHashMap<>();
        ScheduleExplorer.defaultArgs(name).forEach((key, value) -> shown.put(key, given.isEmpty() ? value : ""));
        given.forEach((key, value) -> shown.put(key, ScheduleExplorer.literal(value)));
        shown.forEach((key, value) -> {
            TextField field = new TextField(key, value, "");
            field.setWidth(isLambda(name, key) ? "20em" : "9em");
            field.setManualValidation(true);
            field.setValueChangeMode(ValueChangeMode.LAZY);
            field.setValueChangeTimeout(400);
            field.addValueChangeListener(e -> onChange.run());
            arguments.add(field);
            fields.add(field);
        });
    }

    private static boolean isLambda(String scheduler, String argument) {
        return ScheduleExplorer.takesLambda(scheduler) && argument.equals(ScheduleExplorer.LR_LAMBDA);
    }

    /** Sets an argument's field, by keyword; for presets and tests. */
    void setArgument(String key, String pythonLiteral) {
        arguments.stream().filter(f -> f.getLabel().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(scheduler.getValue() + " has no field " + key))
                .setValue(pythonLiteral);
    }

    /**
     * The scheduler with its arguments, or empty when a field does not hold a Python literal; such a field is
     * marked invalid with {@code messageFor}'s text.
     */
    Optional<ScheduleExplorer.Single> spec(java.util.function.Function<String, String> messageFor) {
        Map<String, Object> args = new LinkedHashMap<>();
        boolean valid = true;
        for (TextField field : arguments) {
            if (field.getValue().isBlank()) {
                field.setInvalid(false);
                continue;
            }
            if (isLambda(scheduler.getValue(), field.getLabel())) {
                // Python source, run in the sandbox when the schedule is built
                args.put(field.getLabel(), new LrLambda(field.getValue()));
                field.setInvalid(false);
                continue;
            }
            try {
                args.put(field.getLabel(), PythonLiteral.parse(field.getValue()));
                field.setInvalid(false);
            } catch (PythonLiteral.SyntaxError e) {
                field.setErrorMessage(messageFor.apply(e.getMessage()));
                field.setInvalid(true);
                valid = false;
            }
        }
        return valid ? Optional.of(new ScheduleExplorer.Single(scheduler.getValue(), args)) : Optional.empty();
    }
}
