package dev.optimlab.runs;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * The programs waiting for a worker, served by deficit round robin over learners (Shreedhar and Varghese's
 * DRR, with the cost of a program charged as it runs, since nobody knows it before). Each turn of the round
 * credits a waiting learner one quantum of CPU; a learner starts a program when their balance is positive,
 * and pays the CPU it used slice by slice while it runs. A learner whose programs burn their limits therefore
 * waits as many turns as their debt holds quanta, while learners whose programs cost less than a quantum
 * start at their first turn. Learners over the light threshold of recent usage take turns only while no
 * light learner waits. Debt, recent usage and the count of programs stopped by their memory limit (which
 * earns a learner a smaller budget) decay with a half-life, so the past is forgiven. A
 * program paused after a slice comes back at the head of its learner's waiting programs. Not thread-safe:
 * the run service calls it under its lock. No PyTorch counterpart: the fair-share part of a batch scheduler.
 */
final class FairQueue {
    /** Idle accounts are swept after this many charges, so that the map holds only recent learners. */
    private static final int SWEEP_EVERY = 1024;
    /** Usage below this is forgotten when an idle account is swept. */
    private static final double NEGLIGIBLE_NANOS = 1e6;

    private final FairShare share;
    private final LongSupplier clock;
    private final Map<String, Account> accounts = new HashMap<>();
    /** Learners with waiting programs, in the order of their next turn. */
    private final ArrayDeque<Account> ring = new ArrayDeque<>();
    private int size;
    private int chargesSinceSweep;

    /** One learner's waiting programs and balance. */
    private static final class Account {
        final ArrayDeque<RunHandle> waiting = new ArrayDeque<>();
        /** CPU credit in nanoseconds; negative while the learner owes CPU. */
        double balance;
        /** CPU used recently, decayed by the half-life. */
        double recentCpu;
        /** Programs stopped by their memory limit recently, decayed by the half-life. */
        double memoryLimitHits;
        long updated;
    }

    FairQueue(FairShare share, LongSupplier clock) {
        this.share = share;
        this.clock = clock;
    }

    int size() {
        return size;
    }

    List<RunHandle> all() {
        List<RunHandle> all = new ArrayList<>();
        ring.forEach(account -> all.addAll(account.waiting));
        return all;
    }

    void add(RunHandle handle) {
        Account account = account(handle.learner().id());
        account.waiting.addLast(handle);
        if (account.waiting.size() == 1) {
            ring.addLast(account);
        }
        size++;
    }

    /** Puts a paused program back, ahead of its learner's programs that have not started. */
    void requeue(RunHandle handle) {
        Account account = account(handle.learner().id());
        account.waiting.addFirst(handle);
        if (account.waiting.size() == 1) {
            ring.addLast(account);
        }
        size++;
    }

    /**
     * Whether a learner who used less CPU recently than {@code learnerId} has a program waiting that could start
     * now: the reason to pause that learner's program at the end of its slice.
     */
    boolean lighterWaiting(String learnerId, boolean heavyAllowed, Predicate<RunHandle> admissible) {
        long now = clock.getAsLong();
        double own = recentCpuNanos(learnerId);
        for (Account account : ring) {
            decay(account, now);
            if (account.recentCpu < own && (heavyAllowed || light(account))
                    && admissible.test(account.waiting.peekFirst())) {
                return true;
            }
        }
        return false;
    }

    /** Takes a waiting program out of the queue; false if it was not waiting. */
    boolean remove(RunHandle handle) {
        Account account = accounts.get(handle.learner().id());
        if (account == null || !account.waiting.remove(handle)) {
            return false;
        }
        size--;
        if (account.waiting.isEmpty()) {
            leaveRing(account);
        }
        return true;
    }

    /**
     * Chooses the next program and takes it out of the queue, or answers null when none may start now.
     *
     * @param heavyAllowed whether learners over the light-CPU threshold may start a program
     * @param admissible whether the chosen program may start now (the memory guard); when it may not, it keeps
     *                   its turn and nothing else starts before it, except a paused program, which holds its memory
     *                   already and resumes so that paused programs filling the memory never stall the queue
     */
    RunHandle poll(boolean heavyAllowed, Predicate<RunHandle> admissible) {
        long now = clock.getAsLong();
        long quantum = share.quantum().toNanos();
        boolean lightWaiting = false;
        for (Account account : ring) {
            decay(account, now);
            lightWaiting |= light(account);
        }
        // Learners under the light threshold go before heavy ones: the round would otherwise give every
        // backlogged heavy learner a turn between them, and thirty of them hold the class back by seconds.
        heavyAllowed &= !lightWaiting;
        double fewestTurns = Double.MAX_VALUE;
        for (Account account : ring) {
            if (heavyAllowed || light(account)) {
                fewestTurns = Math.min(fewestTurns, turnsNeeded(account, quantum));
            }
        }
        if (fewestTurns == Double.MAX_VALUE) {
            return null;
        }
        // Whole rounds in which nobody could start are credited at once instead of turn by turn.
        double skipped = Math.max(0, fewestTurns - 1) * quantum;
        Account chosen = null;
        for (Account account : List.copyOf(ring)) {
            if (!heavyAllowed && !light(account)) {
                continue;
            }
            account.balance += skipped;
            if (chosen != null) {
                continue;
            }
            if (account.balance <= 0) {
                account.balance += quantum;
            }
            if (account.balance > 0) {
                chosen = account;
            } else {
                ring.remove(account);
                ring.addLast(account);
            }
        }
        RunHandle next = chosen.waiting.peekFirst();
        if (!admissible.test(next)) {
            chosen = pausedAccount(heavyAllowed);
            if (chosen == null) {
                return null;
            }
            next = chosen.waiting.peekFirst();
        }
        chosen.waiting.pollFirst();
        size--;
        ring.remove(chosen);
        if (chosen.waiting.isEmpty()) {
            leaveRing(chosen);
        } else {
            ring.addLast(chosen);
        }
        return next;
    }

    /** The first learner in the round whose next program is a paused one and who may run now, or null. */
    private Account pausedAccount(boolean heavyAllowed) {
        for (Account account : ring) {
            if ((heavyAllowed || light(account)) && account.waiting.peekFirst().state() == RunHandle.State.PAUSED) {
                return account;
            }
        }
        return null;
    }

    /** Turns of the round the learner must wait before their balance turns positive; 0 if it is already. */
    private static double turnsNeeded(Account account, long quantum) {
        return account.balance > 0 ? 0 : Math.floor(-account.balance / quantum) + 1;
    }

    /** Bills a learner for the CPU one of their programs used, at the end of a slice or of the program. */
    void charge(String learnerId, long cpuNanos) {
        Account account = account(learnerId);
        account.balance -= cpuNanos;
        account.recentCpu += cpuNanos;
        if (++chargesSinceSweep >= SWEEP_EVERY) {
            sweep();
        }
    }

    /** Records that one of the learner's programs was stopped by its memory limit. */
    void endedOnMemoryLimit(String learnerId) {
        account(learnerId).memoryLimitHits += 1;
    }

    /** Whether one of the learner's programs was stopped by its memory limit within about the last half-life. */
    boolean hitMemoryLimitRecently(String learnerId) {
        Account account = accounts.get(learnerId);
        if (account == null) {
            return false;
        }
        decay(account, clock.getAsLong());
        return account.memoryLimitHits >= 0.5;
    }

    /** Whether the learner's recent CPU is under the threshold for the reserved workers. */
    boolean isLight(String learnerId) {
        Account account = accounts.get(learnerId);
        if (account == null) {
            return true;
        }
        decay(account, clock.getAsLong());
        return light(account);
    }

    /** The learner's recent CPU, decayed to now. */
    long recentCpuNanos(String learnerId) {
        Account account = accounts.get(learnerId);
        if (account == null) {
            return 0;
        }
        decay(account, clock.getAsLong());
        return (long) account.recentCpu;
    }

    /**
     * Programs that would start before this one if no other arrived and the waiting ones cost nothing more;
     * -1 if it is not waiting.
     */
    int positionOf(RunHandle handle) {
        Account own = accounts.get(handle.learner().id());
        int index = own == null ? -1 : List.copyOf(own.waiting).indexOf(handle);
        if (index < 0) {
            return -1;
        }
        long quantum = share.quantum().toNanos();
        List<Account> order = List.copyOf(ring);
        double ownTurn = turnOf(own, quantum) + index;
        int ownSeat = order.indexOf(own);
        int ahead = 0;
        for (int seat = 0; seat < order.size(); seat++) {
            Account other = order.get(seat);
            double first = turnOf(other, quantum);
            for (int i = 0; i < other.waiting.size(); i++) {
                double turn = first + i;
                if (turn < ownTurn || (turn == ownTurn && seat < ownSeat)) {
                    ahead++;
                }
            }
        }
        return ahead;
    }

    private static double turnOf(Account account, long quantum) {
        return Math.max(1, turnsNeeded(account, quantum));
    }

    private boolean light(Account account) {
        return account.recentCpu < share.lightCpu().toNanos();
    }

    private Account account(String learnerId) {
        Account account = accounts.computeIfAbsent(learnerId, id -> {
            Account created = new Account();
            created.updated = clock.getAsLong();
            return created;
        });
        decay(account, clock.getAsLong());
        return account;
    }

    /** A learner without waiting programs keeps their debt but not their credit, as DRR resets an empty queue. */
    private void leaveRing(Account account) {
        ring.remove(account);
        account.balance = Math.min(account.balance, 0);
    }

    private void decay(Account account, long now) {
        long elapsed = now - account.updated;
        if (elapsed <= 0) {
            return;
        }
        double factor = Math.pow(0.5, (double) elapsed / share.halfLife().toNanos());
        account.recentCpu *= factor;
        account.memoryLimitHits *= factor;
        if (account.balance < 0) {
            account.balance *= factor;
        }
        account.updated = now;
    }

    private void sweep() {
        chargesSinceSweep = 0;
        long now = clock.getAsLong();
        for (Iterator<Account> it = accounts.values().iterator(); it.hasNext(); ) {
            Account account = it.next();
            decay(account, now);
            if (account.waiting.isEmpty() && account.recentCpu < NEGLIGIBLE_NANOS
                    && -account.balance < NEGLIGIBLE_NANOS && account.memoryLimitHits < 0.5) {
                it.remove();
            }
        }
    }
}
