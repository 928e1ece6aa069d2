package dev.optimlab.pylite.syntax;

/**
 * The abstract syntax tree; mirrors CPython's {@code ast} module node for node (same names and fields).
 * Every node carries its 1-based line and 0-based column.
 */
public sealed interface Node {
    int line();

    int col();

    /** CPython's {@code ast.mod}: a whole program. */
    record Module(java.util.List<Statement> body, int line, int col) implements Node { }

    /** CPython's {@code ast.stmt}. */
    sealed interface Statement extends Node { }

    /** CPython's {@code ast.expr}. */
    sealed interface Expression extends Node { }

    /** CPython's {@code ast.arg}. */
    record Arg(String arg, int line, int col) { }

    /** CPython's {@code ast.arguments}: defaults align with the tail of {@code args}. */
    record Arguments(java.util.List<Arg> args, Arg vararg, java.util.List<Arg> kwonlyargs,
                     java.util.List<Expression> kwDefaults, Arg kwarg, java.util.List<Expression> defaults) { }

    /** CPython's {@code ast.keyword}; {@code arg} is null for {@code **mapping}. */
    record Keyword(String arg, Expression value, int line, int col) { }

    /** CPython's {@code ast.alias}. */
    record Alias(String name, String asname) { }

    /** CPython's {@code ast.withitem}. */
    record WithItem(Expression contextExpr, Expression optionalVars) { }

    /** CPython's {@code ast.excepthandler}. */
    record ExceptHandler(Expression type, String name, java.util.List<Statement> body, int line, int col) { }

    /** CPython's {@code ast.comprehension}. */
    record Comprehension(Expression target, Expression iter, java.util.List<Expression> ifs) { }

    // ---- statements

    record FunctionDef(String name, Arguments args, java.util.List<Statement> body,
                       java.util.List<Expression> decoratorList, boolean isGenerator, int line, int col)
            implements Statement { }

    record ClassDef(String name, java.util.List<Expression> bases, java.util.List<Keyword> keywords,
                    java.util.List<Statement> body, java.util.List<Expression> decoratorList, int line, int col)
            implements Statement { }

    record Return(Expression value, int line, int col) implements Statement { }

    record Delete(java.util.List<Expression> targets, int line, int col) implements Statement { }

    record Assign(java.util.List<Expression> targets, Expression value, int line, int col) implements Statement { }

    record AugAssign(Expression target, String op, Expression value, int line, int col) implements Statement { }

    record AnnAssign(Expression target, Expression annotation, Expression value, int line, int col)
            implements Statement { }

    record For(Expression target, Expression iter, java.util.List<Statement> body, java.util.List<Statement> orelse,
               int line, int col) implements Statement { }

    record While(Expression test, java.util.List<Statement> body, java.util.List<Statement> orelse, int line, int col)
            implements Statement { }

    record If(Expression test, java.util.List<Statement> body, java.util.List<Statement> orelse, int line, int col)
            implements Statement { }

    record With(java.util.List<WithItem> items, java.util.List<Statement> body, int line, int col) implements Statement { }

    record Raise(Expression exc, Expression cause, int line, int col) implements Statement { }

    record Try(java.util.List<Statement> body, java.util.List<ExceptHandler> handlers, java.util.List<Statement> orelse,
               java.util.List<Statement> finalbody, int line, int col) implements Statement { }

    record Assert(Expression test, Expression msg, int line, int col) implements Statement { }

    record Import(java.util.List<Alias> names, int line, int col) implements Statement { }

    record ImportFrom(String module, java.util.List<Alias> names, int line, int col) implements Statement { }

    record Global(java.util.List<String> names, int line, int col) implements Statement { }

    record Nonlocal(java.util.List<String> names, int line, int col) implements Statement { }

    record Expr(Expression value, int line, int col) implements Statement { }

    record Pass(int line, int col) implements Statement { }

    record Break(int line, int col) implements Statement { }

    record Continue(int line, int col) implements Statement { }

    // ---- expressions

    record BoolOp(String op, java.util.List<Expression> values, int line, int col) implements Expression { }

    record BinOp(Expression left, String op, Expression right, int line, int col) implements Expression { }

    record UnaryOp(String op, Expression operand, int line, int col) implements Expression { }

    record Lambda(Arguments args, Expression body, int line, int col) implements Expression { }

    record IfExp(Expression test, Expression body, Expression orelse, int line, int col) implements Expression { }

    record Dict(java.util.List<Expression> keys, java.util.List<Expression> values, int line, int col)
            implements Expression { }

    record Set(java.util.List<Expression> elts, int line, int col) implements Expression { }

    record ListComp(Expression elt, java.util.List<Comprehension> generators, int line, int col) implements Expression { }

    record SetComp(Expression elt, java.util.List<Comprehension> generators, int line, int col) implements Expression { }

    record DictComp(Expression key, Expression value, java.util.List<Comprehension> generators, int line, int col)
            implements Expression { }

    record GeneratorExp(Expression elt, java.util.List<Comprehension> generators, int line, int col)
            implements Expression { }

    record Yield(Expression value, int line, int col) implements Expression { }

    record YieldFrom(Expression value, int line, int col) implements Expression { }

    record Compare(Expression left, java.util.List<String> ops, java.util.List<Expression> comparators, int line, int col)
            implements Expression { }

    record Call(Expression func, java.util.List<Expression> args, java.util.List<Keyword> keywords, int line, int col)
            implements Expression { }

    record FormattedValue(Expression value, int conversion, Expression formatSpec, int line, int col)
            implements Expression { }

    record JoinedStr(java.util.List<Expression> values, int line, int col) implements Expression { }

    /** A literal; {@code value} is Long, BigInteger, Double, String, Boolean, null for None, or ELLIPSIS. */
    record Constant(Object value, int line, int col) implements Expression { }

    record Attribute(Expression value, String attr, int line, int col) implements Expression { }

    record Subscript(Expression value, Expression slice, int line, int col) implements Expression { }

    record Starred(Expression value, int line, int col) implements Expression { }

    record Name(String id, int line, int col) implements Expression { }

    record List(java.util.List<Expression> elts, int line, int col) implements Expression { }

    record Tuple(java.util.List<Expression> elts, int line, int col) implements Expression { }

    record Slice(Expression lower, Expression upper, Expression step, int line, int col) implements Expression { }

    /** The marker CPython writes as {@code Ellipsis} ({@code ...}). */
    enum EllipsisMarker { ELLIPSIS }
}
