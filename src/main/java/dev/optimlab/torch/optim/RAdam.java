package dev.optimlab.torch.optim;

import dev.optimlab.torch.Tensor;
import dev.optimlab.torch.Torch;
import java.util.Map;
import java.util.SequencedMap;
import java.util.function.Supplier;

/**
 * Mirrors {@code torch.optim.RAdam} (PyTorch 2.x single-tensor update): Adam whose adaptive term is switched on,
 * with a variance rectification, once the approximated moving-average length exceeds 5.
 */
public final class RAdam extends Optimizer {

    /** {@code options}: lr, betas, eps, weight_decay, decoupled_weight_decay, maximize, ... */
    public RAdam(Object params, Map<String, ?> options) {
        super(params, validated(options));
    }

    private static SequencedMap<String, Object> validated(Map<String, ?> given) {
        SequencedMap<String, Object> o = options("RAdam", given, "lr", 1e-3, "betas", new double[] {0.9, 0.999},
                "eps", 1e-8, "weight_decay", 0, "maximize", false, "foreach", null, "capturable", false,
                "decoupled_weight_decay", false, "differentiable", false);
        Adamax.checkAdamFamily(o);
        return o;
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
            boolean decoupled = group.getBoolean("decoupled_weight_decay");
            boolean maximize = group.getBoolean("maximize");
            Map<String, Object> state = state(param);
            if (state.isEmpty()) {
                state.put("step", newStepTensor());
                state.put("exp_avg", Torch.zerosLike(param));
                state.put("exp_avg_sq", Torch.zerosLike(param));
            }
            Tensor grad = gradient(param, maximize);
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
            double biasCorrection2 = 1 - Math.pow(beta2, step);
            Tensor correctedExpAvg = expAvg.div(biasCorrection1);
            double rhoInf = 2 / (1 - beta2) - 1;
            double rhoT = rhoInf - 2 * step * Math.pow(beta2, step) / biasCorrection2;
            if (rhoT > 5.0) {
                double rect = Math.sqrt((rhoT - 4) * (rhoT - 2) * rhoInf / ((rhoInf - 4) * (rhoInf - 2) * rhoT));
                Tensor adaptiveLr = expAvgSq.sqrt().add_(eps).rdiv(Math.sqrt(biasCorrection2));
                param.add_(correctedExpAvg.mul(lr).mul(adaptiveLr).mul(rect), -1.0);
            } else {
                param.add_(correctedExpAvg.mul(lr), -1.0);
            }
        });
        return loss;
    }
}
