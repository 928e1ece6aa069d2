package dev.optimlab.torch.optim;

import dev.optimlab.torch.Tensor;
import dev.optimlab.torch.Torch;
import dev.optimlab.torch.TorchException;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;
import java.util.function.Supplier;

/**
 * Mirrors {@code torch.optim.Rprop} (single-tensor update): per-element step sizes grow by {@code etaplus}
 * while the gradient keeps its sign and shrink by {@code etaminus} when it flips, within {@code step_sizes}.
 */
public final class Rprop extends Optimizer {

    /** {@code options}: lr, etas, step_sizes, maximize, ... */
    public Rprop(Object params, Map<String, ?> options) {
        super(params, validated(options));
    }

    private static SequencedMap<String, Object> validated(Map<String, ?> given) {
        SequencedMap<String, Object> o = options("Rprop", given, "lr", 1e-2, "etas", new double[] {0.5, 1.2},
                "step_sizes", new double[] {1e-6, 50}, "capturable", false, "foreach", null, "maximize", false,
                "differentiable", false);
        check(number(o, "lr") >= 0, "Invalid learning rate: ", o.get("lr"));
        double etaminus = item(o, "etas", 0);
        double etaplus = item(o, "etas", 1);
        if (!(0.0 < etaminus && etaminus < 1.0 && 1.0 < etaplus)) {
            List<?> etas = (List<?>) o.get("etas");
            throw new TorchException(TorchException.PythonType.ValueError, "Invalid eta values: "
                    + OptionValues.repr(etas.get(0)) + ", " + OptionValues.repr(etas.get(1)));
        }
        return o;
    }

    @Override
    protected Tensor performStep(Supplier<Tensor> closure) {
        Tensor loss = evaluate(closure);
        forEachParameterWithGrad((group, param) -> {
            double etaminus = group.getTupleItem("etas", 0);
            double etaplus = group.getTupleItem("etas", 1);
            double stepSizeMin = group.getTupleItem("step_sizes", 0);
            double stepSizeMax = group.getTupleItem("step_sizes", 1);
            boolean maximize = group.getBoolean("maximize");
            Tensor grad = gradient(param, maximize);
            Map<String, Object> state = state(param);
            if (state.isEmpty()) {
                state.put("step", newStepTensor());
                state.put("prev", Torch.zerosLike(param));
                state.put("step_size", Torch.fullLike(grad, group.lr()));
            }
            incrementStep(state);
            Tensor prev = (Tensor) state.get("prev");
            Tensor stepSize = (Tensor) state.get("step_size");
            Tensor sign = grad.mul(prev).sign();
            Tensor flipped = sign.lt(0);
            Tensor factor = Torch.where(sign.gt(0), Torch.fullLike(sign, etaplus),
                    Torch.where(flipped, Torch.fullLike(sign, etaminus), Torch.onesLike(sign)));
            stepSize.mul_(factor).clamp_(stepSizeMin, stepSizeMax);
            // Where the sign flipped the gradient counts as zero: no move now, no flip next time.
            Tensor kept = Torch.where(flipped.logicalNot(), grad, 0.0);
            param.addcmul_(kept.sign(), stepSize, -1);
            prev.copy_(kept);
        });
        return loss;
    }
}
