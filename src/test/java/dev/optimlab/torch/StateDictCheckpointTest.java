package dev.optimlab.torch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.optimlab.torch.optim.Optimizer;
import dev.optimlab.torch.optim.Optimizers;
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

/** Every optimizer's and scheduler's state dict goes through a checkpoint and loads into a fresh object. */
@DisplayName("State dicts in checkpoints")
class StateDictCheckpointTest {

    static Stream<String> optimizers() {
        return Optimizers.NAMES.stream();
    }

    static Stream<Arguments> schedulers() {
        return Stream.of(
                Arguments.of("StepLR", Map.of("step_size", 2)),
                Arguments.of("MultiStepLR", Map.of("milestones", List.of(1, 2))),
                Arguments.of("ConstantLR", Map.of()),
                Arguments.of("LinearLR", Map.of()),
                Arguments.of("ExponentialLR", Map.of("gamma", 0.9)),
                Arguments.of("PolynomialLR", Map.of()),
                Arguments.of("CosineAnnealingLR", Map.of("T_max", 5)),
                Arguments.of("CosineAnnealingWarmRestarts", Map.of("T_0", 3)),
                Arguments.of("ReduceLROnPlateau", Map.of("patience", 0)),
                Arguments.of("CyclicLR", Map.of("base_lr", 0.01, "max_lr", 0.1)),
                Arguments.of("OneCycleLR", Map.of("max_lr", 0.1, "total_steps", 10)));
    }

    private static Tensor parameter() {
        return Torch.tensor(List.of(1.0, -2.0, 0.5)).requiresGrad_();
    }

    private static Tensor loss(Tensor param) {
        return param.pow(2L).sum();
    }

    private static Optimizer sgd(Tensor param) {
        return Optimizers.create("SGD", List.of(param), Map.of("lr", 0.05, "momentum", 0.9));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("optimizers")
    @DisplayName("an optimizer's state dict after two steps saves, loads into a fresh optimizer and saves the same bytes")
    void optimizer(String name) {
        Tensor param = parameter();
        Optimizer optimizer = Optimizers.create(name, List.of(param), Map.of("lr", 0.01));
        for (int step = 0; step < 2; step++) {
            optimizer.zeroGrad();
            optimizer.step(() -> {
                optimizer.zeroGrad();
                Tensor value = loss(param);
                value.backward();
                return value;
            });
        }
        byte[] saved = Serialization.toBytes(optimizer.stateDict());
        Optimizer fresh = Optimizers.create(name, List.of(parameter()), Map.of("lr", 0.01));
        @SuppressWarnings("unchecked")
        Map<String, Object> loaded = (Map<String, Object>) Serialization.fromBytes(saved);
        fresh.loadStateDict(loaded);
        assertThat(Serialization.toBytes(fresh.stateDict())).isEqualTo(saved);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schedulers")
    @DisplayName("a scheduler's state dict after three steps saves, loads into a fresh scheduler and saves the same bytes")
    void scheduler(String name, Map<String, Object> kwargs) {
        LRScheduler scheduler = LRSchedulers.create(name, sgd(parameter()), kwargs);
        for (int step = 0; step < 3; step++) {
            if (scheduler instanceof ReduceLROnPlateau plateau) {
                plateau.step(1.0);
            } else {
                scheduler.step();
            }
        }
        byte[] saved = Serialization.toBytes(scheduler.stateDict());
        LRScheduler fresh = LRSchedulers.create(name, sgd(parameter()), kwargs);
        @SuppressWarnings("unchecked")
        Map<String, Object> loaded = (Map<String, Object>) Serialization.fromBytes(saved);
        fresh.loadStateDict(loaded);
        assertThat(Serialization.toBytes(fresh.stateDict())).isEqualTo(saved);
    }
}
