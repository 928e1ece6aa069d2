package dev.optimlab.torch.optim;

import dev.optimlab.torch.Tensor;
import dev.optimlab.torch.Torch;
import java.util.Map;
import java.util.SequencedMap;
import java.util.function.Supplier;

/** Mirrors {@code torch.optim.Adadelta} (single-tensor update): running means of squared gradients and steps. */
public final class Adadelta extends Optimizer {

    /** {@code options}: lr, rho, eps, weight_decay, maximize, ... */
    public Adadelta(Object params, Map<String, ?> options) {
        super(params, validated(options));
    }

    private static SequencedMap<String, Object> validated(Map<String, ?> given) {
        SequencedMap<String, Object> o = options("Adadelta", given, "lr", 1.0, "rho", 0.9, "eps", 1e-6,
                "weight_decay", 0, "foreach", null, "capturable", false, "maximize", false, "differentiable", false);
        check(number(o, "lr") >= 0, "Invalid learning rate: ", o.get("lr"));
        check(number(o, "rho") >= 0 && number(o, "rho") <= 1, "Invalid rho value: ", o.get("rho"));
        check(number(o, "eps") >= 0, "Invalid epsilon value: ", o.get("eps"));
        check(number(o, "weight_decay") >= 0, "Invalid weight_decay value: ", o.get("weight_decay"));
        return o;
    }

    @Override
    protected Tensor performStep(Supplier<Tensor> closure) {
        Tensor loss = evaluate(closure);
        forEachParameterWithGrad((group, param) -> {
            double lr = group.lr();
            double rho = group.getDouble("rho");
            double eps = group.getDouble("eps");
            double weightDecay = group.getDouble("weight_decay");
            boolean maximize = group.getBoolean("maximize");
            Map<String, Object> state = state(param);
            if (state.isEmpty()) {
                state.put("step", newStepTensor());
                state.put("square_avg", Torch.zerosLike(param));
                state.put("acc_delta", Torch.zerosLike(param));
            }
            incrementStep(state);
            Tensor grad = gradient(param, maximize);
            if (weightDecay != 0) {
                grad = grad.add(param, weightDecay);
            }
            Tensor squareAvg = (Tensor) state.get("square_avg");
            Tensor accDelta = (Tensor) state.get("acc_delta");
            squareAvg.mul_(rho).addcmul_(grad, grad, 1 - rho);
            Tensor std = squareAvg.add(eps).sqrt_();
            Tensor delta = accDelta.add(eps).sqrt_();
            delta.div_(std).mul_(grad);
            accDelta.mul_(rho).addcmul_(delta, delta, 1 - rho);
            param.add_(delta, -lr);
        });
        return loss;
    }
}
