package dev.optimlab.torch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;
import java.util.TreeMap;

/**
 * The reprs PyTorch prints for module trees and optimizers: {@code torch.nn.Module.__repr__} with
 * {@code torch.nn.modules.module._addindent}, {@code torch.nn.ModuleList.__repr__} (PyTorch 2.x) and
 * {@code torch.optim.Optimizer.__repr__}.
 *
 * <p>It works from strings so that modules and optimizers can call it without this class knowing them.
 */
public final class ReprUtil {

    private ReprUtil() {
    }

    /**
     * {@code Module.__repr__}: {@code Name(extra)} on one line, or one line per extra_repr line and child.
     *
     * @param name the class name ({@code Module._get_name()})
     * @param extraRepr what {@code extra_repr()} returns; empty for none
     * @param namedChildReprs each child's key and repr in registration order; a null repr prints None
     */
    public static String moduleRepr(String name, String extraRepr, SequencedMap<String, String> namedChildReprs) {
        List<String> extraLines = extraRepr.isEmpty() ? List.of() : List.of(extraRepr.split("\n", -1));
        List<String> childLines = new ArrayList<>();
        for (Map.Entry<String, String> child : namedChildReprs.entrySet()) {
            String childRepr = child.getValue() == null ? "None" : child.getValue();
            childLines.add("(" + child.getKey() + "): " + addIndent(childRepr, 2));
        }
        List<String> lines = new ArrayList<>(extraLines);
        lines.addAll(childLines);
        StringBuilder out = new StringBuilder(name).append('(');
        if (extraLines.size() == 1 && childLines.isEmpty()) {
            out.append(extraLines.get(0));
        } else if (!lines.isEmpty()) {
            out.append("\n  ").append(String.join("\n  ", lines)).append('\n');
        }
        return out.append(')').toString();
    }

    /**
     * {@code ModuleList.__repr__} of PyTorch 2.x: runs of identical children print once as
     * {@code (0-2): 3 x Linear(...)}. (PyTorch 1.13 printed every child like {@link #moduleRepr}.)
     *
     * @param name the class name, {@code ModuleList} unless subclassed
     * @param childReprs the reprs of the list's modules in order
     */
    public static String moduleListRepr(String name, List<String> childReprs) {
        if (childReprs.isEmpty()) {
            return name + "()";
        }
        List<String> lines = new ArrayList<>();
        int start = 0;
        while (start < childReprs.size()) {
            int end = start;
            while (end + 1 < childReprs.size() && childReprs.get(end + 1).equals(childReprs.get(start))) {
                end++;
            }
            String block = childReprs.get(start);
            String line = start == end
                    ? "(" + start + "): " + block
                    : "(" + start + "-" + end + "): " + (end - start + 1) + " x " + block;
            lines.add(addIndent(line, 2));
            start = end + 1;
        }
        return name + "(\n  " + String.join("\n  ", lines) + "\n)";
    }

    /** {@code _addindent}: indents every line but the first, so that a child's repr nests in its parent. */
    public static String addIndent(String text, int numSpaces) {
        String[] lines = text.split("\n", -1);
        if (lines.length == 1) {
            return text;
        }
        StringBuilder out = new StringBuilder(lines[0]);
        for (int i = 1; i < lines.length; i++) {
            out.append('\n').append(" ".repeat(numSpaces)).append(lines[i]);
        }
        return out.toString();
    }

    /**
     * {@code Optimizer.__repr__}: each param group's options in sorted key order, without {@code params}.
     *
     * @param className the optimizer's class name, e.g. {@code SGD}
     * @param paramGroups per group, each option's key and its Python {@code str()} (see
     *     {@link PythonFloatFormat#repr(double)} for floats); any order, as PyTorch sorts the keys
     */
    public static String optimizerRepr(String className, List<? extends Map<String, String>> paramGroups) {
        StringBuilder out = new StringBuilder(className).append(" (");
        for (int i = 0; i < paramGroups.size(); i++) {
            out.append("\nParameter Group ").append(i).append('\n');
            // Python sorts str keys by code point, as String.compareTo does for these ASCII names.
            for (Map.Entry<String, String> option : new TreeMap<>(paramGroups.get(i)).entrySet()) {
                if (!option.getKey().equals("params")) {
                    out.append("    ").append(option.getKey()).append(": ").append(option.getValue()).append('\n');
                }
            }
        }
        return out.append(')').toString();
    }
}
