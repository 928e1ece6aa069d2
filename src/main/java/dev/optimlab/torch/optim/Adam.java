package dev.optimlab.torch.optim;

import dev.optimlab.torch.Tensor;
import dev.optimlab.torch.Torch;
import dev.optimlab.torch.TorchException;
import dev.optimlab.torch.TorchException.PythonType;
import java.util.Map;
import java.util.SequencedMap;
import java.util.function.Supplier;

/**
 * Mirrors {@code torch.optim.Adam} with PyTorch 2.x's single-tensor update (first moment by {@code lerp_},
 * bias corrections in double, AMSGrad through the running maximum of the second moment). With
 * {@code decoupled_weight_decay=True} it is AdamW, as in current PyTorch.
 */
public class Adam extends Optimizer {

    /**
     * {@code options} holds Adam's keyword arguments: lr, betas, eps, weight_decay, amsgrad, maximize, foreach,
     * capturable, differentiable, fused, decoupled_weight_decay.
     */
    public Adam(Object params, Map<String, ?> options) {
        super(params, validated("Adam", options));
    }

    /** For AdamW, which is Adam with decoupled weight decay and its own defaults. */
    Adam(Object params, SequencedMap<String, Object> checkedDefaults) {
        super(params, checkedDefaults);
    }

    private static SequencedMap<String, Object> validated(String name, Map<String, ?> given) {
        SequencedMap<String, Object> o = options(name, given, "lr", 1e-3, "betas", new double[] {0.9, 0.999},
                "eps", 1e-8, "weight_decay", 0, "amsgrad", false, "maximize", false, "foreach", null,
                "capturable", false, "differentiable", false, "fused", null, "decoupled_weight_decay", false);
        checkArguments(o);
        return o;
    }

    /** Adam's argument checks, in PyTorch's order; AdamW shares them. */
    static void checkArguments(SequencedMap<String, Object> o) {
        check(number(o, "lr") >= 0, "Invalid learning rate: ", o.get("lr"));
        check(number(o, "eps") >= 0, "Invalid epsilon value: ", o.get("eps"));
        double beta1 = item(o, "betas", 0);
        double beta2 = item(o, "betas", 1);
        check(beta1 >= 0 && beta1 < 1, "Invalid beta parameter at index 0: ", ((java.util.List<?>) o.get("betas")).get(0));
        check(beta2 >= 0 && beta2 < 1, "Invalid beta parameter at index 1: ", ((java.util.List<?>) o.get("betas")).get(1));
        check(number(o, "weight_decay") >= 0, "Invalid weight_decay value: ", o.get("weight_decay"));
        if (Boolean.TRUE.equals(o.get("fused"))) {
            if (Boolean.TRUE.equals(o.get("differentiable"))) {
                throw new TorchException(PythonType.RuntimeError, "`fused` does not support `differentiable`");
            }
            if (Boolean.TRUE.equals(o.get("foreach"))) {
                throw new TorchException(PythonType.RuntimeError, "`fused` and `foreach` cannot be `True` together.");
            }
        }
    }

    @Override
    protected Tensor performStep(Supplier<Tensor> closure) {
        Tensor loss = evaluate(closure);
        forEachParameterWithGrad((group, param) -> update(group, param, state(param)));
        return loss;
    }

    /** The Adam update of one parameter. */
    private static void update(ParamGroup group, Tensor param, Map<String, Object> state) {
        double lr = group.lr();
        double weightDecay = group.getDouble("weight_decay");
        boolean decoupled = group.getBoolean("decoupled_weight_decay");
        double beta1 = group.getTupleItem("betas", 0);
        double beta2 = group.getTupleItem("betas", 1);
        double eps = group.getDouble("eps");
        boolean amsgrad = group.getBoolean("amsgrad");
        if (state.isEmpty()) {
            state.put("step", newStepTensor());
            state.put("exp_avg", Torch.zerosLike(param));
            state.put("exp_avg_sq", Torch.zerosLike(param));
            if (amsgrad) {
                state.put("max_exp_avg_sq", Torch.zerosLike(param));
            }
        }
        Tensor grad = gradient(param, group.getBoolean("maximize"));
        Tensor expAvg = (Tensor) state.get("exp_avg");
        Tensor expAvgSq = (Tensor) state.get("exp_avg_sq");
        double step = incrementStep(state);
        if (weightDecay != 0) {
            if (decoupled) {
                param.mul_(1 - lr * weightDecay);
            } else {
                grad = grad.add(param, weightDecay);
            }
        }
        expAvg.lerp_(grad, 1 - beta1);
        expAvgSq.mul_(beta2).addcmul_(grad, grad, 1 - beta2);
        double biasCorrection1 = 1 - Math.pow(beta1, step);
        double biasCorrection2Sqrt = Math.sqrt(1 - Math.pow(beta2, step));
        double stepSize = lr / biasCorrection1;
        Tensor secondMoment = expAvgSq;
        if (amsgrad) {
            Tensor maxExpAvgSq = (Tensor) state.get("max_exp_avg_sq");
            maxExpAvgSq.copy_(Torch.maximum(maxExpAvgSq, expAvgSq));
            secondMoment = maxExpAvgSq;
        }
        Tensor denom = secondMoment.sqrt().div(biasCorrection2Sqrt).add_(eps);
        param.addcdiv_(expAvg, denom, -stepSize);
    }
}
