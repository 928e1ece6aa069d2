package dev.optimlab.pylite.runtime;

import dev.optimlab.pylite.syntax.Node;
import dev.optimlab.pylite.syntax.Node.*;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which names a function body binds locally, and which it declares global or nonlocal; mirrors the
 * symbol table CPython builds (Python/symtable.c) for function scopes.
 */
final class Scope {
    final Set<String> locals = new HashSet<>();
    final Set<String> globals = new HashSet<>();
    final Set<String> nonlocals = new HashSet<>();

    static Scope ofFunction(Arguments args, List<Statement> body) {
        Scope s = new Scope();
        for (Arg a : args.args()) {
            s.locals.add(a.arg());
        }
        for (Arg a : args.kwonlyargs()) {
            s.locals.add(a.arg());
        }
        if (args.vararg() != null) {
            s.locals.add(args.vararg().arg());
        }
        if (args.kwarg() != null) {
            s.locals.add(args.kwarg().arg());
        }
        if (body != null) {
            s.scan(body);
        }
        s.locals.removeAll(s.globals);
        s.locals.removeAll(s.nonlocals);
        return s;
    }

    static Scope ofComprehension(List<Comprehension> generators) {
        Scope s = new Scope();
        for (Comprehension c : generators) {
            s.target(c.target());
        }
        return s;
    }

    private void scan(List<Statement> body) {
        for (Statement st : body) {
            statement(st);
        }
    }

    private void statement(Statement st) {
        switch (st) {
            case FunctionDef f -> locals.add(f.name());
            case ClassDef c -> locals.add(c.name());
            case Assign a -> a.targets().forEach(this::target);
            case AugAssign a -> target(a.target());
            case AnnAssign a -> {
                if (a.value() != null) {
                    target(a.target());
                }
            }
            case For f -> {
                target(f.target());
                scan(f.body());
                scan(f.orelse());
            }
            case While w -> {
                scan(w.body());
                scan(w.orelse());
            }
            case If i -> {
                scan(i.body());
                scan(i.orelse());
            }
            case With w -> {
                for (WithItem item : w.items()) {
                    if (item.optionalVars() != null) {
                        target(item.optionalVars());
                    }
                }
                scan(w.body());
            }
            case Try t -> {
                scan(t.body());
                for (ExceptHandler h : t.handlers()) {
                    if (h.name() != null) {
                        locals.add(h.name());
                    }
                    scan(h.body());
                }
                scan(t.orelse());
                scan(t.finalbody());
            }
            case Import im -> {
                for (Alias a : im.names()) {
                    locals.add(a.asname() != null ? a.asname() : a.name().split("\\.")[0]);
                }
            }
            case ImportFrom im -> {
                for (Alias a : im.names()) {
                    locals.add(a.asname() != null ? a.asname() : a.name());
                }
            }
            case Delete d -> d.targets().forEach(this::target);
            case Global g -> globals.addAll(g.names());
            case Nonlocal n -> nonlocals.addAll(n.names());
            default -> { }
        }
    }

    private void target(Node.Expression e) {
        switch (e) {
            case Name n -> locals.add(n.id());
            case Node.Tuple t -> t.elts().forEach(this::target);
            case Node.List l -> l.elts().forEach(this::target);
            case Starred s -> target(s.value());
            default -> { }
        }
    }
}
