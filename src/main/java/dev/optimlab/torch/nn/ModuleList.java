package dev.optimlab.torch.nn;

import dev.optimlab.torch.ReprUtil;
import dev.optimlab.torch.TorchException;
import java.util.ArrayList;
import java.util.List;

/**
 * Mirrors {@code torch.nn.ModuleList}: a list of registered submodules (named 0, 1, ...) without a forward
 * of its own; its repr groups identical neighbours as PyTorch 2.x prints them.
 */
public class ModuleList extends Module {

    public ModuleList(List<? extends Module> modules) {
        extend(modules);
    }

    public ModuleList(Module... modules) {
        this(List.of(modules));
    }

    /** Mirrors {@code append(module)}. */
    public ModuleList append(Module module) {
        registerModule(String.valueOf(size()), module);
        return this;
    }

    /** Mirrors {@code extend(modules)}. */
    public ModuleList extend(List<? extends Module> modules) {
        for (Module module : modules) {
            append(module);
        }
        return this;
    }

    /** Mirrors {@code len(modules)}. */
    public int size() {
        return moduleSlots().size();
    }

    /** Mirrors {@code modules[idx]}, negative indices counting from the end. */
    public Module get(int index) {
        return asList().get(checkIndex(index, size()));
    }

    /** The modules in order, as iterating over the list yields them. */
    public List<Module> asList() {
        return new ArrayList<>(moduleSlots().values());
    }

    /** Mirrors {@code _get_abs_string_index}: PyTorch's IndexError outside -len..len-1. */
    static int checkIndex(int index, int size) {
        if (index < -size || index >= size) {
            throw new TorchException(TorchException.PythonType.IndexError, "index " + index + " is out of range");
        }
        return index < 0 ? index + size : index;
    }

    @Override
    public String toString() {
        List<String> reprs = new ArrayList<>();
        for (Module module : asList()) {
            reprs.add(module.toString());
        }
        return ReprUtil.moduleListRepr(getName(), reprs);
    }
}
