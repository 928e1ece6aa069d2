package dev.optimlab.torch.optim;

import dev.optimlab.torch.Tensor;
import dev.optimlab.torch.Torch;
import dev.optimlab.torch.TorchException;
import dev.optimlab.torch.TorchException.PythonType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;
import java.util.function.Supplier;

/**
 * Mirrors {@code torch.optim.LBFGS}: limited-memory BFGS over all parameters as one flat vector, with a fixed
 * step or PyTorch's strong-Wolfe line search ({@code _strong_wolfe}, {@code _cubic_interpolate}).
 *
 * <p>PyTorch mixes Python floats with 0-dim float32 tensors in this algorithm (a directional derivative is a
 * tensor, a loss is a float); {@link Scalar} keeps that distinction so every intermediate rounds as it does there.
 * Its state lives on the first parameter, as in PyTorch.
 */
public final class LBFGS extends Optimizer {

    private final List<Tensor> params;

    /** {@code options}: lr, max_iter, max_eval, tolerance_grad, tolerance_change, history_size, line_search_fn. */
    public LBFGS(Object params, Map<String, ?> options) {
        super(params, validated(options));
        if (paramGroups().size() != 1) {
            throw new TorchException(PythonType.ValueError,
                    "LBFGS doesn't support per-parameter options (parameter groups)");
        }
        this.params = paramGroups().getFirst().params();
    }

    private static SequencedMap<String, Object> validated(Map<String, ?> given) {
        SequencedMap<String, Object> o = options("LBFGS", given, "lr", 1, "max_iter", 20, "max_eval", null,
                "tolerance_grad", 1e-7, "tolerance_change", 1e-9, "history_size", 100, "line_search_fn", null);
        check(number(o, "lr") >= 0, "Invalid learning rate: ", o.get("lr"));
        if (o.get("max_eval") == null) {
            o.put("max_eval", Math.floorDiv(((Number) o.get("max_iter")).longValue() * 5, 4));
        }
        return o;
    }

    /** A Python float or a 0-dim float32 tensor: arithmetic with a tensor rounds to float32, as ATen does. */
    record Scalar(double value, boolean tensor) {
        static Scalar py(double value) {
            return new Scalar(value, false);
        }

        static Scalar of(Tensor zeroDim) {
            return new Scalar(zeroDim.itemDouble(), true);
        }

        private Scalar combine(Scalar other, java.util.function.DoubleBinaryOperator exact) {
            if (tensor || other.tensor) {
                return new Scalar((float) exact.applyAsDouble((float) value, (float) other.value), true);
            }
            return py(exact.applyAsDouble(value, other.value));
        }

        Scalar plus(Scalar o) {
            return combine(o, Double::sum);
        }

        Scalar minus(Scalar o) {
            return combine(o, (a, b) -> a - b);
        }

        Scalar times(Scalar o) {
            return combine(o, (a, b) -> a * b);
        }

        Scalar over(Scalar o) {
            return combine(o, (a, b) -> a / b);
        }

        Scalar abs() {
            return new Scalar(Math.abs(value), tensor);
        }

        Scalar sqrt() {
            return new Scalar(tensor ? (float) Math.sqrt(value) : Math.sqrt(value), tensor);
        }

        /** Python's {@code <}: a tensor compares in float32, the float operand cast first. */
        boolean lessThan(Scalar o) {
            return tensor || o.tensor ? (float) value < (float) o.value : value < o.value;
        }

        boolean lessOrEqual(Scalar o) {
            return tensor || o.tensor ? (float) value <= (float) o.value : value <= o.value;
        }

        /** The value as stored in state: a 0-dim tensor or a Python float. */
        Object toStateValue() {
            return tensor ? Torch.scalarTensor(value) : (Object) value;
        }

        static Scalar fromStateValue(Object stored) {
            return stored instanceof Tensor t ? of(t) : py(((Number) stored).doubleValue());
        }
    }

    private static Scalar pyMin(Scalar a, Scalar b) {
        return b.lessThan(a) ? b : a;
    }

    private static Scalar pyMax(Scalar a, Scalar b) {
        return a.lessThan(b) ? b : a;
    }

    private Tensor gatherFlatGrad() {
        List<Tensor> views = new ArrayList<>();
        for (Tensor p : params) {
            views.add(p.grad() == null ? Torch.zeros(p.numel()) : p.grad().reshape(-1));
        }
        return Torch.cat(views, 0);
    }

    private void addGrad(Scalar stepSize, Tensor update) {
        int offset = 0;
        for (Tensor p : params) {
            int numel = p.numel();
            p.add_(update.narrow(0, offset, numel).view(p.shape()), stepSize.value());
            offset += numel;
        }
    }

    private List<Tensor> cloneParams() {
        return params.stream().map(Tensor::clone).toList();
    }

    private void setParams(List<Tensor> values) {
        for (int i = 0; i < params.size(); i++) {
            params.get(i).copy_(values.get(i));
        }
    }

    private record Evaluation(double loss, Tensor flatGrad) {
    }

    private Evaluation directionalEvaluate(Supplier<Tensor> closure, List<Tensor> x, Scalar t, Tensor d) {
        addGrad(t, d);
        double loss = evaluate(closure).itemDouble();
        Tensor flatGrad = gatherFlatGrad();
        setParams(x);
        return new Evaluation(loss, flatGrad);
    }

    @Override
    protected Tensor performStep(Supplier<Tensor> closure) {
        if (closure == null) {
            throw new TorchException(PythonType.TypeError, "step() missing 1 required positional argument: 'closure'");
        }
        ParamGroup group = paramGroups().getFirst();
        double lr = group.lr();
        long maxIter = ((Number) group.get("max_iter")).longValue();
        long maxEval = ((Number) group.get("max_eval")).longValue();
        double toleranceGrad = group.getDouble("tolerance_grad");
        double toleranceChange = group.getDouble("tolerance_change");
        Object lineSearchFn = group.get("line_search_fn");
        int historySize = (int) ((Number) group.get("history_size")).longValue();

        Map<String, Object> state = state(params.getFirst());
        state.putIfAbsent("func_evals", 0L);
        state.putIfAbsent("n_iter", 0L);

        Tensor origLoss = evaluate(closure);
        double loss = origLoss.itemDouble();
        long currentEvals = 1;
        state.put("func_evals", count(state, "func_evals") + 1);
        Tensor flatGrad = gatherFlatGrad();
        boolean optCond = flatGrad.abs().max().itemDouble() <= (float) toleranceGrad;
        if (optCond) {
            return origLoss;
        }

        Tensor d = (Tensor) state.get("d");
        Scalar t = state.containsKey("t") ? Scalar.fromStateValue(state.get("t")) : null;
        @SuppressWarnings("unchecked")
        List<Tensor> oldDirs = state.containsKey("old_dirs") ? new ArrayList<>((List<Tensor>) state.get("old_dirs")) : null;
        @SuppressWarnings("unchecked")
        List<Tensor> oldStps = state.containsKey("old_stps") ? new ArrayList<>((List<Tensor>) state.get("old_stps")) : null;
        @SuppressWarnings("unchecked")
        List<Object> ro = state.containsKey("ro") ? new ArrayList<>((List<Object>) state.get("ro")) : null;
        Scalar hDiag = state.containsKey("H_diag") ? Scalar.fromStateValue(state.get("H_diag")) : null;
        Tensor prevFlatGrad = (Tensor) state.get("prev_flat_grad");
        Double prevLoss = state.get("prev_loss") instanceof Number n ? n.doubleValue() : null;

        long nIter = 0;
        while (nIter < maxIter) {
            nIter++;
            long stateIter = count(state, "n_iter") + 1;
            state.put("n_iter", stateIter);

            if (stateIter == 1) {
                d = flatGrad.neg();
                oldDirs = new ArrayList<>();
                oldStps = new ArrayList<>();
                ro = new ArrayList<>();
                hDiag = null;
            } else {
                Tensor y = flatGrad.sub(prevFlatGrad);
                Tensor s = d.mul(t.value());
                Tensor ys = y.dot(s);
                if (ys.itemDouble() > (float) 1e-10) {
                    if (oldDirs.size() == historySize) {
                        oldDirs.removeFirst();
                        oldStps.removeFirst();
                        ro.removeFirst();
                    }
                    oldDirs.add(y);
                    oldStps.add(s);
                    ro.add(ys.rdiv(1.0));
                    hDiag = Scalar.of(ys.div(y.dot(y)));
                }
                int numOld = oldDirs.size();
                Tensor[] al = new Tensor[historySize];
                Tensor q = flatGrad.neg();
                for (int i = numOld - 1; i >= 0; i--) {
                    al[i] = oldStps.get(i).dot(q).mul((Tensor) ro.get(i));
                    q.add_(oldDirs.get(i), -al[i].itemDouble());
                }
                // H_diag starts as the Python int 1, so the first product is q * 1.
                Tensor r = hDiag == null ? q.mul(1L) : q.mul(Torch.scalarTensor(hDiag.value()));
                for (int i = 0; i < numOld; i++) {
                    Tensor beI = oldDirs.get(i).dot(r).mul((Tensor) ro.get(i));
                    r.add_(oldStps.get(i), al[i].sub(beI).itemDouble());
                }
                d = r;
                state.put("al", Arrays.asList(al));
            }
            if (prevFlatGrad == null) {
                prevFlatGrad = flatGrad.clone();
            } else {
                prevFlatGrad.copy_(flatGrad);
            }
            prevLoss = loss;

            if (stateIter == 1) {
                Scalar inverseSum = Scalar.of(flatGrad.abs().sum().rdiv(1.0));
                t = pyMin(Scalar.py(1.0), inverseSum).times(Scalar.py(lr));
            } else {
                t = Scalar.py(lr);
            }
            Scalar gtd = Scalar.of(flatGrad.dot(d));
            if (Scalar.py(-toleranceChange).lessThan(gtd)) {
                break;
            }

            long lsFuncEvals = 0;
            if (lineSearchFn != null) {
                if (!"strong_wolfe".equals(lineSearchFn)) {
                    throw new TorchException(PythonType.RuntimeError, "only 'strong_wolfe' is supported");
                }
                List<Tensor> xInit = cloneParams();
                LineSearchResult result = strongWolfe((x, step, dir) -> directionalEvaluate(closure, x, step, dir),
                        xInit, t, d, loss, flatGrad, gtd, toleranceChange);
                loss = result.loss;
                flatGrad = result.flatGrad;
                t = result.t;
                lsFuncEvals = result.funcEvals;
                addGrad(t, d);
                optCond = flatGrad.abs().max().itemDouble() <= (float) toleranceGrad;
            } else {
                addGrad(t, d);
                if (nIter != maxIter) {
                    loss = evaluate(closure).itemDouble();
                    flatGrad = gatherFlatGrad();
                    optCond = flatGrad.abs().max().itemDouble() <= (float) toleranceGrad;
                    lsFuncEvals = 1;
                }
            }
            currentEvals += lsFuncEvals;
            state.put("func_evals", count(state, "func_evals") + lsFuncEvals);

            if (nIter == maxIter || currentEvals >= maxEval || optCond) {
                break;
            }
            if (d.mul(t.value()).abs().max().itemDouble() <= (float) toleranceChange) {
                break;
            }
            if (Math.abs(loss - prevLoss) < toleranceChange) {
                break;
            }
        }
        state.put("d", d);
        state.put("t", t.toStateValue());
        state.put("old_dirs", oldDirs);
        state.put("old_stps", oldStps);
        state.put("ro", ro);
        state.put("H_diag", hDiag == null ? (Object) 1L : hDiag.toStateValue());
        state.put("prev_flat_grad", prevFlatGrad);
        state.put("prev_loss", prevLoss);
        return origLoss;
    }

    /** A counter kept in state; a loaded state dict may hold it as any integer type. */
    private static long count(Map<String, Object> state, String key) {
        return ((Number) state.get(key)).longValue();
    }

    @FunctionalInterface
    private interface Objective {
        Evaluation at(List<Tensor> x, Scalar t, Tensor d);
    }

    private record LineSearchResult(double loss, Tensor flatGrad, Scalar t, long funcEvals) {
    }

    /** Mirrors {@code _cubic_interpolate}: the minimiser of the cubic through two points with slopes. */
    static Scalar cubicInterpolate(Scalar x1, Scalar f1, Scalar g1, Scalar x2, Scalar f2, Scalar g2,
            Scalar boundMin, Scalar boundMax) {
        Scalar xminBound;
        Scalar xmaxBound;
        if (boundMin != null) {
            xminBound = boundMin;
            xmaxBound = boundMax;
        } else if (x1.lessOrEqual(x2)) {
            xminBound = x1;
            xmaxBound = x2;
        } else {
            xminBound = x2;
            xmaxBound = x1;
        }
        Scalar three = Scalar.py(3);
        Scalar d1 = g1.plus(g2).minus(three.times(f1.minus(f2)).over(x1.minus(x2)));
        Scalar d2Square = d1.times(d1).minus(g1.times(g2));
        if (Scalar.py(0).lessOrEqual(d2Square)) {
            Scalar d2 = d2Square.sqrt();
            Scalar two = Scalar.py(2);
            Scalar minPos;
            if (x1.lessOrEqual(x2)) {
                minPos = x2.minus(x2.minus(x1).times(g2.plus(d2).minus(d1).over(g2.minus(g1).plus(two.times(d2)))));
            } else {
                minPos = x1.minus(x1.minus(x2).times(g1.plus(d2).minus(d1).over(g1.minus(g2).plus(two.times(d2)))));
            }
            return pyMin(pyMax(minPos, xminBound), xmaxBound);
        }
        return xminBound.plus(xmaxBound).over(Scalar.py(2.0));
    }

    /** Mirrors {@code _strong_wolfe} with its defaults c1=1e-4, c2=0.9, max_ls=25. */
    private static LineSearchResult strongWolfe(Objective objective, List<Tensor> x, Scalar t, Tensor d, double f,
            Tensor g, Scalar gtd, double toleranceChange) {
        final Scalar c1 = Scalar.py(1e-4);
        final Scalar c2 = Scalar.py(0.9);
        final int maxLs = 25;
        Scalar dNorm = Scalar.of(d.abs().max());
        g = g.clone();
        Evaluation next = objective.at(x, t, d);
        Scalar fNew = Scalar.py(next.loss());
        Tensor gNew = next.flatGrad();
        long lsFuncEvals = 1;
        Scalar gtdNew = Scalar.of(gNew.dot(d));
        Scalar fScalar = Scalar.py(f);

        Scalar tPrev = Scalar.py(0);
        Scalar fPrev = fScalar;
        Tensor gPrev = g;
        Scalar gtdPrev = gtd;
        boolean done = false;
        int lsIter = 0;
        Scalar[] bracket = null;
        Scalar[] bracketF = null;
        Tensor[] bracketG = null;
        Scalar[] bracketGtd = null;
        while (lsIter < maxLs) {
            Scalar armijo = fScalar.plus(c1.times(t).times(gtd));
            if (armijo.lessThan(fNew) || (lsIter > 1 && fPrev.lessOrEqual(fNew))) {
                bracket = new Scalar[] {tPrev, t};
                bracketF = new Scalar[] {fPrev, fNew};
                bracketG = new Tensor[] {gPrev, gNew.clone()};
                bracketGtd = new Scalar[] {gtdPrev, gtdNew};
                break;
            }
            if (gtdNew.abs().lessOrEqual(Scalar.py(-c2.value()).times(gtd))) {
                bracket = new Scalar[] {t};
                bracketF = new Scalar[] {fNew};
                bracketG = new Tensor[] {gNew};
                done = true;
                break;
            }
            if (Scalar.py(0).lessOrEqual(gtdNew)) {
                bracket = new Scalar[] {tPrev, t};
                bracketF = new Scalar[] {fPrev, fNew};
                bracketG = new Tensor[] {gPrev, gNew.clone()};
                bracketGtd = new Scalar[] {gtdPrev, gtdNew};
                break;
            }
            Scalar minStep = t.plus(Scalar.py(0.01).times(t.minus(tPrev)));
            Scalar maxStep = t.times(Scalar.py(10));
            Scalar previous = t;
            t = cubicInterpolate(tPrev, fPrev, gtdPrev, t, fNew, gtdNew, minStep, maxStep);
            tPrev = previous;
            fPrev = fNew;
            gPrev = gNew.clone();
            gtdPrev = gtdNew;
            next = objective.at(x, t, d);
            fNew = Scalar.py(next.loss());
            gNew = next.flatGrad();
            lsFuncEvals++;
            gtdNew = Scalar.of(gNew.dot(d));
            lsIter++;
        }
        if (lsIter == maxLs) {
            bracket = new Scalar[] {Scalar.py(0), t};
            bracketF = new Scalar[] {fScalar, fNew};
            bracketG = new Tensor[] {g, gNew};
        }

        boolean insufficientProgress = false;
        int lowPos = bracketF[0].lessOrEqual(bracketF[bracketF.length - 1]) ? 0 : 1;
        int highPos = 1 - lowPos;
        while (!done && lsIter < maxLs) {
            if (bracket[1].minus(bracket[0]).abs().times(dNorm).lessThan(Scalar.py(toleranceChange))) {
                break;
            }
            t = cubicInterpolate(bracket[0], bracketF[0], bracketGtd[0], bracket[1], bracketF[1], bracketGtd[1],
                    null, null);
            Scalar high = pyMax(bracket[0], bracket[1]);
            Scalar low = pyMin(bracket[0], bracket[1]);
            Scalar eps = Scalar.py(0.1).times(high.minus(low));
            if (pyMin(high.minus(t), t.minus(low)).lessThan(eps)) {
                if (insufficientProgress || high.lessOrEqual(t) || t.lessOrEqual(low)) {
                    if (t.minus(high).abs().lessThan(t.minus(low).abs())) {
                        t = high.minus(eps);
                    } else {
                        t = low.plus(eps);
                    }
                    insufficientProgress = false;
                } else {
                    insufficientProgress = true;
                }
            } else {
                insufficientProgress = false;
            }
            next = objective.at(x, t, d);
            fNew = Scalar.py(next.loss());
            gNew = next.flatGrad();
            lsFuncEvals++;
            gtdNew = Scalar.of(gNew.dot(d));
            lsIter++;

            Scalar armijo = fScalar.plus(c1.times(t).times(gtd));
            if (armijo.lessThan(fNew) || bracketF[lowPos].lessOrEqual(fNew)) {
                bracket[highPos] = t;
                bracketF[highPos] = fNew;
                bracketG[highPos] = gNew.clone();
                bracketGtd[highPos] = gtdNew;
                lowPos = bracketF[0].lessOrEqual(bracketF[1]) ? 0 : 1;
                highPos = 1 - lowPos;
            } else {
                if (gtdNew.abs().lessOrEqual(Scalar.py(-c2.value()).times(gtd))) {
                    done = true;
                } else if (Scalar.py(0).lessOrEqual(gtdNew.times(bracket[highPos].minus(bracket[lowPos])))) {
                    bracket[highPos] = bracket[lowPos];
                    bracketF[highPos] = bracketF[lowPos];
                    bracketG[highPos] = bracketG[lowPos];
                    bracketGtd[highPos] = bracketGtd[lowPos];
                }
                bracket[lowPos] = t;
                bracketF[lowPos] = fNew;
                bracketG[lowPos] = gNew.clone();
                bracketGtd[lowPos] = gtdNew;
            }
        }
        return new LineSearchResult(bracketF[lowPos].value(), bracketG[lowPos], bracket[lowPos], lsFuncEvals);
    }
}
