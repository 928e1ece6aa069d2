package dev.optimlab.torch.optim.lr_scheduler;

import dev.optimlab.torch.TorchException;
import dev.optimlab.torch.TorchException.PythonType;
import dev.optimlab.torch.optim.Optimizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.IntToDoubleFunction;

/** Mirrors {@code torch.optim.lr_scheduler.LambdaLR}: lr = initial lr times {@code lr_lambda(epoch)}, per group. */
public final class LambdaLR extends LRScheduler {

    private final List<IntToDoubleFunction> lrLambdas;

    /** One lambda for every group. */
    public LambdaLR(Optimizer optimizer, IntToDoubleFunction lrLambda) {
        this(optimizer, Collections.nCopies(optimizer.paramGroups().size(), lrLambda), -1);
    }

    /** One lambda per group, as a Python list of functions. */
    public LambdaLR(Optimizer optimizer, List<IntToDoubleFunction> lrLambdas, int lastEpoch) {
        super(optimizer, lastEpoch);
        this.lrLambdas = checkedLambdas(optimizer, lrLambdas);
        initialStep();
    }

    static List<IntToDoubleFunction> checkedLambdas(Optimizer optimizer, List<IntToDoubleFunction> lambdas) {
        int groups = optimizer.paramGroups().size();
        if (lambdas.size() != groups) {
            throw new TorchException(PythonType.ValueError,
                    "Expected " + groups + " lr_lambdas, but got " + lambdas.size());
        }
        return List.copyOf(lambdas);
    }

    @Override
    protected List<Double> getLr() {
        List<Double> lrs = new ArrayList<>();
        for (int i = 0; i < baseLrs.size(); i++) {
            lrs.add(baseLrs.get(i) * lrLambdas.get(i).applyAsDouble(lastEpoch));
        }
        return lrs;
    }

    /** Plain functions are not saved, as PyTorch stores None for them. */
    @Override
    protected void writeState(Map<String, Object> state) {
        state.put("lr_lambdas", Collections.nCopies(lrLambdas.size(), null));
    }
}
