package dev.optimlab.torch.nn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;

/** Mirrors {@code torch.nn.Sequential}: children named 0, 1, ... (or by an ordered dict), called in order. */
public class Sequential extends Module {

    /** Mirrors {@code nn.Sequential(*modules)}. */
    public Sequential(Module... modules) {
        for (Module module : modules) {
            append(module);
        }
    }

    /** Mirrors {@code nn.Sequential(OrderedDict([...]))}. */
    public Sequential(SequencedMap<String, Module> namedModules) {
        for (Map.Entry<String, Module> entry : namedModules.entrySet()) {
            registerModule(entry.getKey(), entry.getValue());
        }
    }

    /** Mirrors {@code append(module)}: registers it under the next index. */
    public Sequential append(Module module) {
        registerModule(String.valueOf(size()), module);
        return this;
    }

    /** Mirrors {@code len(seq)}. */
    public int size() {
        return moduleSlots().size();
    }

    /** Mirrors {@code seq[idx]}, negative indices counting from the end. */
    public Module get(int index) {
        return new ArrayList<>(moduleSlots().values()).get(ModuleList.checkIndex(index, size()));
    }

    /** Mirrors {@code seq[start:stop]}: a new Sequential of the same modules under their original keys. */
    public Sequential slice(Integer start, Integer stop) {
        int size = size();
        int from = start == null ? 0 : clamp(start < 0 ? start + size : start, size);
        int to = stop == null ? size : clamp(stop < 0 ? stop + size : stop, size);
        SequencedMap<String, Module> picked = new LinkedHashMap<>();
        List<Map.Entry<String, Module>> entries = new ArrayList<>(moduleSlots().entrySet());
        for (int i = from; i < to; i++) {
            picked.put(entries.get(i).getKey(), entries.get(i).getValue());
        }
        return new Sequential(picked);
    }

    private static int clamp(int index, int size) {
        return Math.max(0, Math.min(index, size));
    }

    @Override
    public Object forward(List<Object> args) {
        Object value = args.get(0);
        for (Module module : moduleSlots().values()) {
            value = module.call(value);
        }
        return value;
    }
}
