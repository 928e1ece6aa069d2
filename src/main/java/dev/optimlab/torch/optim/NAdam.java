package dev.optimlab.torch.optim;

import dev.optimlab.torch.Tensor;
import dev.optimlab.torch.Torch;
import java.util.Map;
import java.util.SequencedMap;
import java.util.function.Supplier;

/**
 * Mirrors {@code torch.optim.NAdam} (PyTorch 2.x single-tensor update): Adam with Nesterov momentum whose
 * schedule {@code mu_t} decays with {@code momentum_decay}; {@code mu_product} is a float32 tensor in state.
 */
public final class NAdam extends Optimizer {

    /** {@code options}: lr, betas, eps, weight_decay, momentum_decay, decoupled_weight_decay, maximize, ... */
    public NAdam(Object params, Map<String, ?> options) {
        super(params, validated(options));
    }

    private static SequencedMap<String, Object> validated(Map<String, ?> given) {
        SequencedMap<String, Object> o = options("NAdam", given, "lr", 2e-3, "betas", new double[] {0.9, 0.999},
                "eps", 1e-8, "weight_decay", 0, "momentum_decay", 4e-3, "decoupled_weight_decay", false,
                "maximize", false, "foreach", null, "capturable", false, "differentiable", false);
        Adamax.checkAdamFamily(o);
        check(number(o, "momentum_decay") >= 0, "Invalid momentum_decay value: ", o.get("momentum_decay"));
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
            double momentumDecay = group.getDouble("momentum_decay");
            boolean decoupled = group.getBoolean("decoupled_weight_decay");
            boolean maximize = group.getBoolean("maximize");
            Map<String, Object> state = state(param);
            if (state.isEmpty()) {
                state.put("step", newStepTensor());
                state.put("mu_product", Torch.scalarTensor(1.0));
                state.put("exp_avg", Torch.zerosLike(param));
                state.put("exp_avg_sq", Torch.zerosLike(param));
            }
            Tensor grad = gradient(param, maximize);
            Tensor muProduct = (Tensor) state.get("mu_product");
            Tensor expAvg = (Tensor) state.get("exp_avg");
            Tensor expAvgSq = (Tensor) state.get("exp_avg_sq");
            double step = incrementStep(state);
            double biasCorrection2 = 1 - Math.pow(beta2, step);
            if (weightDecay != 0) {
                if (decoupled) {
                    param.mul_(1 - lr * weightDecay);
                } else {
                    grad = grad.add(param, weightDecay);
                }
            }
            double mu = beta1 * (1.0 - 0.5 * Math.pow(0.96, step * momentumDecay));
            double muNext = beta1 * (1.0 - 0.5 * Math.pow(0.96, (step + 1) * momentumDecay));
            muProduct.mul_(mu);
            expAvg.lerp_(grad, 1 - beta1);
            expAvgSq.mul_(beta2).addcmul_(grad, grad, 1 - beta2);
            Tensor denom = expAvgSq.div(biasCorrection2).sqrt();
            double product = muProduct.itemDouble();
            double productNext = product * muNext;
            denom.add_(eps);
            param.addcdiv_(grad, denom, -lr * (1.0 - mu) / (1.0 - product));
            param.addcdiv_(expAvg, denom, (-lr * muNext) / (1.0 - productNext));
        });
        return loss;
    }
}
