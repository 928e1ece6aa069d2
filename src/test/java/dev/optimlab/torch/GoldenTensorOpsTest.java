package dev.optimlab.torch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Replays every case of golden/tensor/ops.json, written by tools/golden/gen_tensor_ops.py from real PyTorch. */
@DisplayName("Tensor ops give PyTorch's values, grad_fn names, gradients and errors")
class GoldenTensorOpsTest {

    static Stream<Arguments> cases() throws IOException {
        return load("/golden/tensor/ops.json");
    }

    static Stream<Arguments> sums() throws IOException {
        try (InputStream in = GoldenTensorOpsTest.class.getResourceAsStream("/golden/tensor/sums.json")) {
            JsonNode root = new ObjectMapper().readTree(in);
            List<Arguments> cases = new ArrayList<>();
            root.get("cases").forEach(c -> cases.add(Arguments.of(c.get("name").asText(), c,
                    root.get("inputs").get(c.get("input").asInt()))));
            return cases.stream();
        }
    }

    private static Stream<Arguments> load(String resource) throws IOException {
        try (InputStream in = GoldenTensorOpsTest.class.getResourceAsStream(resource)) {
            JsonNode root = new ObjectMapper().readTree(in);
            List<Arguments> cases = new ArrayList<>();
            root.get("cases").forEach(c -> cases.add(Arguments.of(c.get("name").asText(), c)));
            return cases.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sums")
    @DisplayName("Sums and means match PyTorch bit for bit (golden/tensor/sums.json)")
    void sumsExactly(String name, JsonNode spec, JsonNode input) {
        Tensor x = Golden.tensor(input);
        Tensor out = (Tensor) run(spec.get("op").asText(), List.of(x), spec.get("args"));
        Golden.assertMatches(out, spec.get("output"), 0, 0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void replays(String name, JsonNode spec) {
        List<Tensor> inputs = new ArrayList<>();
        spec.get("inputs").forEach(input -> {
            Tensor t = Golden.tensor(input);
            inputs.add(input.get("requires_grad").asBoolean() ? t.requiresGrad_() : t);
        });
        JsonNode args = spec.get("args");
        double rtol = spec.has("tolerance") ? spec.get("tolerance").asDouble() : 1e-5;
        double atol = spec.has("tolerance") ? spec.get("tolerance").asDouble() : 1e-6;
        if (spec.has("error")) {
            TorchException error = catchThrowableOfType(TorchException.class, () -> run(spec.get("op").asText(), inputs, args));
            assertThat(error).as("expected %s", spec.get("error")).isNotNull();
            assertThat(error.pythonType().name()).isEqualTo(spec.get("error").get("type").asText());
            assertThat(error.getMessage()).isEqualTo(spec.get("error").get("message").asText());
            return;
        }
        Object result = run(spec.get("op").asText(), inputs, args);
        Tensor out = result instanceof ValuesIndices vi ? vi.values() : (Tensor) result;
        Golden.assertMatches(out, spec.get("output"), rtol, atol);
        if (result instanceof ValuesIndices vi) {
            Golden.assertMatches(vi.indices(), spec.get("indices"), 0, 0);
        }
        JsonNode gradFn = spec.get("grad_fn");
        assertThat(out.gradFn() == null ? null : out.gradFn().name()).isEqualTo(gradFn.isNull() ? null : gradFn.asText());
        if (spec.has("grads")) {
            out.mul(Golden.weightLike(out)).sum().backward();
            for (int i = 0; i < inputs.size(); i++) {
                JsonNode expected = spec.get("grads").get(i);
                if (expected.isNull()) {
                    assertThat(inputs.get(i).grad()).as("grad of input %d", i).isNull();
                } else {
                    assertThat(inputs.get(i).grad()).as("grad of input %d", i).isNotNull();
                    Golden.assertMatches(inputs.get(i).grad(), expected, rtol, atol);
                }
            }
        }
    }

    private static Object run(String op, List<Tensor> x, JsonNode a) {
        Tensor x0 = x.get(0);
        return switch (op) {
            case "add" -> x0.add(x.get(1));
            case "add_alpha" -> x0.add(x.get(1), a.get("alpha").asDouble());
            case "add_scalar" -> a.get("scalar").isIntegralNumber() ? x0.add(a.get("scalar").asLong())
                    : x0.add(a.get("scalar").asDouble());
            case "sub" -> x0.sub(x.get(1));
            case "rsub_scalar" -> x0.rsub(a.get("scalar").asDouble());
            case "mul" -> x0.mul(x.get(1));
            case "mul_scalar" -> x0.mul(a.get("scalar").asDouble());
            case "div" -> x0.div(x.get(1));
            case "div_scalar" -> x0.div(a.get("scalar").asDouble());
            case "rdiv_scalar" -> x0.rdiv(a.get("scalar").asDouble());
            case "pow_scalar" -> a.get("scalar").isIntegralNumber() ? x0.pow(a.get("scalar").asLong())
                    : x0.pow(a.get("scalar").asDouble());
            case "pow_tensor" -> x0.pow(x.get(1));
            case "rpow_scalar" -> x0.rpow(a.get("scalar").asDouble());
            case "neg" -> x0.neg();
            case "exp" -> x0.exp();
            case "log" -> x0.log();
            case "sqrt" -> x0.sqrt();
            case "abs" -> x0.abs();
            case "sign" -> x0.sign();
            case "tanh" -> x0.tanh();
            case "sigmoid" -> x0.sigmoid();
            case "relu" -> x0.relu();
            case "leaky_relu" -> x0.leakyRelu(a.get("slope").asDouble());
            case "clamp" -> x0.clamp(optional(a, "min"), optional(a, "max"));
            case "maximum" -> x0.maximum(x.get(1));
            case "minimum" -> x0.minimum(x.get(1));
            case "sum" -> x0.sum();
            case "sum_dims" -> x0.sum(ints(a.get("dims")), a.get("keepdim").asBoolean());
            case "sum_dims_of_transpose" -> x0.transpose(0, -1).sum(ints(a.get("dims")), a.get("keepdim").asBoolean());
            case "mean_of_transpose" -> x0.transpose(0, -1).mean();
            case "mean" -> x0.mean();
            case "mean_dims" -> x0.mean(ints(a.get("dims")), a.get("keepdim").asBoolean());
            case "max" -> x0.max();
            case "min" -> x0.min();
            case "max_dim" -> x0.max(a.get("dim").asInt(), a.get("keepdim").asBoolean());
            case "min_dim" -> x0.min(a.get("dim").asInt(), a.get("keepdim").asBoolean());
            case "argmax" -> x0.argmax();
            case "argmax_dim" -> x0.argmax(a.get("dim").asInt(), a.get("keepdim").asBoolean());
            case "argmin_dim" -> x0.argmin(a.get("dim").asInt(), a.get("keepdim").asBoolean());
            case "softmax" -> x0.softmax(a.get("dim").asInt());
            case "log_softmax" -> x0.logSoftmax(a.get("dim").asInt());
            case "norm" -> x0.norm(Golden.number(a.get("p")), a.has("dims") ? ints(a.get("dims")) : null,
                    a.has("keepdim") && a.get("keepdim").asBoolean());
            case "matmul" -> x0.matmul(x.get(1));
            case "mm" -> x0.mm(x.get(1));
            case "mv" -> x0.mv(x.get(1));
            case "bmm" -> x0.bmm(x.get(1));
            case "addmm" -> Torch.addmm(x0, x.get(1), x.get(2), a.has("beta") ? a.get("beta").asDouble() : 1,
                    a.has("alpha") ? a.get("alpha").asDouble() : 1);
            case "linear" -> Torch.linear(x0, x.get(1), x.size() > 2 ? x.get(2) : null);
            case "dot" -> x0.dot(x.get(1));
            case "where" -> Torch.where(x0.gt(0.0), x.get(1), x.get(2));
            case "cat" -> Torch.cat(x, a.get("dim").asInt());
            case "stack" -> Torch.stack(x, a.get("dim").asInt());
            case "view" -> x0.view(ints(a.get("shape")));
            case "reshape" -> x0.reshape(ints(a.get("shape")));
            case "t_then_reshape" -> x0.t().reshape(ints(a.get("shape")));
            case "t_then_view" -> x0.t().view(ints(a.get("shape")));
            case "transpose" -> x0.transpose(a.get("dim0").asInt(), a.get("dim1").asInt());
            case "permute" -> x0.permute(ints(a.get("dims")));
            case "squeeze" -> x0.squeeze();
            case "squeeze_dim" -> x0.squeeze(a.get("dim").asInt());
            case "unsqueeze" -> x0.unsqueeze(a.get("dim").asInt());
            case "flatten" -> x0.flatten(a.has("start") ? a.get("start").asInt() : 0, a.has("end") ? a.get("end").asInt() : -1);
            case "t" -> x0.t();
            case "T" -> x0.T();
            case "expand" -> x0.expand(ints(a.get("shape")));
            case "narrow" -> x0.narrow(a.get("dim").asInt(), a.get("start").asLong(), a.get("length").asLong());
            case "select" -> x0.select(a.get("dim").asInt(), a.get("index").asLong());
            case "contiguous_of_t" -> x0.t().contiguous();
            case "clone" -> x0.clone();
            case "to" -> x0.to(Golden.dtype(a.get("dtype").asText()));
            case "eq" -> x0.eq(x.get(1));
            case "ne" -> x0.ne(x.get(1));
            case "lt" -> x0.lt(x.get(1));
            case "le" -> x0.le(x.get(1));
            case "gt" -> x0.gt(x.get(1));
            case "ge" -> x0.ge(x.get(1));
            case "gt_scalar" -> x0.gt(a.get("scalar").asDouble());
            case "index" -> x0.index(indexItems(a.get("index"), x0));
            case "exp_of_index" -> x0.index(indexItems(a.get("index"), x0)).t().exp();
            case "item_error" -> x0.item();
            case "setitem" -> {
                Tensor target = x0.detach().clone();
                Index[] items = indexItems(a.get("index"), target);
                yield x.size() > 1 ? target.indexPut_(items, x.get(1)) : target.indexPut_(items, a.get("value").asDouble());
            }
            default -> fail("no Java mapping for op " + op);
        };
    }

    private static Double optional(JsonNode args, String key) {
        return args.has(key) && !args.get(key).isNull() ? args.get(key).asDouble() : null;
    }

    private static int[] ints(JsonNode node) {
        int[] out = new int[node.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = node.get(i).asInt();
        }
        return out;
    }

    private static Long optionalLong(JsonNode node) {
        return node.isNull() ? null : node.asLong();
    }

    private static Index[] indexItems(JsonNode spec, Tensor input) {
        Index[] items = new Index[spec.size()];
        for (int i = 0; i < items.length; i++) {
            JsonNode item = spec.get(i);
            items[i] = switch (item.get(0).asText()) {
                case "int" -> Index.at(item.get(1).asLong());
                case "slice" -> Index.slice(optionalLong(item.get(1)), optionalLong(item.get(2)), optionalLong(item.get(3)));
                case "none" -> Index.newAxis();
                case "ellipsis" -> Index.ellipsis();
                case "longs" -> Index.of(Torch.tensor(CreationGoldenTest.toJava(item.get(1))));
                case "mask_gt0" -> Index.of(input.gt(0.0));
                default -> throw new IllegalArgumentException(item.toString());
            };
        }
        return items;
    }
}
