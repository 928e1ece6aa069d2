package dev.optimlab.torch.nn;

import dev.optimlab.torch.Tensor;
import dev.optimlab.torch.Torch;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.SequencedMap;

/** The models of tools/golden/gen_nn.py's {@code models()}, built in the same order so they draw alike. */
final class Models {
    private Models() {
    }

    /** The learner-style class of the generator: a list, a nested Sequential and two buffers. */
    static final class Net extends Module {
        Net() {
            setAttr("fc1", new Linear(4, 3));
            setAttr("act", new ReLU());
            setAttr("blocks", new ModuleList(new Linear(3, 4), new Linear(4, 3)));
            setAttr("head", new Sequential(new Linear(3, 2), new Softmax(1)));
            registerBuffer("running", Torch.zeros(3));
            registerBuffer("scratch", Torch.zeros(1), false);
        }

        @Override
        public Object forward(List<Object> args) {
            Tensor x = ((Module) getAttr("act")).call(((Module) getAttr("fc1")).call((Tensor) args.get(0)));
            for (Module block : ((ModuleList) getAttr("blocks")).asList()) {
                x = block.call(x);
            }
            return ((Module) getAttr("head")).call(x);
        }
    }

    static Module build(String name) {
        return switch (name) {
            case "linear" -> new Linear(3, 2);
            case "linear_nobias" -> new Linear(3, 2, false);
            case "mlp" -> new Sequential(new Linear(4, 8), new ReLU(), new Dropout(0.25), new Linear(8, 3),
                    new LogSoftmax(1));
            case "nested" -> new Sequential(new Sequential(new Linear(2, 2), new Tanh()), new Flatten(), new Identity(),
                    new LeakyReLU(0.2), new Sigmoid(), new Softmax(-1));
            case "named" -> {
                SequencedMap<String, Module> layers = new LinkedHashMap<>();
                layers.put("hidden", new Linear(2, 3));
                layers.put("act", new LeakyReLU());
                layers.put("out", new Linear(3, 1, false));
                yield new Sequential(layers);
            }
            case "custom" -> new Net();
            case "losses" -> new Sequential(new MSELoss(), new L1Loss(), new SmoothL1Loss(), new HuberLoss(),
                    new CrossEntropyLoss(), new NLLLoss(), new BCELoss(),
                    new BCEWithLogitsLoss(null, "mean", Torch.tensor(List.of(2.0, 3.0))));
            case "layers" -> new Sequential(new Dropout(), new Dropout(0.1, true), new ReLU(true), new Flatten(0, 1), new LogSoftmax(null),
                    new CrossEntropyLoss(Torch.tensor(List.of(1.0, 2.0)), -100, "mean", 0.0));
            default -> throw new IllegalArgumentException(name);
        };
    }
}
