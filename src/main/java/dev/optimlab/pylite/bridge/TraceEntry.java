package dev.optimlab.pylite.bridge;

/**
 * One traced call: {@code call} names it as written in Python ({@code optimizer.step}, {@code tensor.backward},
 * ...), {@code order} counts calls from 0, {@code objectId} tells objects apart (the same optimizer gives the
 * same id) and {@code objectType} names its class, e.g. {@code SGD}.
 */
public record TraceEntry(int order, String call, String objectType, int objectId) {
}
