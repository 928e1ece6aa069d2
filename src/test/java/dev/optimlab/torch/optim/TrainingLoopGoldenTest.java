package dev.optimlab.torch.optim;

import dev.optimlab.torch.Tensor;
import dev.optimlab.torch.nn.utils.ClipGrad;
import dev.optimlab.torch.optim.lr_scheduler.LRScheduler;
import dev.optimlab.torch.optim.lr_scheduler.LRSchedulers;
import dev.optimlab.torch.optim.lr_scheduler.ReduceLROnPlateau;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("Whole training loops recorded from PyTorch")
class TrainingLoopGoldenTest {

    private static final Map<String, Object> GOLDEN = OptimizerGoldenTest.read("/golden/optim/training_loops.json");

    @SuppressWarnings("unchecked")
    static Stream<Arguments> loops() {
        return ((List<Map<String, Object>>) GOLDEN.get("loops")).stream().map(l -> Arguments.of(l.get("name"), l));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("loops")
    @DisplayName("zero_grad, backward, clipping, optimizer.step and scheduler.step give PyTorch's numbers")
    @SuppressWarnings("unchecked")
    void replaysLoop(String name, Map<String, Object> loop) {
        GoldenProblems problems = new GoldenProblems((Map<String, Map<String, Object>>) GOLDEN.get("problems"),
                (Map<String, List<List<Object>>>) GOLDEN.get("starts"));
        String problem = (String) loop.get("problem");
        List<Tensor> params = problems.start(problem);
        Optimizer optimizer = Optimizers.create((String) loop.get("optimizer"), params,
                (Map<String, Object>) loop.get("kwargs"));
        LRScheduler scheduler = LRSchedulers.create((String) loop.get("scheduler"), optimizer,
                (Map<String, Object>) loop.get("scheduler_kwargs"));
        Map<String, Object> clip = (Map<String, Object>) loop.get("clip");
        List<Map<String, Object>> records = (List<Map<String, Object>>) loop.get("records");
        for (int step = 0; step < records.size(); step++) {
            Map<String, Object> expected = records.get(step);
            String where = name + ", step " + step;
            optimizer.zeroGrad();
            Tensor loss = problems.loss(problem, params);
            loss.backward();
            check(where + " loss", loss.itemDouble(), expected.get("loss"));
            if (clip != null && clip.containsKey("max_norm")) {
                Tensor total = ClipGrad.clipGradNorm_(params, OptimizerGoldenTest.number(clip.get("max_norm")));
                check(where + " total norm", total.itemDouble(), expected.get("total_norm"));
            } else if (clip != null) {
                ClipGrad.clipGradValue_(params, OptimizerGoldenTest.number(clip.get("clip_value")));
            }
            optimizer.step();
            if (scheduler instanceof ReduceLROnPlateau plateau) {
                plateau.step(loss.itemDouble());
            } else {
                scheduler.step();
            }
            List<Number> lrs = (List<Number>) expected.get("lr");
            for (int g = 0; g < lrs.size(); g++) {
                check(where + " lr of group " + g, optimizer.paramGroups().get(g).lr(), lrs.get(g));
            }
            List<List<Number>> expectedParams = (List<List<Number>>) expected.get("params");
            for (int i = 0; i < params.size(); i++) {
                OptimizerGoldenTest.assertClose(where + " param " + i, params.get(i).toDoubleArray(),
                        OptimizerGoldenTest.doubles(expectedParams.get(i)), OptimizerGoldenTest.RTOL);
            }
        }
    }

    private static void check(String what, double actual, Object expected) {
        OptimizerGoldenTest.assertClose(what, new double[] {actual},
                new double[] {OptimizerGoldenTest.number(expected)}, OptimizerGoldenTest.RTOL);
    }
}
