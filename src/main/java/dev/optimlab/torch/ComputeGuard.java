package dev.optimlab.torch;

/**
 * Lets the owner of a run cancel it or stop it at its compute budget from inside a long kernel.
 * PyTorch has no counterpart: it mirrors the way a Python interpreter checks for KeyboardInterrupt
 * between bytecodes, moved down into the tensor loops.
 *
 * <p>Kernels call {@link #checkpoint(long)} once per block of work (about 64K multiply-adds or elements),
 * passing how much work was done since the previous call; an implementation stops the run by throwing
 * an unchecked exception of its own.
 */
@FunctionalInterface
public interface ComputeGuard {

    /** A guard that never stops anything. */
    ComputeGuard NONE = work -> { };

    /** Elements or multiply-adds a kernel processes between two checkpoints. */
    int BLOCK = 1 << 16;

    void checkpoint(long workDone);
}
