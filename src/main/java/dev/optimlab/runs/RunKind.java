package dev.optimlab.runs;

/**
 * Why a program runs: the Run button (a try, replaced by the next one) or Submit (graded, never dropped).
 * No PyTorch counterpart.
 */
public enum RunKind {
    RUN,
    SUBMIT
}
