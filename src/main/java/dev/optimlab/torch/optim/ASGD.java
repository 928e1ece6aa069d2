package dev.optimlab.torch.optim;

import dev.optimlab.torch.Tensor;
import dev.optimlab.torch.Torch;
import java.util.Map;
import java.util.SequencedMap;
import java.util.function.Supplier;

/**
 * Mirrors {@code torch.optim.ASGD} (single-tensor update): SGD with a decaying step {@code eta} and an average
 * {@code ax} of the iterates that starts after {@code t0} steps; {@code eta} and {@code mu} are float32 tensors.
 */
public final class ASGD extends Optimizer {

    /** {@code options}: lr, lambd, alpha, t0, weight_decay, maximize, ... */
    public ASGD(Object params, Map<String, ?> options) {
        super(params, validated(options));
    }

    private static SequencedMap<String, Object> validated(Map<String, ?> given) {
        SequencedMap<String, Object> o = options("ASGD", given, "lr", 1e-2, "lambd", 1e-4, "alpha", 0.75,
                "t0", 1e6, "weight_decay", 0, "foreach", null, "maximize", false, "differentiable", false,
                "capturable", false);
        check(number(o, "lr") >= 0, "Invalid learning rate: ", o.get("lr"));
        check(number(o, "weight_decay") >= 0, "Invalid weight_decay value: ", o.get("weight_decay"));
        return o;
    }

    @Override
    protected Tensor performStep(Supplier<Tensor> closure) {
        Tensor loss = evaluate(closure);
        forEachParameterWithGrad((group, param) -> {
            double lr = group.lr();
            double lambd = group.getDouble("lambd");
            double alpha = group.getDouble("alpha");
            double t0 = group.getDouble("t0");
            double weightDecay = group.getDouble("weight_decay");
            boolean maximize = group.getBoolean("maximize");
            Map<String, Object> state = state(param);
            if (state.isEmpty()) {
                state.put("step", newStepTensor());
                state.put("eta", Torch.scalarTensor(lr));
                state.put("mu", Torch.scalarTensor(1.0));
                state.put("ax", Torch.zerosLike(param));
            }
            Tensor grad = gradient(param, maximize);
            double step = incrementStep(state);
            if (weightDecay != 0) {
                grad = grad.add(param, weightDecay);
            }
            Tensor eta = (Tensor) state.get("eta");
            Tensor mu = (Tensor) state.get("mu");
            Tensor ax = (Tensor) state.get("ax");
            double etaValue = eta.itemDouble();
            param.mul_(1 - lambd * etaValue);
            param.add_(grad, -etaValue);
            if (mu.itemDouble() != 1) {
                ax.add_(param.sub(ax).mul(mu));
            } else {
                ax.copy_(param);
            }
            eta.fill_((float) (lr / Math.pow(1 + lambd * lr * step, alpha)));
            mu.fill_((float) (1 / Math.max(1, step - t0)));
        });
        return loss;
    }
}
