package dev.optimlab.torch.nn;

import dev.optimlab.torch.ComputeContext;
import dev.optimlab.torch.Tensor;
import dev.optimlab.torch.Torch;
import java.util.List;

/**
 * Mirrors {@code torch.nn.Linear(in_features, out_features, bias=True)}: {@code y = x W^T + b}, with W and b
 * drawn by PyTorch's {@code reset_parameters} from the run's generator (W first, then b).
 */
public class Linear extends Module {
    private final int inFeatures;
    private final int outFeatures;

    public Linear(int inFeatures, int outFeatures) {
        this(inFeatures, outFeatures, true);
    }

    public Linear(int inFeatures, int outFeatures, boolean bias) {
        this.inFeatures = inFeatures;
        this.outFeatures = outFeatures;
        float[] weightValues = new float[inFeatures * outFeatures];
        float[] biasValues = bias ? new float[outFeatures] : null;
        Init.linear(ComputeContext.current().generator(), inFeatures, outFeatures, weightValues, biasValues);
        setAttr("weight", new Parameter(Torch.fromArray(weightValues, outFeatures, inFeatures)));
        if (bias) {
            setAttr("bias", new Parameter(Torch.fromArray(biasValues, outFeatures)));
        } else {
            registerParameter("bias", null);
        }
    }

    public int inFeatures() {
        return inFeatures;
    }

    public int outFeatures() {
        return outFeatures;
    }

    /** The weight parameter, shape (out_features, in_features). */
    public Parameter weight() {
        return parameterSlot("weight");
    }

    /** The bias parameter, or null when built with {@code bias=False}. */
    public Parameter bias() {
        return parameterSlot("bias");
    }

    @Override
    public Object forward(List<Object> args) {
        Tensor input = (Tensor) args.get(0);
        Parameter bias = bias();
        return Functional.linear(input, weight().data(), bias == null ? null : bias.data());
    }

    @Override
    public String extraRepr() {
        return "in_features=" + inFeatures + ", out_features=" + outFeatures + ", bias=" + (bias() != null ? "True" : "False");
    }
}
