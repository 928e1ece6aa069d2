package dev.optimlab.explore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.optimlab.pylite.Limits;
import dev.optimlab.pylite.RunListener;
import dev.optimlab.pylite.RunResult;
import dev.optimlab.pylite.bridge.Storage;
import dev.optimlab.pylite.bridge.TorchBridge;
import dev.optimlab.pylite.bridge.TorchEvents;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("The optimizer-path tool's computations")
class PathExplorerTest {

    private static final double RTOL = 1e-5;
    private static final double ATOL = 1e-6;

    static JsonNode golden(String file) {
        try (InputStream in = PathExplorerTest.class.getResourceAsStream("/golden/explore/" + file)) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Stream<JsonNode> goldenPaths() {
        return StreamSupport.stream(golden("paths.json").get("cases").spliterator(), false);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> spec(JsonNode optimizer) {
        return new ObjectMapper().convertValue(optimizer, LinkedHashMap.class);
    }

    static void assertClose(double actual, double expected, String what) {
        assertThat(actual).as(what).isCloseTo(expected, within(ATOL + RTOL * Math.abs(expected)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldenPaths")
    @DisplayName("each path is the one PyTorch walks from the same start")
    void pathsMatchPyTorch(JsonNode golden) {
        WidgetCurves.Series path = WidgetCurves.paths(golden.get("surface").asText(), List.of(spec(golden.get("optimizer"))),
                new double[] {golden.get("start").get(0).asDouble(), golden.get("start").get(1).asDouble()},
                golden.get("steps").asInt()).getFirst();
        JsonNode expected = golden.get("path");
        assertThat(path.xs()).hasSize(expected.size());
        for (int step = 0; step < expected.size(); step++) {
            assertClose(path.xs()[step], expected.get(step).get(0).asDouble(), "x at step " + step);
            assertClose(path.ys()[step], expected.get(step).get(1).asDouble(), "y at step " + step);
        }
    }

    @Nested
    @DisplayName("The PyTorch program shown beside the plot")
    class GeneratedCode {

        static Stream<String> surfaces() {
            return PathExplorer.SURFACES.stream();
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("surfaces")
        @DisplayName("runs in pylite and walks exactly the paths the tool draws")
        void runsAndAgrees(String surface) {
            List<Map<String, Object>> specs = new ArrayList<>();
            for (PathExplorer.Choice choice : PathExplorer.Choice.values()) {
                specs.add(choice.spec(new PathExplorer.Settings(PathExplorer.defaultSettings(surface).lr(), 0.8, 0.85, 0.99)));
            }
            double[] start = {-1.25, 0.75};
            int steps = 25;
            String code = PathExplorer.pytorchCode(surface, specs, start, steps);
            String printAll = "\nfor name, path in paths.items():\n    for x, y in path:\n        print(repr(x), repr(y))\n";
            RunResult run = TorchBridge.run(code + printAll, "paths.py", Limits.defaults(), RunListener.NONE, Storage.NONE,
                    TorchEvents.NONE);
            assertThat(run.stderr()).isEmpty();
            assertThat(run.ok()).isTrue();

            List<WidgetCurves.Series> drawn = WidgetCurves.paths(surface, specs, start, steps);
            String[] lines = run.stdout().split("\n");
            // the program's own summary comes first: one line per optimizer
            assertThat(lines[0]).startsWith("SGD(lr=").endsWith(" after 25 steps");
            int line = drawn.size();
            for (WidgetCurves.Series path : drawn) {
                for (int step = 0; step <= steps; step++, line++) {
                    String[] xy = lines[line].split(" ");
                    assertClose(Double.parseDouble(xy[0]), path.xs()[step], path.label() + " x at step " + step);
                    assertClose(Double.parseDouble(xy[1]), path.ys()[step], path.label() + " y at step " + step);
                }
            }
            assertThat(line).isEqualTo(lines.length);
        }

        @Test
        @DisplayName("writes the settings as Python literals")
        void pythonLiterals() {
            String code = PathExplorer.pytorchCode("valley", List.of(
                    PathExplorer.Choice.NESTEROV.spec(new PathExplorer.Settings(1e-4, 0.9, 0.9, 0.999)),
                    PathExplorer.Choice.ADAMW.spec(new PathExplorer.Settings(0.05, 0.9, 0.9, 0.999))), new double[] {-4, 1}, 10);
            assertThat(code)
                    .contains("def walk(make_optimizer, start=(-4.0, 1.0), steps=10):")
                    .contains("torch.optim.SGD(params, lr=0.0001, momentum=0.9, nesterov=True)")
                    .contains("torch.optim.AdamW(params, lr=0.05, betas=(0.9, 0.999))")
                    .contains("\"AdamW(lr=0.05, betas=(0.9, 0.999))\": walk(");
        }
    }

    @Nested
    @DisplayName("The surface grid")
    class Grid {

        @Test
        @DisplayName("samples the surface at the corners and the centre of its bounds")
        void samplesTheFormula() {
            PathExplorer.SurfaceGrid grid = PathExplorer.grid("rosenbrock", 41, 21);
            PathExplorer.Bounds b = grid.bounds();
            assertThat(grid.values()).hasSize(41 * 21);
            // (1 - x)^2 + 100 (y - x^2)^2 at (-2, -1): 9 + 100 * 25; at (2, 3): 1 + 100 * 1; at (0, 1): 1 + 100
            assertThat(b).isEqualTo(new PathExplorer.Bounds(-2, 2, -1, 3));
            assertClose(grid.values()[0], 2509, "bottom left");
            assertClose(grid.values()[41 * 21 - 1], 101, "top right");
            assertClose(grid.values()[10 * 41 + 20], 101, "centre");
        }

        @Test
        @DisplayName("draws the noisy bowl as the bowl it is on average")
        void noisyBowlIsTheBowl() {
            assertThat(PathExplorer.grid("noisy-bowl", 5, 5).values()).containsExactly(PathExplorer.grid("bowl", 5, 5).values());
        }

        @Test
        @DisplayName("names the known surfaces when asked for another")
        void unknownSurface() {
            assertThatThrownBy(() -> PathExplorer.grid("volcano", 5, 5)).hasMessageContaining("unknown surface 'volcano'")
                    .hasMessageContaining("rosenbrock");
        }
    }

    @Test
    @DisplayName("a diverging path is cut where it flies off, and its label says so")
    void divergingPathIsCut() {
        WidgetCurves.Series path = WidgetCurves.paths("valley", List.of(Map.of("name", "SGD", "lr", 1.0)),
                new double[] {-4, 1}, 60).getFirst();
        // lr 1 on 2 y^2 multiplies y by (1 - 4) each step: |y| = 3^k passes 1000 (100 times the bounds) at k = 7
        WidgetCurves.Series cut = PathExplorer.untilDiverged(path, PathExplorer.bounds("valley"));
        assertThat(cut.xs()).hasSize(7);
        assertThat(cut.label()).isEqualTo("SGD(lr=1.0) ↗");
        WidgetCurves.Series calm = WidgetCurves.paths("valley", List.of(Map.of("name", "SGD", "lr", 0.1)),
                new double[] {-4, 1}, 60).getFirst();
        assertThat(PathExplorer.untilDiverged(calm, PathExplorer.bounds("valley"))).isSameAs(calm);
    }
}
