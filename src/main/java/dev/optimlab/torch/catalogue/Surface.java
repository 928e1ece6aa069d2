package dev.optimlab.torch.catalogue;

import dev.optimlab.torch.DType;
import dev.optimlab.torch.Generator;
import dev.optimlab.torch.Tensor;
import dev.optimlab.torch.Torch;

/**
 * OptimLab's reference 2-D test functions for optimizer paths (the surface ids of DESIGN.md), written
 * with tensor ops so that {@code value(point).backward()} fills {@code point.grad} for any optimizer,
 * as a PyTorch tutorial would write {@code f(p)} on a parameter {@code p = torch.tensor([x, y])}.
 * Formulas, minima and starting points are documented in docs/catalogue.md.
 */
public sealed interface Surface {

    /** The catalogue id, e.g. {@code rosenbrock}. */
    String id();

    /** The function at {@code point}, a float tensor of shape (2,), as a 0-dim tensor. */
    Tensor value(Tensor point);

    /** A good starting point for the optimizer path widget. */
    double[] start();

    /** Where the minimum is, or null when the surface has none (the saddle). */
    double[] minimum();

    /** {@code x^2 + y^2}. */
    record Bowl() implements Surface {
        public String id() {
            return "bowl";
        }

        public Tensor value(Tensor point) {
            return point.pow(2L).sum();
        }

        public double[] start() {
            return new double[] {-3.0, 2.0};
        }

        public double[] minimum() {
            return new double[] {0.0, 0.0};
        }
    }

    /** {@code 0.1 x^2 + 2 y^2}: a long narrow valley, 20 times steeper across than along. */
    record Valley() implements Surface {
        public String id() {
            return "valley";
        }

        public Tensor value(Tensor point) {
            return point.pow(2L).mul(Torch.tensor(java.util.List.of(0.1, 2.0))).sum();
        }

        public double[] start() {
            return new double[] {-4.0, 1.0};
        }

        public double[] minimum() {
            return new double[] {0.0, 0.0};
        }
    }

    /** Rosenbrock's banana: {@code (1 - x)^2 + 100 (y - x^2)^2}. */
    record Rosenbrock() implements Surface {
        public String id() {
            return "rosenbrock";
        }

        public Tensor value(Tensor point) {
            Tensor x = point.select(0, 0);
            Tensor y = point.select(0, 1);
            return x.rsub(1.0).pow(2L).add(y.sub(x.pow(2L)).pow(2L).mul(100.0));
        }

        public double[] start() {
            return new double[] {-1.5, 2.0};
        }

        public double[] minimum() {
            return new double[] {1.0, 1.0};
        }
    }

    /** {@code x^2 - y^2}: a saddle at the origin, unbounded below along y. */
    record Saddle() implements Surface {
        public String id() {
            return "saddle";
        }

        public Tensor value(Tensor point) {
            return point.pow(2L).mul(Torch.tensor(java.util.List.of(1.0, -1.0))).sum();
        }

        public double[] start() {
            return new double[] {-2.0, 0.001};
        }

        public double[] minimum() {
            return null;
        }
    }

    /**
     * The bowl seen through noisy mini-batches: {@code x^2 + y^2 + sigma (e1 x + e2 y)} with a fresh
     * {@code e = torch.randn(2, generator=generator)} at every evaluation, so each gradient is the true
     * one plus {@code sigma * e}.
     */
    record NoisyBowl(Generator generator, double sigma) implements Surface {
        public String id() {
            return "noisy-bowl";
        }

        public Tensor value(Tensor point) {
            float[] noise = new float[2];
            generator.normal(noise, 0, 2, 0, 1);
            Tensor scaledNoise = Torch.fromArray(noise, 2).mul(sigma);
            return point.pow(2L).sum().add(point.mul(scaledNoise).sum());
        }

        public double[] start() {
            return new double[] {-3.0, 2.0};
        }

        public double[] minimum() {
            return new double[] {0.0, 0.0};
        }
    }

    /** The surface with catalogue id {@code id}; {@code generator} feeds the noisy bowl (sigma 1). */
    static Surface of(String id, Generator generator) {
        return switch (id) {
            case "bowl" -> new Bowl();
            case "valley" -> new Valley();
            case "rosenbrock" -> new Rosenbrock();
            case "saddle" -> new Saddle();
            case "noisy-bowl" -> new NoisyBowl(generator, 1.0);
            default -> throw new IllegalArgumentException("unknown surface '" + id
                    + "' (the catalogue has bowl, valley, rosenbrock, saddle, noisy-bowl)");
        };
    }

    /** A starting parameter for {@code surface}: {@code torch.tensor(start, requires_grad=True)}. */
    static Tensor startingPoint(Surface surface) {
        double[] start = surface.start();
        return Torch.tensor(java.util.List.of(start[0], start[1]), DType.FLOAT32).requiresGrad_();
    }
}
