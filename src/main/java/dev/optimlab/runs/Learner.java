package dev.optimlab.runs;

import java.util.Objects;

/**
 * Who asked for a run: the key of the per-learner rules, and for guests the address their per-address cap
 * counts against. No PyTorch counterpart: it plays the part of the user of a Python process.
 *
 * @param id a stable identifier (account name, or a guest's session id)
 * @param guest whether the learner is not signed in
 * @param address the remote address, used only for guests' per-address cap
 */
public record Learner(String id, boolean guest, String address) {

    public Learner {
        Objects.requireNonNull(id, "id");
        address = address == null ? "" : address;
    }

    public static Learner member(String id) {
        return new Learner(id, false, "");
    }

    public static Learner guest(String id, String address) {
        return new Learner(id, true, address);
    }
}
