package dev.optimlab.runs;

/**
 * Whether learners who are not signed in may run programs, and how many unfinished programs one remote address may
 * have. {@link RunService} asks for it at each guest submission, so a change made while the server runs counts at
 * once. No PyTorch counterpart.
 *
 * @param enabled whether guests may run programs
 * @param runsPerAddress unfinished guest programs allowed per remote address
 */
public record GuestAccess(boolean enabled, int runsPerAddress) {

    public GuestAccess {
        if (runsPerAddress < 0) {
            throw new IllegalArgumentException("a guest run cap cannot be negative; got " + runsPerAddress);
        }
    }
}
