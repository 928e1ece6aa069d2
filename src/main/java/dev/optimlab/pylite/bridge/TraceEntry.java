package dev.optimlab.pylite.bridge;

/**
 * One traced call: {@code call} names it as written in Python ({@code optimizer.step}, {@code tensor.backward},
 * ...), {@code order} counts calls from 0, {@code objectId} tells objects apart (the same optimizer gives the
 * same id), {@code objectType} names its class, e.g. {@code SGD}, and {@code line} is the program line that
 * made the call (the innermost Python frame's, as in a traceback; 0 if unknown).
 */
public record TraceEntry(int order, String call, String objectType, int objectId, int line) {
}
