package dev.optimlab.runs;

import dev.optimlab.pylite.Limits;

/**
 * Starts one program on a thread of its own and reports through a {@link ProgramOutput}; the run service's
 * seam to the interpreter, so that the modules, storage and metrics the program sees can be wired in by the
 * executor without changing the service. No PyTorch counterpart: the part of {@code python3 main.py}
 * that starts the interpreter.
 */
@FunctionalInterface
public interface ProgramExecutor {

    /** Starts the program and returns at once; the output's {@code finished} is called when it ends. */
    Execution start(Program program, Limits limits, ProgramOutput output);

    /** A started program. */
    @FunctionalInterface
    interface Execution {
        /** Asks the program to stop at its next check; it then finishes with status CANCELLED. */
        void cancel();
    }
}
