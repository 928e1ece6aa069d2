package dev.optimlab.torch.catalogue;

import dev.optimlab.torch.Generator;
import dev.optimlab.torch.Tensor;
import dev.optimlab.torch.Torch;
import dev.optimlab.torch.nn.Linear;
import dev.optimlab.torch.nn.Module;
import dev.optimlab.torch.nn.ReLU;
import dev.optimlab.torch.nn.Sequential;
import dev.optimlab.torch.nn.Tanh;
import dev.optimlab.torch.utils.data.TensorDataset;

/**
 * OptimLab's reference datasets and default models (the model ids of DESIGN.md), generated from a torch
 * {@link Generator} in the order a PyTorch script would draw them (each step is written out in
 * docs/catalogue.md), so the same seed gives the same data as in PyTorch.
 */
public final class ReferenceData {

    /** Number of classes of {@code blobs} and {@code spiral}. */
    public static final int CLASSES = 3;
    private static final float[][] BLOB_CENTERS = {{-2f, -2f}, {2f, -2f}, {0f, 2f}};

    private ReferenceData() {
    }

    /** {@code x = randn(n, 1)}, {@code y = 3 x + 2 + 0.1 randn(n, 1)}, both float32. */
    public static TensorDataset linearRegression(int n, Generator generator) {
        Tensor x = Torch.fromArray(normal(generator, n), n, 1);
        Tensor noise = Torch.fromArray(normal(generator, n), n, 1);
        Tensor y = x.mul(3.0).add(2.0).add(noise.mul(0.1));
        return new TensorDataset(x, y);
    }

    /**
     * Three Gaussian blobs of {@code perClass} points around (-2, -2), (2, -2) and (0, 2) with
     * standard deviation 0.6; labels 0, 1, 2 as int64; classes in order.
     */
    public static TensorDataset blobs(int perClass, Generator generator) {
        float[] points = new float[CLASSES * perClass * 2];
        long[] labels = new long[CLASSES * perClass];
        for (int k = 0; k < CLASSES; k++) {
            Tensor cloud = Torch.fromArray(normal(generator, perClass * 2), perClass, 2).mul(0.6)
                    .add(Torch.fromArray(BLOB_CENTERS[k].clone(), 2));
            System.arraycopy(floats(cloud), 0, points, k * perClass * 2, perClass * 2);
            java.util.Arrays.fill(labels, k * perClass, (k + 1) * perClass, k);
        }
        return new TensorDataset(Torch.fromArray(points, CLASSES * perClass, 2), Torch.fromArray(labels, CLASSES * perClass));
    }

    /**
     * Three interleaved spiral arms (CS231n's): for class k, {@code r = linspace(0, 1, n)},
     * {@code t = linspace(4k, 4(k+1), n) + 0.2 randn(n)}, point {@code (r sin t, r cos t)}, float32.
     */
    public static TensorDataset spiral(int perClass, Generator generator) {
        float[] points = new float[CLASSES * perClass * 2];
        long[] labels = new long[CLASSES * perClass];
        float[] radius = floats(Torch.linspace(0.0, 1.0, perClass));
        for (int k = 0; k < CLASSES; k++) {
            Tensor angle = Torch.linspace(4.0 * k, 4.0 * (k + 1), perClass)
                    .add(Torch.fromArray(normal(generator, perClass), perClass).mul(0.2));
            float[] t = floats(angle);
            for (int i = 0; i < perClass; i++) {
                int row = k * perClass + i;
                points[2 * row] = radius[i] * (float) Math.sin(t[i]);
                points[2 * row + 1] = radius[i] * (float) Math.cos(t[i]);
                labels[row] = k;
            }
        }
        return new TensorDataset(Torch.fromArray(points, CLASSES * perClass, 2), Torch.fromArray(labels, CLASSES * perClass));
    }

    /** The dataset with catalogue id {@code id}: 64 samples for linear-regression, 50 per class otherwise. */
    public static TensorDataset dataset(String id, Generator generator) {
        return switch (id) {
            case "linear-regression" -> linearRegression(64, generator);
            case "blobs" -> blobs(50, generator);
            case "spiral" -> spiral(50, generator);
            default -> throw unknown(id);
        };
    }

    /**
     * The default model for {@code id}, initialised from torch's default generator as nn.Linear is:
     * {@code Linear(1, 1)}; {@code Sequential(Linear(2, 16), ReLU(), Linear(16, 3))};
     * {@code Sequential(Linear(2, 32), Tanh(), Linear(32, 3))}.
     */
    public static Module model(String id) {
        return switch (id) {
            case "linear-regression" -> new Linear(1, 1);
            case "blobs" -> new Sequential(new Linear(2, 16), new ReLU(), new Linear(16, CLASSES));
            case "spiral" -> new Sequential(new Linear(2, 32), new Tanh(), new Linear(32, CLASSES));
            default -> throw unknown(id);
        };
    }

    private static IllegalArgumentException unknown(String id) {
        return new IllegalArgumentException("unknown model '" + id + "' (the catalogue has linear-regression, blobs, spiral)");
    }

    /** {@code torch.randn(n, generator=generator)} as float32 values. */
    private static float[] normal(Generator generator, int n) {
        float[] values = new float[n];
        generator.normal(values, 0, n, 0, 1);
        return values;
    }

    private static float[] floats(Tensor tensor) {
        double[] values = tensor.toDoubleArray();
        float[] result = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = (float) values[i];
        }
        return result;
    }
}
