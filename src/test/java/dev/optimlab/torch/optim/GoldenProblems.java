package dev.optimlab.torch.optim;

import dev.optimlab.torch.Tensor;
import dev.optimlab.torch.Torch;
import java.util.List;
import java.util.Map;

/** The small problems of tools/golden/gen_optim.py, built from the same data with the same tensor expressions. */
final class GoldenProblems {

    private final Map<String, Map<String, Object>> data;
    private final Map<String, List<List<Object>>> starts;

    GoldenProblems(Map<String, Map<String, Object>> data, Map<String, List<List<Object>>> starts) {
        this.data = data;
        this.starts = starts;
    }

    /** Fresh leaf parameters at the problem's starting point, each given as [shape, values]. */
    @SuppressWarnings("unchecked")
    List<Tensor> start(String problem) {
        return starts.get(problem).stream().map(spec -> {
            int[] shape = ((List<Number>) spec.get(0)).stream().mapToInt(Number::intValue).toArray();
            return Torch.tensor(spec.get(1)).reshape(shape).requiresGrad_();
        }).toList();
    }

    Tensor loss(String problem, List<Tensor> params) {
        Map<String, Object> d = data.get(problem);
        return switch (problem) {
            case "quadratic" -> {
                Tensor a = Torch.tensor(d.get("a"));
                Tensor c = Torch.tensor(d.get("c"));
                yield a.mul(params.get(0).sub(c).pow(2L)).sum();
            }
            case "rosenbrock" -> {
                Tensor xy = params.get(0);
                Tensor x = xy.select(0, 0);
                Tensor y = xy.select(0, 1);
                yield x.rsub(1L).pow(2L).add(y.sub(x.pow(2L)).pow(2L).mul(100L));
            }
            case "linreg" -> {
                Tensor x = Torch.tensor(d.get("x"));
                Tensor y = Torch.tensor(d.get("y"));
                yield x.matmul(params.get(0).t()).add(params.get(1)).sub(y).pow(2L).mean();
            }
            case "mlp" -> {
                Tensor x = Torch.tensor(d.get("x"));
                Tensor y = Torch.tensor(d.get("y"));
                Tensor hidden = x.matmul(params.get(0).t()).add(params.get(1)).tanh();
                yield hidden.matmul(params.get(2).t()).add(params.get(3)).sub(y).pow(2L).mean();
            }
            default -> throw new IllegalArgumentException("unknown problem " + problem);
        };
    }
}
