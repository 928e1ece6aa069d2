package dev.optimlab.torch.optim;

import dev.optimlab.torch.Tensor;
import dev.optimlab.torch.Torch;
import java.util.Map;
import java.util.SequencedMap;
import java.util.function.Supplier;

/**
 * Mirrors {@code torch.optim.Adagrad} (single-tensor update). Like PyTorch it creates each parameter's
 * {@code step} and {@code sum} at construction, the sum filled with {@code initial_accumulator_value}.
 */
public final class Adagrad extends Optimizer {

    /** {@code options}: lr, lr_decay, weight_decay, initial_accumulator_value, eps, maximize, ... */
    public Adagrad(Object params, Map<String, ?> options) {
        super(params, validated(options));
        for (ParamGroup group : paramGroups()) {
            for (Tensor param : group.params()) {
                Map<String, Object> state = state(param);
                state.put("step", newStepTensor());
                state.put("sum", Torch.fullLike(param, group.getDouble("initial_accumulator_value")));
            }
        }
    }

    private static SequencedMap<String, Object> validated(Map<String, ?> given) {
        SequencedMap<String, Object> o = options("Adagrad", given, "lr", 1e-2, "lr_decay", 0, "eps", 1e-10,
                "weight_decay", 0, "initial_accumulator_value", 0, "foreach", null, "maximize", false,
                "differentiable", false, "fused", null);
        check(number(o, "lr") >= 0, "Invalid learning rate: ", o.get("lr"));
        check(number(o, "lr_decay") >= 0, "Invalid lr_decay value: ", o.get("lr_decay"));
        check(number(o, "weight_decay") >= 0, "Invalid weight_decay value: ", o.get("weight_decay"));
        check(number(o, "initial_accumulator_value") >= 0, "Invalid initial_accumulator_value value: ",
                o.get("initial_accumulator_value"));
        check(number(o, "eps") >= 0, "Invalid epsilon value: ", o.get("eps"));
        return o;
    }

    @Override
    protected Tensor performStep(Supplier<Tensor> closure) {
        Tensor loss = evaluate(closure);
        forEachParameterWithGrad((group, param) -> {
            double lr = group.lr();
            double lrDecay = group.getDouble("lr_decay");
            double weightDecay = group.getDouble("weight_decay");
            double eps = group.getDouble("eps");
            boolean maximize = group.getBoolean("maximize");
            Map<String, Object> state = state(param);
            Tensor sum = (Tensor) state.get("sum");
            double step = incrementStep(state);
            Tensor grad = gradient(param, maximize);
            if (weightDecay != 0) {
                grad = grad.add(param, weightDecay);
            }
            double clr = lr / (1 + (step - 1) * lrDecay);
            sum.addcmul_(grad, grad, 1);
            Tensor std = sum.sqrt().add_(eps);
            param.addcdiv_(grad, std, -clr);
        });
        return loss;
    }
}
