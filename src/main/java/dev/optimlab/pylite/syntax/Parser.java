package dev.optimlab.pylite.syntax;

import dev.optimlab.pylite.syntax.Node.*;
import dev.optimlab.pylite.syntax.Node.Module;
import dev.optimlab.pylite.syntax.Token.Kind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * Recursive-descent parser from tokens to {@link Node}s; mirrors CPython's PEG grammar (Grammar/python.gram)
 * for the OptimLab subset, with CPython 3.11's error messages for the mistakes learners make.
 */
public final class Parser {
    /** How deeply brackets, operators and blocks may nest before the program is refused. */
    public static final int MAX_NESTING = 100;

    private static final java.util.Set<String> EXPRESSION_KEYWORDS = java.util.Set.of("False", "None", "True",
            "await", "lambda", "not");
    private static final java.util.Set<String> SOFT_KEYWORDS = java.util.Set.of("_", "case", "match");

    private final List<Token> tokens;
    private int current;
    private int depth;
    private int functionDepth;
    /** Functions around the class bodies being parsed: a class body's own functionDepth starts again at 0. */
    private int functionsOutsideClass;
    private int loopDepth;
    private final List<boolean[]> generatorFlags = new ArrayList<>();

    private final Spans spans;

    /** Whether a name is one of Python's keywords ({@code keyword.kwlist}); a switch, as nearly every name asks. */
    private static boolean isKeyword(String name) {
        return switch (name) {
            case "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
                    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
                    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
                    "with", "yield" -> true;
            default -> false;
        };
    }

    /** Whether an operator is an augmented assignment's ({@code +=} and the like). */
    private static boolean isAugmentedAssign(String op) {
        return switch (op) {
            case "+=", "-=", "*=", "/=", "//=", "%=", "**=", ">>=", "<<=", "&=", "|=", "^=", "@=" -> true;
            default -> false;
        };
    }

    /** Whether an operator is one of the comparisons that chain ({@code <} and the like; {@code in}, {@code is} are names). */
    private static boolean isComparison(String op) {
        return switch (op) {
            case "<", ">", "==", ">=", "<=", "!=" -> true;
            default -> false;
        };
    }

    public Parser(List<Token> tokens) {
        this(tokens, new Spans());
    }

    public Parser(List<Token> tokens, Spans spans) {
        this.tokens = tokens;
        this.spans = spans;
        spans.expect(tokens.size());
    }

    /** Lexes and parses a whole program. */
    public static Module parse(String source) {
        return new Parser(new Lexer(source).tokenize()).parseModule();
    }

    /** Lexes and parses a whole program, recording into {@code spans} where its expressions start and end. */
    public static Module parse(String source, Spans spans) {
        return new Parser(new Lexer(source).tokenize(), spans).parseModule();
    }

    /** Records the extent of an expression that began at {@code first} and ended with the last token read. */
    private <T extends Node> T spanned(T node, Token first, int anchorFrom, int anchorTo, boolean binary) {
        Token last = tokens.get(current - 1);
        spans.put(node, new Spans.Span(first.line(), first.col(), last.line(), last.endCol(), anchorFrom, anchorTo, binary));
        return node;
    }

    /** Records where an expression that began at {@code first} ends, unless its own rule recorded it already. */
    private Expression covered(Expression node, Token first) {
        spans.cover(node, first, tokens.get(current - 1));
        return node;
    }

    /** A syntax error underlining the whole expression, as CPython's RAISE_SYNTAX_ERROR_KNOWN_NODE. */
    private PySyntaxError rangeError(String message, Expression e) {
        Spans.Span s = spans.of(e);
        return s == null ? PySyntaxError.syntax(message, e.line(), e.col())
                : PySyntaxError.syntax(message, s.line(), s.col(), s.endLine(), s.endCol());
    }

    /** A syntax error underlining from {@code first} to the last token read, as RAISE_SYNTAX_ERROR_KNOWN_RANGE. */
    private PySyntaxError rangeError(String message, int line, int col) {
        Token last = tokens.get(current - 1);
        return PySyntaxError.syntax(message, line, col, last.line(), last.endCol());
    }

    /** A syntax error at one token: CPython underlines the token, or puts one caret at the end of a line. */
    private static PySyntaxError tokenError(String message, Token t) {
        boolean ranged = t.kind() == Kind.NAME || t.kind() == Kind.NUMBER || t.kind() == Kind.OP;
        return ranged ? PySyntaxError.syntax(message, t.line(), t.col(), t.line(), t.endCol())
                : PySyntaxError.syntax(message, t.line(), t.col());
    }

    /** Where the left operand of the operator just read ends, inside any parentheses around it. */
    private int leftEnd(Expression left) {
        return spans.innerEnd(left) >= 0 ? spans.innerEnd(left) : tokens.get(current - 2).endCol();
    }

    /** A binary operation: the anchors are where the left operand ends (inside any parentheses) and the right one starts. */
    private Expression binOp(Expression left, Token op, int leftEnd, Expression right, Token first) {
        return spanned(new BinOp(left, op.text(), right, left.line(), left.col()), first, leftEnd, right.col(), true);
    }

    public Module parseModule() {
        List<Statement> body = new ArrayList<>();
        while (!check(Kind.ENDMARKER)) {
            if (check(Kind.NEWLINE)) {
                advance();
                continue;
            }
            body.addAll(statement());
        }
        Module module = new Module(body, 1, 0);
        Symtable.check(module, spans);
        return module;
    }

    // ---- statements

    private List<Statement> statement() {
        Token t = peek();
        if (t.kind() == Kind.INDENT) {
            throw new PySyntaxError("IndentationError", "unexpected indent", t.line(), t.col());
        }
        if (t.kind() == Kind.NAME) {
            switch (t.text()) {
                case "def": return List.of(functionDef(List.of()));
                case "class": return List.of(classDef(List.of()));
                case "if": return List.of(ifStatement());
                case "while": return List.of(whileStatement());
                case "for": return List.of(forStatement());
                case "try": return List.of(tryStatement());
                case "with": return List.of(withStatement());
                case "async": throw notSupported("async functions and statements", t);
                default:
                    if (t.text().equals("match") && looksLikeMatch()) {
                        throw notSupported("match statements", t);
                    }
            }
        } else if (t.isOp("@")) {
            return List.of(decorated());
        }
        return simpleStatements();
    }

    private boolean looksLikeMatch() {
        Token next = tokens.get(current + 1);
        if (next.kind() == Kind.NEWLINE || next.kind() == Kind.OP && !next.text().equals("(") && !next.text().equals("[")
                && !next.text().equals("{") && !next.text().equals("-")) {
            return false;
        }
        for (int i = current + 1; i < tokens.size() && tokens.get(i).kind() != Kind.NEWLINE; i++) {
            if (tokens.get(i).isOp(":") && tokens.get(i + 1).kind() == Kind.NEWLINE) {
                return true;
            }
        }
        return false;
    }

    private List<Statement> simpleStatements() {
        List<Statement> result = new ArrayList<>();
        result.add(simpleStatement());
        while (match(";")) {
            if (check(Kind.NEWLINE)) {
                break;
            }
            result.add(simpleStatement());
        }
        if (!check(Kind.NEWLINE)) {
            throw invalidSyntax(peek());
        }
        advance();
        return result;
    }

    private Statement simpleStatement() {
        Token t = peek();
        if (t.kind() == Kind.NAME) {
            switch (t.text()) {
                case "pass": advance(); return new Pass(t.line(), t.col());
                case "break":
                    advance();
                    if (loopDepth == 0) {
                        throw tokenError("'break' outside loop", t);
                    }
                    return new Break(t.line(), t.col());
                case "continue":
                    advance();
                    if (loopDepth == 0) {
                        throw tokenError("'continue' not properly in loop", t);
                    }
                    return new Continue(t.line(), t.col());
                case "return": return returnStatement();
                case "raise": return raiseStatement();
                case "global", "nonlocal": return scopeStatement();
                case "del": return deleteStatement();
                case "assert": return assertStatement();
                case "import": return importStatement();
                case "from": return fromImport();
                case "await": throw notSupported("await expressions", t);
                case "print":
                    Token next = tokens.get(current + 1);
                    if (next.kind() == Kind.STRING || next.kind() == Kind.NUMBER || next.kind() == Kind.FSTRING
                            || (next.kind() == Kind.NAME && !isKeyword(next.text()))) {
                        advance();
                        starExpressions();
                        throw rangeError("Missing parentheses in call to 'print'. Did you mean print(...)?",
                                t.line(), t.col());
                    }
                    break;
                default:
                    break;
            }
        }
        return expressionStatement();
    }

    private Statement expressionStatement() {
        Token start = peek();
        Expression first = check(Kind.NAME) && peek().text().equals("yield") ? yieldExpression() : starExpressions();
        if (peek().isOp("=")) {
            List<Expression> targets = new ArrayList<>();
            Expression value = first;
            while (match("=")) {
                targets.add(value);
                value = check(Kind.NAME) && peek().text().equals("yield") ? yieldExpression() : starExpressions();
            }
            // CPython's invalid_named_expression adds its '==' hint only to a lone first target
            for (int i = 0; i < targets.size(); i++) {
                checkAssignable(targets.get(i), "assign", targets.size() == 1);
            }
            return new Assign(targets, value, start.line(), start.col());
        }
        if (peek().kind() == Kind.OP && isAugmentedAssign(peek().text())) {
            Token op = advance();
            if (!(first instanceof Name || first instanceof Attribute || first instanceof Subscript)) {
                throw rangeError("'" + describe(first) + "' is an illegal expression for augmented assignment", first);
            }
            Expression value = check(Kind.NAME) && peek().text().equals("yield") ? yieldExpression() : starExpressions();
            return new AugAssign(first, op.text().substring(0, op.text().length() - 1), value, start.line(), start.col());
        }
        if (peek().isOp(":")) {
            advance();
            if (!(first instanceof Name || first instanceof Attribute || first instanceof Subscript)) {
                throw PySyntaxError.syntax("only single target (not tuple) can be annotated", first.line(), first.col());
            }
            Expression annotation = expression();
            Expression value = match("=") ? starExpressions() : null;
            return new AnnAssign(first, annotation, value, start.line(), start.col());
        }
        if (peek().isOp(":=")) {
            throw notSupported("assignment expressions (:=)", peek());
        }
        return new Expr(first, start.line(), start.col());
    }

    private void checkAssignable(Expression e, String verb, boolean hint) {
        switch (e) {
            case Name n -> { }
            case Attribute a -> { }
            case Subscript s -> { }
            case Starred s -> checkAssignable(s.value(), verb, false);
            case Node.Tuple t -> t.elts().forEach(x -> checkAssignable(x, verb, false));
            case Node.List l -> l.elts().forEach(x -> checkAssignable(x, verb, false));
            default -> {
                String msg = "cannot " + verb + (verb.equals("delete") ? " " : " to ") + describe(e);
                boolean keywordConstant = e instanceof Constant c && (c.value() == null || c.value() instanceof Boolean);
                // the hint's rule reads a bitwise_or: not a comparison, conditional, and/or/not or lambda
                boolean bitwiseLevel = !(e instanceof Compare || e instanceof IfExp || e instanceof BoolOp
                        || e instanceof Lambda || e instanceof UnaryOp u && u.op().equals("not"));
                if (hint && !keywordConstant && bitwiseLevel) {
                    msg += " here. Maybe you meant '==' instead of '='?";
                }
                throw rangeError(msg, e);
            }
        }
    }

    private static String describe(Expression e) {
        return switch (e) {
            case Call c -> "function call";
            case Constant c when c.value() == null -> "None";
            case Constant c when c.value() instanceof Boolean b -> b ? "True" : "False";
            case Constant c when c.value() == EllipsisMarker.ELLIPSIS -> "ellipsis";
            case Constant c -> "literal";
            case Compare c -> "comparison";
            case Lambda l -> "lambda";
            case IfExp i -> "conditional expression";
            case Dict d -> "dict literal";
            case Node.Set s -> "set display";
            case ListComp l -> "list comprehension";
            case SetComp s -> "set comprehension";
            case DictComp d -> "dict comprehension";
            case GeneratorExp g -> "generator expression";
            case JoinedStr j -> "f-string expression";
            case Yield y -> "yield expression";
            case Node.Tuple t -> "tuple";
            case Node.List l -> "list";
            default -> "expression";
        };
    }

    private Statement returnStatement() {
        Token t = advance();
        Expression value = atStatementEnd() ? null : starExpressions();
        if (functionDepth == 0) {
            throw rangeError("'return' outside function", t.line(), t.col());
        }
        return new Return(value, t.line(), t.col());
    }

    private Statement raiseStatement() {
        Token t = advance();
        Expression exc = null;
        Expression cause = null;
        if (!atStatementEnd()) {
            exc = expression();
            if (matchKeyword("from")) {
                cause = expression();
            }
        }
        return spanned(new Raise(exc, cause, t.line(), t.col()), t, -1, -1, false);
    }

    private Statement scopeStatement() {
        Token t = advance();
        List<String> names = new ArrayList<>();
        do {
            names.add(name("invalid syntax").text());
        } while (match(","));
        if (t.text().equals("global")) {
            return spanned(new Global(names, t.line(), t.col()), t, -1, -1, false);
        }
        if (functionDepth == 0 && functionsOutsideClass == 0) {
            throw rangeError("nonlocal declaration not allowed at module level", t.line(), t.col());
        }
        return spanned(new Nonlocal(names, t.line(), t.col()), t, -1, -1, false);
    }

    private Statement deleteStatement() {
        Token t = advance();
        List<Expression> targets = new ArrayList<>();
        do {
            if (atStatementEnd()) {
                break;
            }
            Expression e = bitOr();
            checkAssignable(e, "delete", false);
            targets.add(e);
        } while (match(","));
        return new Delete(targets, t.line(), t.col());
    }

    private Statement assertStatement() {
        Token t = advance();
        Expression test = expression();
        Expression msg = match(",") ? expression() : null;
        return new Assert(test, msg, t.line(), t.col());
    }

    private Statement importStatement() {
        Token t = advance();
        List<Alias> names = new ArrayList<>();
        do {
            String module = dottedName();
            String as = matchKeyword("as") ? name("invalid syntax").text() : null;
            names.add(new Alias(module, as));
        } while (match(","));
        return new Import(names, t.line(), t.col());
    }

    private Statement fromImport() {
        Token t = advance();
        if (peek().isOp(".") || peek().isOp("...")) {
            throw PySyntaxError.syntax("relative imports are not supported in OptimLab", peek().line(), peek().col());
        }
        String module = dottedName();
        expectKeyword("import");
        List<Alias> names = new ArrayList<>();
        boolean paren = match("(");
        if (match("*")) {
            names.add(new Alias("*", null));
        } else {
            do {
                if (paren && peek().isOp(")")) {
                    break;
                }
                String n = name("invalid syntax").text();
                String as = matchKeyword("as") ? name("invalid syntax").text() : null;
                names.add(new Alias(n, as));
            } while (match(","));
        }
        if (paren) {
            expect(")", "invalid syntax");
        }
        return new ImportFrom(module, names, t.line(), t.col());
    }

    private String dottedName() {
        StringBuilder sb = new StringBuilder(name("invalid syntax").text());
        while (match(".")) {
            sb.append('.').append(name("invalid syntax").text());
        }
        return sb.toString();
    }

    private Statement decorated() {
        List<Expression> decorators = new ArrayList<>();
        while (match("@")) {
            decorators.add(namedExpression());
            expectNewline();
        }
        if (check(Kind.NAME) && peek().text().equals("def")) {
            return functionDef(decorators);
        }
        if (check(Kind.NAME) && peek().text().equals("class")) {
            return classDef(decorators);
        }
        if (check(Kind.NAME) && peek().text().equals("async")) {
            throw notSupported("async functions", peek());
        }
        throw invalidSyntax(peek());
    }

    private Statement functionDef(List<Expression> decorators) {
        Token def = advance();
        Token name = name("invalid syntax");
        expect("(", "expected '('");
        Arguments args = parameters(")");
        expect(")", "invalid syntax");
        if (match("->")) {
            expression();
        }
        expect(":", "expected ':'");
        int savedLoops = loopDepth;
        loopDepth = 0;
        functionDepth++;
        boolean[] isGenerator = {false};
        generatorFlags.add(isGenerator);
        List<Statement> body = block("function definition", def.line());
        generatorFlags.remove(generatorFlags.size() - 1);
        functionDepth--;
        loopDepth = savedLoops;
        return new FunctionDef(name.text(), args, body, decorators, isGenerator[0], def.line(), def.col());
    }

    /** Parses a parameter list up to (not including) {@code closer}: ")" for def, ":" for lambda. */
    private Arguments parameters(String closer) {
        List<Arg> args = new ArrayList<>();
        List<Expression> defaults = new ArrayList<>();
        List<Arg> kwonly = new ArrayList<>();
        List<Expression> kwDefaults = new ArrayList<>();
        Arg vararg = null;
        Arg kwarg = null;
        boolean starSeen = false;
        java.util.Set<String> seen = new HashSet<>();
        while (!peek().isOp(closer)) {
            if (match("/")) {
                if (!match(",")) {
                    break;
                }
                continue;
            }
            if (match("**")) {
                Token n = name("invalid syntax");
                kwarg = new Arg(n.text(), n.line(), n.col());
                duplicateCheck(seen, n);
                match(",");
                if (!peek().isOp(closer)) {
                    throw PySyntaxError.syntax("arguments cannot follow var-keyword argument", peek().line(), peek().col());
                }
                break;
            }
            Token star = peek();
            if (match("*")) {
                if (starSeen) {
                    throw PySyntaxError.syntax("* argument may appear only once", peek().line(), peek().col());
                }
                starSeen = true;
                if (check(Kind.NAME)) {
                    Token n = advance();
                    duplicateCheck(seen, n);
                    vararg = new Arg(n.text(), n.line(), n.col());
                } else if (peek().isOp(closer) || (peek().isOp(",") && tokens.get(current + 1).isOp(closer))) {
                    throw PySyntaxError.syntax("named arguments must follow bare *", peek().line(), peek().col());
                } else if (peek().isOp(",") && tokens.get(current + 1).isOp("**")) {
                    // CPython's def rule points at the bare '*', its lambda rule at the '**'
                    throw tokenError("named arguments must follow bare *", closer.equals(")") ? star : tokens.get(current + 1));
                }
            } else {
                Token n = name("invalid syntax");
                duplicateCheck(seen, n);
                if (closer.equals(")") && match(":")) {
                    expression();
                }
                Arg arg = new Arg(n.text(), n.line(), n.col());
                Expression dflt = match("=") ? expression() : null;
                if (starSeen) {
                    kwonly.add(arg);
                    kwDefaults.add(dflt);
                } else {
                    if (dflt == null && !defaults.isEmpty()) {
                        throw PySyntaxError.syntax("non-default argument follows default argument", n.line(), n.col());
                    }
                    args.add(arg);
                    if (dflt != null) {
                        defaults.add(dflt);
                    }
                }
            }
            if (!match(",")) {
                break;
            }
        }
        return new Arguments(args, vararg, kwonly, kwDefaults, kwarg, defaults);
    }

    private static void duplicateCheck(java.util.Set<String> seen, Token n) {
        if (!seen.add(n.text())) {
            throw PySyntaxError.syntax("duplicate argument '" + n.text() + "' in function definition", n.line(), n.col());
        }
    }

    private Statement classDef(List<Expression> decorators) {
        Token cls = advance();
        Token name = name("invalid syntax");
        List<Expression> bases = new ArrayList<>();
        List<Keyword> keywords = new ArrayList<>();
        if (match("(")) {
            arguments(bases, keywords);
            expect(")", "invalid syntax");
        }
        expectColonAtLineEnd();
        int savedLoops = loopDepth;
        int savedFunctions = functionDepth;
        loopDepth = 0;
        functionsOutsideClass += savedFunctions;
        functionDepth = 0;
        List<Statement> body = block("class definition", cls.line());
        loopDepth = savedLoops;
        functionDepth = savedFunctions;
        functionsOutsideClass -= savedFunctions;
        return new ClassDef(name.text(), bases, keywords, body, decorators, cls.line(), cls.col());
    }

    private Statement ifStatement() {
        Token t = advance();
        Expression test = namedExpression();
        expectColon(test);
        List<Statement> body = block("'" + t.text() + "' statement", t.line());
        List<Statement> orelse = List.of();
        if (check(Kind.NAME) && peek().text().equals("elif")) {
            orelse = List.of(ifStatement());
        } else if (check(Kind.NAME) && peek().text().equals("else")) {
            Token e = advance();
            expect(":", "expected ':'");
            orelse = block("'else' statement", e.line());
        }
        return new If(test, body, orelse, t.line(), t.col());
    }

    private Statement whileStatement() {
        Token t = advance();
        Expression test = namedExpression();
        expectColon(test);
        loopDepth++;
        List<Statement> body = block("'while' statement", t.line());
        loopDepth--;
        return new While(test, body, elseBlock(), t.line(), t.col());
    }

    private List<Statement> elseBlock() {
        if (check(Kind.NAME) && peek().text().equals("else")) {
            Token e = advance();
            expect(":", "expected ':'");
            return block("'else' statement", e.line());
        }
        return List.of();
    }

    private Statement forStatement() {
        Token t = advance();
        Expression target = targetList();
        checkAssignable(target, "assign", false);
        expectKeyword("in");
        Expression iter = starExpressions();
        expectColon(null);
        loopDepth++;
        List<Statement> body = block("'for' statement", t.line());
        loopDepth--;
        return new For(target, iter, body, elseBlock(), t.line(), t.col());
    }

    private Statement tryStatement() {
        Token t = advance();
        expect(":", "expected ':'");
        List<Statement> body = block("'try' statement", t.line());
        List<ExceptHandler> handlers = new ArrayList<>();
        while (check(Kind.NAME) && peek().text().equals("except")) {
            Token e = advance();
            if (peek().isOp("*")) {
                throw notSupported("except* clauses (exception groups)", peek());
            }
            Expression type = null;
            String name = null;
            if (!peek().isOp(":")) {
                type = expression();
                if (peek().isOp(",")) {
                    List<Expression> types = new ArrayList<>(List.of(type));
                    while (match(",")) {
                        types.add(expression());
                    }
                    throw PySyntaxError.syntax("multiple exception types must be parenthesized", type.line(), type.col());
                }
                if (matchKeyword("as")) {
                    name = name("invalid syntax").text();
                }
            }
            expectColonAtLineEnd();
            handlers.add(new ExceptHandler(type, name, block("'except' statement", e.line()), e.line(), e.col()));
        }
        List<Statement> orelse = handlers.isEmpty() ? List.of() : elseBlock();
        List<Statement> finalbody = List.of();
        if (check(Kind.NAME) && peek().text().equals("finally")) {
            Token f = advance();
            expect(":", "expected ':'");
            finalbody = block("'finally' statement", f.line());
        }
        if (handlers.isEmpty() && finalbody.isEmpty()) {
            throw PySyntaxError.syntax("expected 'except' or 'finally' block", peek().line(), peek().col());
        }
        return new Try(body, handlers, orelse, finalbody, t.line(), t.col());
    }

    private Statement withStatement() {
        Token t = advance();
        List<WithItem> items = new ArrayList<>();
        do {
            Expression ctx = expression();
            Expression vars = null;
            if (matchKeyword("as")) {
                vars = targetAtom();
                checkAssignable(vars, "assign", false);
            }
            items.add(new WithItem(ctx, vars));
        } while (match(","));
        expectColon(null);
        return new With(items, block("'with' statement", t.line()), t.line(), t.col());
    }

    private List<Statement> block(String what, int headerLine) {
        if (!check(Kind.NEWLINE)) {
            return simpleStatements();
        }
        advance();
        if (!check(Kind.INDENT)) {
            Token t = peek();
            throw new PySyntaxError("IndentationError", "expected an indented block after " + what + " on line "
                    + headerLine, t.line(), t.col());
        }
        Token indent = advance();
        enter(indent);
        List<Statement> body = new ArrayList<>();
        while (!check(Kind.DEDENT) && !check(Kind.ENDMARKER)) {
            body.addAll(statement());
        }
        match(Kind.DEDENT);
        depth--;
        return body;
    }

    // ---- expressions

    /** CPython's star_expressions: an expression, or a tuple of them without parentheses. */
    public Expression starExpressions() {
        Token start = peek();
        Expression first = starExpression();
        if (!peek().isOp(",")) {
            return first;
        }
        List<Expression> elts = new ArrayList<>(List.of(first));
        while (match(",")) {
            if (atExpressionEnd()) {
                break;
            }
            elts.add(starExpression());
        }
        return spanned(new Node.Tuple(elts, start.line(), start.col()), start, -1, -1, false);
    }

    private Expression starExpression() {
        Token t = peek();
        if (match("*")) {
            return covered(new Starred(bitOr(), t.line(), t.col()), t);
        }
        return namedExpression();
    }

    private Expression targetList() {
        Token start = peek();
        Expression first = targetAtom();
        if (!peek().isOp(",")) {
            return first;
        }
        List<Expression> elts = new ArrayList<>(List.of(first));
        while (match(",")) {
            if (peek().isKeyword("in") || peek().isOp("=")) {
                break;
            }
            elts.add(targetAtom());
        }
        return spanned(new Node.Tuple(elts, start.line(), start.col()), start, -1, -1, false);
    }

    private Expression targetAtom() {
        Token t = peek();
        if (match("*")) {
            return new Starred(bitOr(), t.line(), t.col());
        }
        return bitOr();
    }

    private boolean atExpressionEnd() {
        Token t = peek();
        return t.kind() == Kind.NEWLINE || t.kind() == Kind.ENDMARKER || t.isOp(")") || t.isOp("]") || t.isOp("}")
                || t.isOp("=") || t.isOp(":") || t.isOp(";") || (t.kind() == Kind.OP && isAugmentedAssign(t.text()))
                || t.isKeyword("in");
    }

    private boolean atStatementEnd() {
        return check(Kind.NEWLINE) || check(Kind.ENDMARKER) || peek().isOp(";");
    }

    private Expression namedExpression() {
        Token first = peek();
        Expression e = covered(expression(), first);
        if (peek().isOp(":=")) {
            throw notSupported("assignment expressions (:=)", peek());
        }
        return e;
    }

    public Expression expression() {
        Token t = peek();
        if (t.isKeyword("lambda")) {
            return lambda();
        }
        Expression body = disjunction();
        if (peek().isKeyword("if")) {
            advance();
            Expression test = disjunction();
            if (!peek().isKeyword("else")) {
                throw rangeError("expected 'else' after 'if' expression", t.line(), t.col());
            }
            advance();
            Expression orelse = expression();
            return new IfExp(test, body, orelse, t.line(), t.col());
        }
        return body;
    }

    private Expression lambda() {
        Token t = advance();
        Arguments args = parameters(":");
        expect(":", "invalid syntax");
        functionDepth++;
        Expression body = expression();
        functionDepth--;
        return new Lambda(args, body, t.line(), t.col());
    }

    private Expression disjunction() {
        Expression first = conjunction();
        if (!peek().isKeyword("or")) {
            return first;
        }
        List<Expression> values = new ArrayList<>(List.of(first));
        while (matchKeyword("or")) {
            values.add(conjunction());
        }
        return new BoolOp("or", values, first.line(), first.col());
    }

    private Expression conjunction() {
        Expression first = inversion();
        if (!peek().isKeyword("and")) {
            return first;
        }
        List<Expression> values = new ArrayList<>(List.of(first));
        while (matchKeyword("and")) {
            values.add(inversion());
        }
        return new BoolOp("and", values, first.line(), first.col());
    }

    private Expression inversion() {
        Token t = peek();
        if (matchKeyword("not")) {
            enter(t);
            Expression operand = inversion();
            depth--;
            return spanned(new UnaryOp("not", operand, t.line(), t.col()), t, -1, -1, false);
        }
        return comparison();
    }

    private Expression comparison() {
        Token first = peek();
        Expression left = bitOr();
        List<String> ops = new ArrayList<>();
        List<Expression> comparators = new ArrayList<>();
        while (true) {
            Token t = peek();
            String op;
            if (t.kind() == Kind.OP && isComparison(t.text())) {
                advance();
                op = t.text();
            } else if (t.isKeyword("in")) {
                advance();
                op = "in";
            } else if (t.isKeyword("not") && tokens.get(current + 1).isKeyword("in")) {
                advance();
                advance();
                op = "not in";
            } else if (t.isKeyword("is")) {
                advance();
                op = matchKeyword("not") ? "is not" : "is";
            } else {
                break;
            }
            ops.add(op);
            comparators.add(bitOr());
        }
        return ops.isEmpty() ? left
                : spanned(new Compare(left, ops, comparators, left.line(), left.col()), first, -1, -1, false);
    }

    private Expression bitOr() {
        Token first = peek();
        Expression left = bitXor();
        while (peek().isOp("|")) {
            Token op = advance();
            left = binOp(left, op, leftEnd(left), bitXor(), first);
        }
        return covered(left, first);
    }

    private Expression bitXor() {
        Token first = peek();
        Expression left = bitAnd();
        while (peek().isOp("^")) {
            Token op = advance();
            left = binOp(left, op, leftEnd(left), bitAnd(), first);
        }
        return left;
    }

    private Expression bitAnd() {
        Token first = peek();
        Expression left = shift();
        while (peek().isOp("&")) {
            Token op = advance();
            left = binOp(left, op, leftEnd(left), shift(), first);
        }
        return left;
    }

    private Expression shift() {
        Token first = peek();
        Expression left = sum();
        while (peek().isOp("<<") || peek().isOp(">>")) {
            Token op = advance();
            left = binOp(left, op, leftEnd(left), sum(), first);
        }
        return left;
    }

    private Expression sum() {
        Token first = peek();
        Expression left = term();
        while (peek().isOp("+") || peek().isOp("-")) {
            Token op = advance();
            left = binOp(left, op, leftEnd(left), term(), first);
        }
        return left;
    }

    private Expression term() {
        Token first = peek();
        Expression left = factor();
        while (peek().isOp("*") || peek().isOp("/") || peek().isOp("//") || peek().isOp("%") || peek().isOp("@")) {
            Token op = advance();
            left = binOp(left, op, leftEnd(left), factor(), first);
        }
        return left;
    }

    private Expression factor() {
        Token t = peek();
        if (t.isOp("+") || t.isOp("-") || t.isOp("~")) {
            advance();
            enter(t);
            Expression operand = factor();
            depth--;
            return spanned(new UnaryOp(t.text(), operand, t.line(), t.col()), t, -1, -1, false);
        }
        return power();
    }

    private Expression power() {
        Token first = peek();
        Expression base = primary();
        if (peek().isOp("**")) {
            Token t = advance();
            int baseEnd = leftEnd(base);
            enter(t);
            Expression exponent = factor();
            depth--;
            return binOp(base, t, baseEnd, exponent, first);
        }
        return base;
    }

    private Expression primary() {
        Token t = peek();
        if (t.isKeyword("await")) {
            throw notSupported("await expressions", t);
        }
        Token first = peek();
        Expression e = atom();
        while (true) {
            Token p = peek();
            if (p.isOp(".")) {
                advance();
                Token n = name("invalid syntax");
                e = spanned(new Attribute(e, n.text(), e.line(), e.col()), first, -1, -1, false);
            } else if (p.isOp("(")) {
                advance();
                enter(p);
                List<Expression> args = new ArrayList<>();
                List<Keyword> keywords = new ArrayList<>();
                arguments(args, keywords);
                expect(")", "invalid syntax");
                depth--;
                e = spanned(new Call(e, args, keywords, e.line(), e.col()), first, -1, -1, false);
            } else if (p.isOp("[")) {
                int valueEnd = spans.innerEnd(e) >= 0 ? spans.innerEnd(e) : tokens.get(current - 1).endCol();
                advance();
                enter(p);
                Expression slice = slices();
                int sliceEnd = spans.innerEnd(slice) >= 0 ? spans.innerEnd(slice) : tokens.get(current - 1).endCol();
                expect("]", "invalid syntax");
                depth--;
                e = spanned(new Subscript(e, slice, e.line(), e.col()), first, valueEnd, sliceEnd + 1, false);
            } else {
                return e;
            }
        }
    }

    private void arguments(List<Expression> args, List<Keyword> keywords) {
        boolean sawKeyword = false;
        boolean sawDoubleStar = false;
        // CPython's parser reports these only after reading the whole list, and a repeated keyword (a compile error) last
        String misplaced = null;
        PySyntaxError repeated = null;
        java.util.Set<String> names = new HashSet<>();
        while (!peek().isOp(")")) {
            Token t = peek();
            Token valueStart = t.kind() == Kind.OP && (t.isOp("*") || t.isOp("**")) ? tokens.get(current + 1) : t;
            if (match("*")) {
                if (sawDoubleStar) {
                    throw PySyntaxError.syntax("iterable argument unpacking follows keyword argument unpacking",
                            t.line(), t.col());
                }
                args.add(new Starred(expression(), t.line(), t.col()));
            } else if (match("**")) {
                sawDoubleStar = true;
                keywords.add(new Keyword(null, expression(), t.line(), t.col()));
            } else if (t.kind() == Kind.NAME && tokens.get(current + 1).isOp("=") && !isKeyword(t.text())) {
                advance();
                advance();
                valueStart = peek();
                keywords.add(new Keyword(t.text(), expression(), t.line(), t.col()));
                if (!names.add(t.text()) && repeated == null) {
                    repeated = rangeError("keyword argument repeated: " + t.text(), t.line(), t.col());
                }
                sawKeyword = true;
            } else {
                Expression e = namedExpression();
                if (peek().isOp("=")) {
                    throw PySyntaxError.syntax("expression cannot contain assignment, perhaps you meant \"==\"?",
                            e.line(), e.col());
                }
                if (peek().isKeyword("for")) {
                    e = new GeneratorExp(e, comprehensions(), e.line(), e.col());
                    if (!args.isEmpty() || !keywords.isEmpty() || peek().isOp(",") && !tokens.get(current + 1).isOp(")")) {
                        throw rangeError("Generator expression must be parenthesized", e.line(), e.col());
                    }
                }
                if (misplaced == null && sawDoubleStar) {
                    misplaced = "positional argument follows keyword argument unpacking";
                } else if (misplaced == null && sawKeyword) {
                    misplaced = "positional argument follows keyword argument";
                }
                args.add(e);
            }
            rejectMissingComma(valueStart);
            if (!match(",")) {
                break;
            }
        }
        if (misplaced != null) {
            // CPython reports it at the last token its parser read: the one after the arguments
            throw PySyntaxError.syntax(misplaced, peek().line(), peek().col());
        }
        if (repeated != null) {
            throw repeated;
        }
    }

    /**
     * CPython's {@code invalid_expression} rule: inside brackets, an expression directly followed by the start
     * of another is reported at the first one as a missing comma.
     */
    private void rejectMissingComma(Token valueStart) {
        Token next = peek();
        if (valueStart.kind() == Kind.NAME && SOFT_KEYWORDS.contains(valueStart.text())) {
            return;
        }
        boolean startsExpression = switch (next.kind()) {
            case NUMBER, STRING, FSTRING -> !(valueStart.kind() == Kind.NAME && tokens.get(current - 1) == valueStart);
            case NAME -> !isKeyword(next.text()) || EXPRESSION_KEYWORDS.contains(next.text());
            case OP -> next.isOp("{") || next.isOp("~");
            default -> false;
        };
        if (startsExpression) {
            String message = "invalid syntax. Perhaps you forgot a comma?";
            try {
                expression();
            } catch (PySyntaxError notAnExpression) {
                throw PySyntaxError.syntax(message, valueStart.line(), valueStart.col());
            }
            throw rangeError(message, valueStart.line(), valueStart.col());
        }
    }

    private Expression slices() {
        Token start = peek();
        Expression first = slice();
        if (!peek().isOp(",")) {
            return first;
        }
        List<Expression> elts = new ArrayList<>(List.of(first));
        while (match(",")) {
            if (peek().isOp("]")) {
                break;
            }
            elts.add(slice());
        }
        return new Node.Tuple(elts, start.line(), start.col());
    }

    private Expression slice() {
        Token t = peek();
        Expression lower = null;
        if (!t.isOp(":")) {
            lower = starExpression();
            if (!peek().isOp(":")) {
                return lower;
            }
        }
        expect(":", "invalid syntax");
        Expression upper = peek().isOp(":") || peek().isOp("]") || peek().isOp(",") ? null : expression();
        Expression step = null;
        if (match(":")) {
            step = peek().isOp("]") || peek().isOp(",") ? null : expression();
        }
        return new Slice(lower, upper, step, t.line(), t.col());
    }

    private Expression atom() {
        Token t = peek();
        switch (t.kind()) {
            case NUMBER -> {
                advance();
                return new Constant(t.value(), t.line(), t.col());
            }
            case STRING, FSTRING -> {
                return strings();
            }
            case NAME -> {
                advance();
                switch (t.text()) {
                    case "True": return new Constant(Boolean.TRUE, t.line(), t.col());
                    case "False": return new Constant(Boolean.FALSE, t.line(), t.col());
                    case "None": return new Constant(null, t.line(), t.col());
                    case "yield":
                        throw PySyntaxError.syntax("yield inside an expression is not supported in OptimLab;"
                                + " write it as its own statement", t.line(), t.col());
                    default:
                        if (isKeyword(t.text())) {
                            throw invalidSyntax(t);
                        }
                        return spanned(new Name(t.text(), t.line(), t.col()), t, -1, -1, false);
                }
            }
            case OP -> {
                switch (t.text()) {
                    case "(": return parenthesized();
                    case "[": return listDisplay();
                    case "{": return braceDisplay();
                    case "...":
                        advance();
                        return new Constant(EllipsisMarker.ELLIPSIS, t.line(), t.col());
                    default:
                        throw invalidSyntax(t);
                }
            }
            case INDENT -> throw new PySyntaxError("IndentationError", "unexpected indent", t.line(), t.col());
            default -> throw invalidSyntax(t);
        }
    }

    private Expression parenthesized() {
        Token open = advance();
        enter(open);
        try {
            if (match(")")) {
                return spanned(new Node.Tuple(List.of(), open.line(), open.col()), open, -1, -1, false);
            }
            if (peek().isKeyword("yield")) {
                throw PySyntaxError.syntax("yield inside an expression is not supported in OptimLab;"
                        + " write it as its own statement", peek().line(), peek().col());
            }
            Expression first = starExpression();
            if (peek().isKeyword("for")) {
                Expression g = new GeneratorExp(first, comprehensions(), open.line(), open.col());
                expect(")", "invalid syntax");
                return g;
            }
            if (match(")")) {
                if (first instanceof Starred s) {
                    throw PySyntaxError.syntax("cannot use starred expression here", s.line(), s.col());
                }
                spans.parenthesized(first, tokens.get(current - 2));
                return first;
            }
            List<Expression> elts = new ArrayList<>(List.of(first));
            while (match(",")) {
                if (peek().isOp(")")) {
                    break;
                }
                elts.add(starExpression());
            }
            expect(")", "invalid syntax");
            return spanned(new Node.Tuple(elts, open.line(), open.col()), open, -1, -1, false);
        } finally {
            depth--;
        }
    }

    private Expression yieldExpression() {
        Token t = advance();
        if (generatorFlags.isEmpty() || functionDepth == 0) {
            matchKeyword("from");
            if (!atExpressionEnd()) {
                starExpressions();
            }
            throw rangeError("'yield' outside function", t.line(), t.col());
        }
        generatorFlags.get(generatorFlags.size() - 1)[0] = true;
        if (matchKeyword("from")) {
            return new YieldFrom(expression(), t.line(), t.col());
        }
        Expression value = atExpressionEnd() ? null : starExpressions();
        return new Yield(value, t.line(), t.col());
    }

    private Expression listDisplay() {
        Token open = advance();
        enter(open);
        try {
            List<Expression> elts = new ArrayList<>();
            if (match("]")) {
                return spanned(new Node.List(elts, open.line(), open.col()), open, -1, -1, false);
            }
            Token firstStart = peek();
            Expression first = starExpression();
            if (peek().isKeyword("for")) {
                Expression comp = new ListComp(first, comprehensions(), open.line(), open.col());
                expect("]", "invalid syntax");
                return spanned(comp, open, -1, -1, false);
            }
            rejectMissingComma(firstStart);
            elts.add(first);
            while (match(",")) {
                if (peek().isOp("]")) {
                    break;
                }
                Token start = peek();
                elts.add(starExpression());
                rejectMissingComma(start);
            }
            expect("]", "invalid syntax");
            return spanned(new Node.List(elts, open.line(), open.col()), open, -1, -1, false);
        } finally {
            depth--;
        }
    }

    private Expression braceDisplay() {
        Token open = advance();
        enter(open);
        try {
            if (match("}")) {
                return spanned(new Dict(List.of(), List.of(), open.line(), open.col()), open, -1, -1, false);
            }
            List<Expression> keys = new ArrayList<>();
            List<Expression> values = new ArrayList<>();
            if (match("**")) {
                keys.add(null);
                values.add(bitOr());
            } else {
                Token firstStart = peek();
                Expression first = starExpression();
                if (!peek().isOp(":")) {
                    return setDisplay(open, first, firstStart);
                }
                rejectMissingValue(advance());
                Token valueStart = peek();
                Expression value = expression();
                if (peek().isKeyword("for")) {
                    Expression comp = new DictComp(first, value, comprehensions(), open.line(), open.col());
                    expect("}", "invalid syntax");
                    return spanned(comp, open, -1, -1, false);
                }
                rejectMissingComma(valueStart);
                keys.add(first);
                values.add(value);
            }
            while (match(",")) {
                if (peek().isOp("}")) {
                    break;
                }
                if (match("**")) {
                    keys.add(null);
                    values.add(bitOr());
                } else {
                    keys.add(expression());
                    if (!peek().isOp(":")) {
                        // CPython puts it on the key's last character (end_col_offset - 1)
                        Token keyEnd = tokens.get(current - 1);
                        throw PySyntaxError.syntax("':' expected after dictionary key", keyEnd.line(), keyEnd.endCol() - 1);
                    }
                    Token colon = advance();
                    rejectMissingValue(colon);
                    Token valueStart = peek();
                    values.add(expression());
                    rejectMissingComma(valueStart);
                }
            }
            expect("}", "invalid syntax");
            return spanned(new Dict(keys, values, open.line(), open.col()), open, -1, -1, false);
        } finally {
            depth--;
        }
    }

    /** CPython's invalid_kvpair rule: a ':' followed directly by '}' or ','. */
    private void rejectMissingValue(Token colon) {
        if (peek().isOp("}") || peek().isOp(",")) {
            throw PySyntaxError.syntax("expression expected after dictionary key and ':'", colon.line(), colon.col());
        }
    }

    private Expression setDisplay(Token open, Expression first, Token firstStart) {
        if (peek().isKeyword("for")) {
            Expression comp = new SetComp(first, comprehensions(), open.line(), open.col());
            expect("}", "invalid syntax");
            return spanned(comp, open, -1, -1, false);
        }
        List<Expression> elts = new ArrayList<>(List.of(first));
        rejectMissingComma(firstStart);
        while (match(",")) {
            if (peek().isOp("}")) {
                break;
            }
            Token start = peek();
            elts.add(starExpression());
            rejectMissingComma(start);
        }
        expect("}", "invalid syntax");
        return spanned(new Node.Set(elts, open.line(), open.col()), open, -1, -1, false);
    }

    private List<Comprehension> comprehensions() {
        List<Comprehension> result = new ArrayList<>();
        while (peek().isKeyword("for")) {
            advance();
            Expression target = targetList();
            checkAssignable(target, "assign", false);
            expectKeyword("in");
            Expression iter = disjunction();
            List<Expression> ifs = new ArrayList<>();
            while (matchKeyword("if")) {
                ifs.add(disjunction());
            }
            result.add(new Comprehension(target, iter, ifs));
        }
        return result;
    }

    private Expression strings() {
        Token first = peek();
        List<Expression> parts = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        boolean formatted = false;
        while (check(Kind.STRING) || check(Kind.FSTRING)) {
            Token t = advance();
            if (t.kind() == Kind.STRING) {
                pending.append((String) t.value());
            } else {
                formatted = true;
                List<Expression> fields;
                try {
                    fields = new FStringParser(t, depth).parse();
                } catch (PySyntaxError e) {
                    // CPython 3.11 parses f-strings after tokenizing and reports their errors at the token that follows
                    throw tokenError(e.getMessage(), peek());
                }
                for (Expression part : fields) {
                    if (part instanceof Constant c) {
                        pending.append((String) c.value());
                    } else {
                        if (!pending.isEmpty()) {
                            parts.add(new Constant(pending.toString(), first.line(), first.col()));
                            pending.setLength(0);
                        }
                        parts.add(part);
                    }
                }
            }
        }
        if (!formatted) {
            return new Constant(pending.toString(), first.line(), first.col());
        }
        if (!pending.isEmpty()) {
            parts.add(new Constant(pending.toString(), first.line(), first.col()));
        }
        return new JoinedStr(parts, first.line(), first.col());
    }

    // ---- token matching

    private void enter(Token t) {
        if (++depth > MAX_NESTING) {
            throw PySyntaxError.syntax("too many nested parentheses, blocks or operators (OptimLab allows "
                    + MAX_NESTING + " levels)", t.line(), t.col());
        }
    }

    /** Refuses a feature outside the subset; {@code feature} reads as a plural ("async functions are ..."). */
    private PySyntaxError notSupported(String feature, Token t) {
        return PySyntaxError.syntax(feature + " are not supported in OptimLab", t.line(), t.col());
    }

    private PySyntaxError invalidSyntax(Token t) {
        if (t.kind() == Kind.INDENT) {
            return new PySyntaxError("IndentationError", "unexpected indent", t.line(), t.col());
        }
        return tokenError("invalid syntax", t);
    }

    private void expectColon(Expression header) {
        if (peek().isOp("=")) {
            Token equals = advance();
            Spans.Span s = spans.of(header);
            if (s == null || atStatementEnd() || peek().isOp(":")) {
                throw PySyntaxError.syntax("invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                        equals.line(), equals.col());
            }
            try {
                bitOr();
            } catch (PySyntaxError noValue) {
                throw tokenError("invalid syntax", equals);
            }
            throw rangeError("invalid syntax. Maybe you meant '==' or ':=' instead of '='?", s.line(), s.col());
        }
        expectColonAtLineEnd();
    }

    /**
     * The colon after an if/elif/while/for/with/class/except header: CPython's invalid_*_stmt rules say "expected ':'"
     * only where the line ends; any other token there is plain invalid syntax.
     */
    private void expectColonAtLineEnd() {
        if (!peek().isOp(":") && !check(Kind.NEWLINE)) {
            throw invalidSyntax(peek());
        }
        expect(":", "expected ':'");
    }

    private void expectNewline() {
        if (!check(Kind.NEWLINE)) {
            throw invalidSyntax(peek());
        }
        advance();
    }

    private Token name(String message) {
        if (!check(Kind.NAME) || isKeyword(peek().text())) {
            throw tokenError(message, peek());
        }
        return advance();
    }

    private void expect(String op, String message) {
        if (!peek().isOp(op)) {
            Token t = peek();
            if (t.kind() == Kind.NEWLINE && message.equals("expected ':'")) {
                throw PySyntaxError.syntax(message, t.line(), t.col());
            }
            throw message.equals("invalid syntax") ? invalidSyntax(t) : tokenError(message, t);
        }
        advance();
    }

    private void expectKeyword(String keyword) {
        if (!peek().isKeyword(keyword)) {
            throw invalidSyntax(peek());
        }
        advance();
    }

    private boolean match(String op) {
        if (peek().isOp(op)) {
            current++;
            return true;
        }
        return false;
    }

    private boolean match(Kind kind) {
        if (check(kind)) {
            current++;
            return true;
        }
        return false;
    }

    private boolean matchKeyword(String keyword) {
        if (peek().isKeyword(keyword)) {
            current++;
            return true;
        }
        return false;
    }

    private boolean check(Kind kind) {
        return peek().kind() == kind;
    }

    private Token peek() {
        return tokens.get(current);
    }

    private Token advance() {
        return tokens.get(current++);
    }
}
