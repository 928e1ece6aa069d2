package dev.optimlab.pylite.runtime;

import dev.optimlab.pylite.syntax.Node;
import java.util.List;

/**
 * A generator expression, evaluated lazily one item at a time; mirrors the generator CPython compiles
 * for {@code (elt for x in it if cond)}. The first iterable is evaluated eagerly, as in CPython.
 */
final class ComprehensionIterator implements PyIterator {
    private final Interpreter in;
    private final Node.GeneratorExp node;
    private final Frame frame;
    private final PyIterator[] iterators;
    private int level;

    ComprehensionIterator(Interpreter in, Node.GeneratorExp node, Frame frame, PyIterator first) {
        this.in = in;
        this.node = node;
        this.frame = frame;
        this.iterators = new PyIterator[node.generators().size()];
        this.iterators[0] = first;
    }

    @Override
    public Object next(Interpreter ignored) {
        try {
            return advance();
        } catch (PyException e) {
            in.recordIn(e, frame);
            level = -1;
            throw e;
        }
    }

    private Object advance() {
        List<Node.Comprehension> gens = node.generators();
        outer:
        while (level >= 0) {
            Object v = iterators[level].next(in);
            if (v == null) {
                level--;
                continue;
            }
            in.budget().step();
            Node.Comprehension gen = gens.get(level);
            in.assign(gen.target(), v, frame);
            for (Node.Expression cond : gen.ifs()) {
                if (!Ops.truthy(in, in.eval(cond, frame))) {
                    continue outer;
                }
            }
            if (level + 1 == gens.size()) {
                return in.eval(node.elt(), frame);
            }
            level++;
            iterators[level] = Ops.iter(in, in.eval(gens.get(level).iter(), frame));
        }
        return null;
    }

    @Override
    public PyType pyType() {
        return PyType.GENERATOR;
    }

    @Override
    public Object getAttr(Interpreter in, String name) {
        return PyGenerator.iteratorMethod(this, name);
    }

    @Override
    public String repr(Interpreter in) {
        return "<generator object <genexpr> at " + in.fakeAddress(this) + ">";
    }
}
