package dev.optimlab.torch.optim;

import dev.optimlab.torch.Tensor;
import dev.optimlab.torch.Torch;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;
import java.util.function.Supplier;

/** Mirrors {@code torch.optim.Adamax} (PyTorch 2.x single-tensor update): Adam with an infinity-norm second moment. */
public final class Adamax extends Optimizer {

    /** {@code options}: lr, betas, eps, weight_decay, maximize, ... */
    public Adamax(Object params, Map<String, ?> options) {
        super(params, validated(options));
    }

    private static SequencedMap<String, Object> validated(Map<String, ?> given) {
        SequencedMap<String, Object> o = options("Adamax", given, "lr", 2e-3, "betas", new double[] {0.9, 0.999},
                "eps", 1e-8, "weight_decay", 0, "foreach", null, "maximize", false, "differentiable", false,
                "capturable", false);
        checkAdamFamily(o);
        return o;
    }

    /** The checks Adamax, NAdam and RAdam share with Adam, in PyTorch's order. */
    static void checkAdamFamily(SequencedMap<String, Object> o) {
        check(number(o, "lr") >= 0, "Invalid learning rate: ", o.get("lr"));
        check(number(o, "eps") >= 0, "Invalid epsilon value: ", o.get("eps"));
        double beta1 = item(o, "betas", 0);
        double beta2 = item(o, "betas", 1);
        check(beta1 >= 0 && beta1 < 1, "Invalid beta parameter at index 0: ", ((List<?>) o.get("betas")).get(0));
        check(beta2 >= 0 && beta2 < 1, "Invalid beta parameter at index 1: ", ((List<?>) o.get("betas")).get(1));
        check(number(o, "weight_decay") >= 0, "Invalid weight_decay value: ", o.get("weight_decay"));
    }

    @Override
    protected Tensor performStep(Supplier<Tensor> closure) {
        Tensor loss = evaluate(closure);
        forEachParameterWithGrad((group, param) -> {
            double lr = group.lr();
            double beta1 = group.getTupleItem("betas", 0);
            double beta2 = group.getTupleItem("betas", 1);
            double eps = group.getDouble("eps");
            double weightDecay = group.getDouble("weight_decay");
            boolean maximize = group.getBoolean("maximize");
            Map<String, Object> state = state(param);
            if (state.isEmpty()) {
                state.put("step", newStepTensor());
                state.put("exp_avg", Torch.zerosLike(param));
                state.put("exp_inf", Torch.zerosLike(param));
            }
            Tensor grad = gradient(param, maximize);
            double step = incrementStep(state);
            if (weightDecay != 0) {
                grad = grad.add(param, weightDecay);
            }
            Tensor expAvg = (Tensor) state.get("exp_avg");
            Tensor expInf = (Tensor) state.get("exp_inf");
            expAvg.lerp_(grad, 1 - beta1);
            Tensor decayed = expInf.mul_(beta2);
            expInf.copy_(Torch.maximum(decayed, grad.abs().add_(eps)));
            double clr = lr / (1 - Math.pow(beta1, step));
            param.addcdiv_(expAvg, expInf, -clr);
        });
        return loss;
    }
}
