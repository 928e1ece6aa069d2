package dev.optimlab.torch.optim.lr_scheduler;

import dev.optimlab.torch.optim.Optimizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.IntToDoubleFunction;

/** Mirrors {@code torch.optim.lr_scheduler.MultiplicativeLR}: each step multiplies lr by {@code lr_lambda(epoch)}. */
public final class MultiplicativeLR extends LRScheduler {

    private final List<IntToDoubleFunction> lrLambdas;

    public MultiplicativeLR(Optimizer optimizer, IntToDoubleFunction lrLambda) {
        this(optimizer, Collections.nCopies(optimizer.paramGroups().size(), lrLambda), -1);
    }

    public MultiplicativeLR(Optimizer optimizer, List<IntToDoubleFunction> lrLambdas, int lastEpoch) {
        super(optimizer, lastEpoch);
        this.lrLambdas = LambdaLR.checkedLambdas(optimizer, lrLambdas);
        initialStep();
    }

    @Override
    protected List<Double> getLr() {
        List<Double> lrs = currentLrs();
        if (!isInitial) {
            List<Double> next = new ArrayList<>();
            for (int i = 0; i < lrs.size(); i++) {
                next.add(lrs.get(i) * lrLambdas.get(i).applyAsDouble(lastEpoch));
            }
            return next;
        }
        return lrs;
    }

    @Override
    protected void writeState(Map<String, Object> state) {
        state.put("lr_lambdas", Collections.nCopies(lrLambdas.size(), null));
    }
}
