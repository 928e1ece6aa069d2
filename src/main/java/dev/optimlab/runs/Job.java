package dev.optimlab.runs;

import dev.optimlab.pylite.Limits;

/**
 * Work that takes a worker's turn for a learner: one program, or a graded attempt that runs the learner's
 * program and then the exercise's checks. It starts on threads of its own and reports through its output
 * like a program, so the queue, the per-learner rules, the memory guard and the CPU billing treat both
 * alike. No PyTorch counterpart: a job of a batch scheduler.
 */
@FunctionalInterface
public interface Job {

    /** Starts the work and returns at once; the output's {@code finished} is called when it ends. */
    ProgramExecutor.Execution start(Limits limits, ProgramOutput output);
}
