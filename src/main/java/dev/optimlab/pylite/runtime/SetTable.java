package dev.optimlab.pylite.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * The open-addressing hash table behind {@link PySet}, a port of CPython 3.11's Objects/setobject.c
 * (linear probes, then perturbed probing; resize at 3/5 full; dummies on removal; merges that copy or
 * re-insert), so that a set of numbers iterates and prints in the same order as in CPython.
 */
final class SetTable {
    private static final int MIN_SIZE = 8;
    private static final int LINEAR_PROBES = 9;
    private static final int PERTURB_SHIFT = 5;
    private static final Object DUMMY = new Object();

    private Object[] keys = new Object[MIN_SIZE];
    private long[] hashes = new long[MIN_SIZE];
    private int mask = MIN_SIZE - 1;
    private int fill;
    private int used;
    private int finger;

    int size() {
        return used;
    }

    /** The keys in table order, as iteration visits them. */
    List<Object> values() {
        List<Object> out = new ArrayList<>(used);
        for (Object k : keys) {
            if (k != null && k != DUMMY) {
                out.add(k);
            }
        }
        return out;
    }

    private static boolean same(Interpreter in, Object a, Object b) {
        return a == b || (a instanceof String s && s.equals(b)) || Ops.eq(in, a, b);
    }

    boolean contains(Interpreter in, Object key) {
        return lookup(in, key, Ops.hash(in, key)) >= 0;
    }

    /** The slot holding key, or -1 (set_lookkey). */
    private int lookup(Interpreter in, Object key, long hash) {
        long perturb = hash;
        int i = (int) (hash & mask);
        while (true) {
            int probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
            int j = i;
            do {
                Object k = keys[j];
                if (k == null) {
                    return -1;
                }
                if (k != DUMMY && hashes[j] == hash && same(in, k, key)) {
                    return j;
                }
                j++;
            } while (probes-- > 0);
            perturb >>>= PERTURB_SHIFT;
            i = (int) ((i * 5L + 1 + perturb) & mask);
        }
    }

    boolean add(Interpreter in, Object key) {
        return add(in, key, Ops.hash(in, key));
    }

    /** set_add_entry: reuses the first dummy on the probe path, resizes when 3/5 full. */
    private boolean add(Interpreter in, Object key, long hash) {
        long perturb = hash;
        int i = (int) (hash & mask);
        int freeSlot = -1;
        while (true) {
            int probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
            int j = i;
            do {
                Object k = keys[j];
                if (k == null) {
                    if (freeSlot >= 0) {
                        keys[freeSlot] = key;
                        hashes[freeSlot] = hash;
                        used++;
                        return true;
                    }
                    keys[j] = key;
                    hashes[j] = hash;
                    fill++;
                    used++;
                    if ((long) fill * 5 >= (long) mask * 3) {
                        resize(used > 50000 ? used * 2 : used * 4);
                    }
                    return true;
                }
                if (k == DUMMY) {
                    if (freeSlot < 0) {
                        freeSlot = j;
                    }
                } else if (hashes[j] == hash && same(in, k, key)) {
                    return false;
                }
                j++;
            } while (probes-- > 0);
            perturb >>>= PERTURB_SHIFT;
            i = (int) ((i * 5L + 1 + perturb) & mask);
        }
    }

    boolean discard(Interpreter in, Object key) {
        int slot = lookup(in, key, Ops.hash(in, key));
        if (slot < 0) {
            return false;
        }
        keys[slot] = DUMMY;
        hashes[slot] = -1;
        used--;
        return true;
    }

    void clear() {
        keys = new Object[MIN_SIZE];
        hashes = new long[MIN_SIZE];
        mask = MIN_SIZE - 1;
        fill = 0;
        used = 0;
    }

    /** set.pop(): the first active slot at or after the finger. */
    Object pop() {
        if (used == 0) {
            return null;
        }
        int j = finger & mask;
        while (keys[j] == null || keys[j] == DUMMY) {
            j = j + 1 > mask ? 0 : j + 1;
        }
        Object key = keys[j];
        keys[j] = DUMMY;
        hashes[j] = -1;
        used--;
        finger = j + 1;
        return key;
    }

    private void resize(int minUsed) {
        int newSize = MIN_SIZE;
        while (newSize <= minUsed) {
            newSize <<= 1;
        }
        Object[] oldKeys = keys;
        long[] oldHashes = hashes;
        keys = new Object[newSize];
        hashes = new long[newSize];
        mask = newSize - 1;
        fill = used;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldKeys[j] != null && oldKeys[j] != DUMMY) {
                insertClean(oldKeys[j], oldHashes[j]);
            }
        }
    }

    /** set_insert_clean: into a table known to hold neither the key nor dummies. */
    private void insertClean(Object key, long hash) {
        long perturb = hash;
        int i = (int) (hash & mask);
        while (true) {
            if (keys[i] == null) {
                keys[i] = key;
                hashes[i] = hash;
                return;
            }
            if (i + LINEAR_PROBES <= mask) {
                for (int j = 1; j <= LINEAR_PROBES; j++) {
                    if (keys[i + j] == null) {
                        keys[i + j] = key;
                        hashes[i + j] = hash;
                        return;
                    }
                }
            }
            perturb >>>= PERTURB_SHIFT;
            i = (int) ((i * 5L + 1 + perturb) & mask);
        }
    }

    /** set_merge: adds every key of other, copying its layout when this table is empty and alike. */
    void merge(Interpreter in, SetTable other) {
        if (other == this || other.used == 0) {
            return;
        }
        if ((long) (fill + other.used) * 5 >= (long) mask * 3) {
            resize((used + other.used) * 2);
        }
        if (fill == 0 && mask == other.mask && other.fill == other.used) {
            keys = other.keys.clone();
            hashes = other.hashes.clone();
            fill = other.fill;
            used = other.used;
            return;
        }
        if (fill == 0) {
            fill = other.used;
            used = other.used;
            for (int j = 0; j <= other.mask; j++) {
                Object k = other.keys[j];
                if (k != null && k != DUMMY) {
                    insertClean(k, other.hashes[j]);
                }
            }
            return;
        }
        for (int j = 0; j <= other.mask; j++) {
            Object k = other.keys[j];
            if (k != null && k != DUMMY) {
                add(in, k, other.hashes[j]);
            }
        }
    }

    /** set_update_internal for a dict: resize for its size first, then add its keys in order. */
    void addDictKeys(Interpreter in, PyDict dict) {
        int size = dict.size();
        if ((long) (fill + size) * 5 >= (long) mask * 3) {
            resize((used + size) * 2);
        }
        for (Key k : dict.map().keySet()) {
            add(in, k.value());
        }
    }

    /** CPython's setiterobject: walks the table by position; once the set's size changed, every step fails. */
    final class SetIterator implements PyIterator {
        private int position;
        private int expectedSize = used;
        private boolean exhausted;

        @Override
        public Object next(Interpreter in) {
            if (exhausted) {
                return null;
            }
            if (used != expectedSize) {
                expectedSize = -1;
                throw PyException.of(PyType.RUNTIME_ERROR, "Set changed size during iteration");
            }
            Object[] table = keys;
            while (position < table.length) {
                Object k = table[position++];
                if (k != null && k != DUMMY) {
                    return k;
                }
            }
            exhausted = true;
            return null;
        }
    }
}
