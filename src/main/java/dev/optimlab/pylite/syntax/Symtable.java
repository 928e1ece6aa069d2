package dev.optimlab.pylite.syntax;

import dev.optimlab.pylite.syntax.Node.*;
import dev.optimlab.pylite.syntax.Node.Module;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The scope errors CPython 3.11 reports while building its symbol table (Python/symtable.c), after the whole
 * program parsed: a {@code global} or {@code nonlocal} statement naming a parameter or a name the scope already
 * used or assigned, and a {@code nonlocal} name no enclosing function binds. Scopes are visited in source order, as
 * symtable_visit_stmt does, so the first such statement is reported, underlined whole.
 */
final class Symtable {
    private final Spans spans;
    private final Block block;

    /** One function (or the module): its parameters, the names it assigned and used so far, its declarations. */
    private static final class Block {
        final Block parent;
        final boolean function;
        final Set<String> parameters = new HashSet<>();
        final Set<String> assigned = new HashSet<>();
        final Set<String> used = new HashSet<>();
        final Set<String> annotated = new HashSet<>();
        final Set<String> declaredGlobal = new HashSet<>();
        final List<Nonlocal> nonlocals = new ArrayList<>();
        final List<Block> children = new ArrayList<>();

        Block(Block parent, boolean function) {
            this.parent = parent;
            this.function = function;
        }

        boolean binds(String name) {
            return !declaredGlobal.contains(name) && (parameters.contains(name) || assigned.contains(name)
                    || nonlocals.stream().anyMatch(n -> n.names().contains(name)));
        }
    }

    private Symtable(Spans spans, Block block) {
        this.spans = spans;
        this.block = block;
    }

    static void check(Module module, Spans spans) {
        Block top = new Block(null, false);
        new Symtable(spans, top).statements(module.body());
        resolveNonlocals(top, spans);
    }

    /** symtable_analyze: every nonlocal name must be bound by an enclosing function (class bodies do not count). */
    private static void resolveNonlocals(Block b, Spans spans) {
        for (Nonlocal n : b.nonlocals) {
            for (String name : n.names()) {
                boolean found = false;
                for (Block up = b.parent; up != null && !found; up = up.parent) {
                    found = up.function && up.binds(name);
                }
                if (!found) {
                    throw error("no binding for nonlocal '" + name + "' found", n, spans);
                }
            }
        }
        for (Block child : b.children) {
            resolveNonlocals(child, spans);
        }
    }

    private static PySyntaxError error(String message, Statement at, Spans spans) {
        Spans.Span s = spans.of(at);
        return s == null ? PySyntaxError.syntax(message, at.line(), at.col())
                : PySyntaxError.syntax(message, s.line(), s.col(), s.endLine(), s.endCol());
    }

    private void statements(List<Statement> body) {
        for (Statement st : body) {
            statement(st);
        }
    }

    private void statement(Statement st) {
        switch (st) {
            case FunctionDef f -> {
                f.decoratorList().forEach(this::use);
                defaults(f.args());
                block.assigned.add(f.name());
                Block inner = enter(f.args());
                new Symtable(spans, inner).statements(f.body());
            }
            case ClassDef c -> {
                c.decoratorList().forEach(this::use);
                c.bases().forEach(this::use);
                c.keywords().forEach(k -> use(k.value()));
                block.assigned.add(c.name());
                Block inner = new Block(block, false);
                block.children.add(inner);
                new Symtable(spans, inner).statements(c.body());
            }
            case Return r -> use(r.value());
            case Delete d -> d.targets().forEach(this::store);
            case Assign a -> {
                use(a.value());
                a.targets().forEach(this::store);
            }
            case AugAssign a -> {
                // CPython's symbol table sees the target in store context only
                use(a.value());
                store(a.target());
            }
            case AnnAssign a -> {
                use(a.annotation());
                use(a.value());
                if (a.target() instanceof Name n) {
                    block.annotated.add(n.id());
                }
                if (a.value() != null) {
                    store(a.target());
                }
            }
            case For f -> {
                use(f.iter());
                store(f.target());
                statements(f.body());
                statements(f.orelse());
            }
            case While w -> {
                use(w.test());
                statements(w.body());
                statements(w.orelse());
            }
            case If i -> {
                use(i.test());
                statements(i.body());
                statements(i.orelse());
            }
            case With w -> {
                for (WithItem item : w.items()) {
                    use(item.contextExpr());
                    store(item.optionalVars());
                }
                statements(w.body());
            }
            case Raise r -> {
                use(r.exc());
                use(r.cause());
            }
            case Try t -> {
                statements(t.body());
                for (ExceptHandler h : t.handlers()) {
                    use(h.type());
                    if (h.name() != null) {
                        block.assigned.add(h.name());
                    }
                    statements(h.body());
                }
                statements(t.orelse());
                statements(t.finalbody());
            }
            case Assert a -> {
                use(a.test());
                use(a.msg());
            }
            case Import im -> im.names().forEach(a -> block.assigned.add(a.asname() != null ? a.asname()
                    : a.name().split("\\.")[0]));
            case ImportFrom im -> im.names().forEach(a -> block.assigned.add(a.asname() != null ? a.asname() : a.name()));
            case Global g -> declare(g, g.names(), "global");
            case Nonlocal n -> {
                declare(n, n.names(), "nonlocal");
                block.nonlocals.add(n);
            }
            case Expr e -> use(e.value());
            case Pass p -> { }
            case Break b -> { }
            case Continue c -> { }
        }
    }

    /** symtable_visit_stmt for Global and Nonlocal: the name must not be a parameter, used or assigned before. */
    private void declare(Statement st, List<String> names, String kind) {
        for (String name : names) {
            String message = block.parameters.contains(name) ? "name '%s' is parameter and %s"
                    : block.used.contains(name) ? "name '%s' is used prior to %s declaration"
                    : block.annotated.contains(name) ? "annotated name '%s' can't be %s"
                    : block.assigned.contains(name) ? "name '%s' is assigned to before %s declaration" : null;
            if (message != null) {
                throw error(message.formatted(name, kind), st, spans);
            }
            if (kind.equals("global")) {
                block.declaredGlobal.add(name);
            }
        }
    }

    private Block enter(Arguments args) {
        Block inner = new Block(block, true);
        for (Arg a : args.args()) {
            inner.parameters.add(a.arg());
        }
        for (Arg a : args.kwonlyargs()) {
            inner.parameters.add(a.arg());
        }
        if (args.vararg() != null) {
            inner.parameters.add(args.vararg().arg());
        }
        if (args.kwarg() != null) {
            inner.parameters.add(args.kwarg().arg());
        }
        block.children.add(inner);
        return inner;
    }

    /** Defaults are evaluated in the scope that defines the function. */
    private void defaults(Arguments args) {
        args.defaults().forEach(this::use);
        args.kwDefaults().forEach(this::use);
    }

    private void store(Expression target) {
        switch (target) {
            case null -> { }
            case Name n -> block.assigned.add(n.id());
            case Node.Tuple t -> t.elts().forEach(this::store);
            case Node.List l -> l.elts().forEach(this::store);
            case Starred s -> store(s.value());
            case Attribute a -> use(a.value());
            case Subscript s -> {
                use(s.value());
                use(s.slice());
            }
            default -> use(target);
        }
    }

    /** Marks the names an expression reads; lambdas and comprehensions read in their own scopes past their first part. */
    private void use(Expression e) {
        switch (e) {
            case null -> { }
            case Name n -> block.used.add(n.id());
            case BoolOp b -> b.values().forEach(this::use);
            case BinOp b -> {
                use(b.left());
                use(b.right());
            }
            case UnaryOp u -> use(u.operand());
            case Lambda l -> {
                defaults(l.args());
                enter(l.args());
            }
            case IfExp i -> {
                use(i.test());
                use(i.body());
                use(i.orelse());
            }
            case Dict d -> {
                d.keys().forEach(this::use);
                d.values().forEach(this::use);
            }
            case Node.Set s -> s.elts().forEach(this::use);
            case ListComp c -> use(c.generators().get(0).iter());
            case SetComp c -> use(c.generators().get(0).iter());
            case DictComp c -> use(c.generators().get(0).iter());
            case GeneratorExp g -> use(g.generators().get(0).iter());
            case Yield y -> use(y.value());
            case YieldFrom y -> use(y.value());
            case Compare c -> {
                use(c.left());
                c.comparators().forEach(this::use);
            }
            case Call c -> {
                use(c.func());
                c.args().forEach(this::use);
                c.keywords().forEach(k -> use(k.value()));
            }
            case FormattedValue f -> {
                use(f.value());
                use(f.formatSpec());
            }
            case JoinedStr j -> j.values().forEach(this::use);
            case Constant c -> { }
            case Attribute a -> use(a.value());
            case Subscript s -> {
                use(s.value());
                use(s.slice());
            }
            case Starred s -> use(s.value());
            case Node.List l -> l.elts().forEach(this::use);
            case Node.Tuple t -> t.elts().forEach(this::use);
            case Slice s -> {
                use(s.lower());
                use(s.upper());
                use(s.step());
            }
        }
    }
}
