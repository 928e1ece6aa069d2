package dev.optimlab.torch.optim;

import dev.optimlab.torch.Tensor;
import dev.optimlab.torch.Torch;
import java.util.Map;
import java.util.SequencedMap;
import java.util.function.Supplier;

/**
 * Mirrors {@code torch.optim.RMSprop} (PyTorch 2.x single-tensor update): a running mean of squared
 * gradients, optionally centred by a running mean of gradients ({@code lerp_}), with optional momentum.
 */
public final class RMSprop extends Optimizer {

    /** {@code options}: lr, alpha, eps, weight_decay, momentum, centered, maximize, ... */
    public RMSprop(Object params, Map<String, ?> options) {
        super(params, validated(options));
    }

    private static SequencedMap<String, Object> validated(Map<String, ?> given) {
        SequencedMap<String, Object> o = options("RMSprop", given, "lr", 1e-2, "momentum", 0, "alpha", 0.99,
                "eps", 1e-8, "centered", false, "weight_decay", 0, "capturable", false, "foreach", null,
                "maximize", false, "differentiable", false);
        check(number(o, "lr") >= 0, "Invalid learning rate: ", o.get("lr"));
        check(number(o, "eps") >= 0, "Invalid epsilon value: ", o.get("eps"));
        check(number(o, "momentum") >= 0, "Invalid momentum value: ", o.get("momentum"));
        check(number(o, "weight_decay") >= 0, "Invalid weight_decay value: ", o.get("weight_decay"));
        check(number(o, "alpha") >= 0, "Invalid alpha value: ", o.get("alpha"));
        return o;
    }

    @Override
    protected Tensor performStep(Supplier<Tensor> closure) {
        Tensor loss = evaluate(closure);
        forEachParameterWithGrad((group, param) -> {
            double lr = group.lr();
            double alpha = group.getDouble("alpha");
            double eps = group.getDouble("eps");
            double weightDecay = group.getDouble("weight_decay");
            double momentum = group.getDouble("momentum");
            boolean centered = group.getBoolean("centered");
            boolean maximize = group.getBoolean("maximize");
            Map<String, Object> state = state(param);
            if (state.isEmpty()) {
                state.put("step", newStepTensor());
                state.put("square_avg", Torch.zerosLike(param));
                if (momentum > 0) {
                    state.put("momentum_buffer", Torch.zerosLike(param));
                }
                if (centered) {
                    state.put("grad_avg", Torch.zerosLike(param));
                }
            }
            Tensor grad = gradient(param, maximize);
            incrementStep(state);
            if (weightDecay != 0) {
                grad = grad.add(param, weightDecay);
            }
            Tensor squareAvg = (Tensor) state.get("square_avg");
            squareAvg.mul_(alpha).addcmul_(grad, grad, 1 - alpha);
            Tensor avg;
            if (centered) {
                Tensor gradAvg = (Tensor) state.get("grad_avg");
                gradAvg.lerp_(grad, 1 - alpha);
                avg = squareAvg.clone().addcmul_(gradAvg, gradAvg, -1).sqrt_();
            } else {
                avg = squareAvg.sqrt();
            }
            avg.add_(eps);
            if (momentum > 0) {
                Tensor buffer = (Tensor) state.get("momentum_buffer");
                buffer.mul_(momentum).addcdiv_(grad, avg, 1);
                param.add_(buffer, -lr);
            } else {
                param.addcdiv_(grad, avg, -lr);
            }
        });
        return loss;
    }
}
