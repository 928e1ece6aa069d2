package dev.optimlab.torch;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the backward pass: counts dependencies from the root, then walks the graph so that each node runs
 * once all gradients flowing into it have been summed; mirrors {@code torch::autograd::Engine}.
 */
final class Engine {
    private Engine() {
    }

    static void backward(Tensor root, Tensor gradient, boolean retainGraph) {
        Node rootNode = root.gradFn() != null ? root.gradFn() : root.requiresGrad() ? root.gradAccumulator() : null;
        if (rootNode == null) {
            throw TorchException.runtime("element 0 of tensors does not require grad and does not have a grad_fn");
        }
        Map<Node, Integer> dependencies = countDependencies(rootNode);
        Map<Node, Tensor> buffers = new IdentityHashMap<>();
        buffers.put(rootNode, gradient);
        ArrayDeque<Node> ready = new ArrayDeque<>();
        ready.push(rootNode);
        List<Node> visited = new ArrayList<>();
        try (ComputeContext.Scope ignored = ComputeContext.gradMode(false)) {
            while (!ready.isEmpty()) {
                Node node = ready.pop();
                visited.add(node);
                Tensor grad = buffers.remove(node);
                if (node.variable != null) {
                    accumulate(node.variable, grad);
                    continue;
                }
                if (node.retainedOutput != null) {
                    accumulate(node.retainedOutput, grad);
                }
                Tensor[] inputGrads = node.apply(grad);
                Node[] next = node.next();
                for (int i = 0; i < next.length; i++) {
                    Node target = next[i];
                    if (target == null) {
                        continue;
                    }
                    Tensor g = inputGrads[i];
                    if (g != null) {
                        g = g.convertedTo(node.inputType(i));
                        buffers.merge(target, g, Tensor::add);
                    }
                    int remaining = dependencies.merge(target, -1, Integer::sum);
                    if (remaining == 0) {
                        if (buffers.containsKey(target)) {
                            ready.push(target);
                        } else {
                            // No gradient reached this node: its subgraph contributes nothing.
                            skip(target, dependencies, buffers, ready, visited);
                        }
                    }
                }
            }
        } finally {
            if (!retainGraph) {
                for (Node node : visited) {
                    node.release();
                }
            }
        }
    }

    private static void skip(Node node, Map<Node, Integer> dependencies, Map<Node, Tensor> buffers,
                             ArrayDeque<Node> ready, List<Node> visited) {
        visited.add(node);
        for (Node target : node.next()) {
            if (target != null && dependencies.merge(target, -1, Integer::sum) == 0) {
                if (buffers.containsKey(target)) {
                    ready.push(target);
                } else {
                    skip(target, dependencies, buffers, ready, visited);
                }
            }
        }
    }

    private static Map<Node, Integer> countDependencies(Node root) {
        Map<Node, Integer> dependencies = new IdentityHashMap<>();
        Map<Node, Boolean> seen = new IdentityHashMap<>();
        ArrayDeque<Node> stack = new ArrayDeque<>();
        stack.push(root);
        seen.put(root, true);
        while (!stack.isEmpty()) {
            Node node = stack.pop();
            for (Node target : node.next()) {
                if (target == null) {
                    continue;
                }
                dependencies.merge(target, 1, Integer::sum);
                if (seen.put(target, true) == null) {
                    stack.push(target);
                }
            }
        }
        return dependencies;
    }

    /** AccumulateGrad: the first gradient is stored as a fresh tensor, later ones are added in place. */
    private static void accumulate(Tensor tensor, Tensor grad) {
        Tensor g = grad.convertedTo(tensor.dtype());
        if (!java.util.Arrays.equals(g.shape, tensor.shape)) {
            g = g.expand(tensor.shape);
        }
        if (tensor.grad() == null) {
            tensor.setGrad(g.clone());
        } else {
            tensor.grad().add_(g);
        }
    }
}
