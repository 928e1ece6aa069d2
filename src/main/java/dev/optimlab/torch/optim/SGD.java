package dev.optimlab.torch.optim;

import dev.optimlab.torch.Tensor;
import java.util.Map;
import java.util.SequencedMap;
import java.util.function.Supplier;

/**
 * Mirrors {@code torch.optim.SGD} with PyTorch 2.x's single-tensor update: weight decay, momentum with
 * dampening, Nesterov momentum and maximize. The first momentum buffer is a copy of the gradient.
 */
public final class SGD extends Optimizer {

    /** {@code options} holds SGD's keyword arguments: lr, momentum, dampening, weight_decay, nesterov, ... */
    public SGD(Object params, Map<String, ?> options) {
        super(params, validated(options));
    }

    public SGD(Object params, double lr) {
        this(params, Map.of("lr", lr));
    }

    private static SequencedMap<String, Object> validated(Map<String, ?> given) {
        SequencedMap<String, Object> o = options("SGD", given, "lr", 1e-3, "momentum", 0, "dampening", 0,
                "weight_decay", 0, "nesterov", false, "maximize", false, "foreach", null, "differentiable", false,
                "fused", null);
        check(number(o, "lr") >= 0, "Invalid learning rate: ", o.get("lr"));
        check(number(o, "momentum") >= 0, "Invalid momentum value: ", o.get("momentum"));
        check(number(o, "weight_decay") >= 0, "Invalid weight_decay value: ", o.get("weight_decay"));
        if (Boolean.TRUE.equals(o.get("nesterov"))
                && (number(o, "momentum") <= 0 || number(o, "dampening") != 0)) {
            throw new dev.optimlab.torch.TorchException(dev.optimlab.torch.TorchException.PythonType.ValueError,
                    "Nesterov momentum requires a momentum and zero dampening");
        }
        return o;
    }

    @Override
    protected Tensor performStep(Supplier<Tensor> closure) {
        Tensor loss = evaluate(closure);
        forEachParameterWithGrad((group, param) -> {
            double lr = group.lr();
            double momentum = group.getDouble("momentum");
            double dampening = group.getDouble("dampening");
            double weightDecay = group.getDouble("weight_decay");
            boolean nesterov = group.getBoolean("nesterov");
            boolean maximize = group.getBoolean("maximize");
            Tensor grad = gradient(param, maximize);
            if (weightDecay != 0) {
                grad = grad.add(param, weightDecay);
            }
            if (momentum != 0) {
                Map<String, Object> state = state(param);
                Tensor buffer = (Tensor) state.get("momentum_buffer");
                if (buffer == null) {
                    buffer = grad.detach().clone();
                    state.put("momentum_buffer", buffer);
                } else {
                    buffer.mul_(momentum).add_(grad, 1 - dampening);
                }
                grad = nesterov ? grad.add(buffer, momentum) : buffer;
            }
            param.add_(grad, -lr);
        });
        return loss;
    }
}
