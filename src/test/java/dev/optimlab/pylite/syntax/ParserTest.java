package dev.optimlab.pylite.syntax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.optimlab.pylite.syntax.Node.*;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("The parser")
class ParserTest {
    private static List<Statement> parse(String src) {
        return Parser.parse(src).body();
    }

    private static Expression expression(String src) {
        return ((Expr) parse(src).get(0)).value();
    }

    @Nested
    @DisplayName("Statements")
    class Statements {
        @Test
        @DisplayName("builds CPython's nodes with 1-based lines and 0-based columns")
        void positions() {
            List<Statement> body = parse("x = 1\nfor i in y:\n    x += i\n");
            assertThat(body.get(0)).isInstanceOf(Assign.class);
            For loop = (For) body.get(1);
            assertThat(loop.line()).isEqualTo(2);
            AugAssign aug = (AugAssign) loop.body().get(0);
            assertThat(aug.op()).isEqualTo("+");
            assertThat(aug.line()).isEqualTo(3);
            assertThat(aug.col()).isEqualTo(4);
        }

        @Test
        @DisplayName("keeps chained assignment targets in order")
        void chainedTargets() {
            Assign a = (Assign) parse("a = b, c = 1, 2\n").get(0);
            assertThat(a.targets()).hasSize(2);
            assertThat(a.targets().get(1)).isInstanceOf(Node.Tuple.class);
        }

        @Test
        @DisplayName("reads defaults, *args, keyword-only parameters and **kwargs")
        void parameters() {
            FunctionDef f = (FunctionDef) parse("def f(a, b=1, *args, c, d=2, **kw):\n    pass\n").get(0);
            Arguments args = f.args();
            assertThat(args.args()).extracting(Arg::arg).containsExactly("a", "b");
            assertThat(args.defaults()).hasSize(1);
            assertThat(args.vararg().arg()).isEqualTo("args");
            assertThat(args.kwonlyargs()).extracting(Arg::arg).containsExactly("c", "d");
            assertThat(args.kwarg().arg()).isEqualTo("kw");
        }

        @Test
        @DisplayName("marks functions containing yield as generators")
        void generators() {
            FunctionDef g = (FunctionDef) parse("def g():\n    yield 1\n").get(0);
            FunctionDef h = (FunctionDef) parse("def h():\n    def inner():\n        yield 1\n    return 2\n").get(0);
            assertThat(g.isGenerator()).isTrue();
            assertThat(h.isGenerator()).isFalse();
        }
    }

    @Nested
    @DisplayName("Expressions")
    class Expressions {
        @Test
        @DisplayName("gives ** higher precedence than unary minus on its left, and binds right to left")
        void power() {
            UnaryOp neg = (UnaryOp) expression("-2 ** 3 ** 2\n");
            BinOp pow = (BinOp) neg.operand();
            assertThat(pow.right()).isInstanceOf(BinOp.class);
        }

        @Test
        @DisplayName("keeps a chained comparison as one Compare node")
        void chainedComparison() {
            Compare c = (Compare) expression("a < b <= c != d\n");
            assertThat(c.ops()).containsExactly("<", "<=", "!=");
        }

        @Test
        @DisplayName("reads tensor-style subscripts with slices and Ellipsis")
        void subscripts() {
            Subscript s = (Subscript) expression("x[:, 0]\n");
            Node.Tuple index = (Node.Tuple) s.slice();
            assertThat(index.elts().get(0)).isInstanceOf(Slice.class);
            Subscript e = (Subscript) expression("x[..., ::-1]\n");
            assertThat(((Node.Tuple) e.slice()).elts().get(0)).isEqualTo(
                    new Constant(EllipsisMarker.ELLIPSIS, 1, 2));
        }

        @Test
        @DisplayName("splits an f-string into text and formatted values with conversion and spec")
        void fstrings() {
            JoinedStr j = (JoinedStr) expression("f'a{b!r:>{w}}c'\n");
            assertThat(j.values()).hasSize(3);
            FormattedValue v = (FormattedValue) j.values().get(1);
            assertThat((char) v.conversion()).isEqualTo('r');
            assertThat(v.formatSpec()).isInstanceOf(JoinedStr.class);
        }

        @Test
        @DisplayName("reads comprehensions, generator arguments, lambdas and conditional expressions")
        void others() {
            assertThat(expression("[x for x in y if x]\n")).isInstanceOf(ListComp.class);
            assertThat(expression("{k: v for k, v in d}\n")).isInstanceOf(DictComp.class);
            Call call = (Call) expression("sum(x for x in y)\n");
            assertThat(call.args().get(0)).isInstanceOf(GeneratorExp.class);
            assertThat(expression("lambda a, *b: a if b else 0\n")).isInstanceOf(Lambda.class);
        }
    }

    @Nested
    @DisplayName("Errors")
    class Errors {
        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "async def f(): pass|async functions and statements are not supported in OptimLab",
            "match x:\\n    case 1: pass|match statements are not supported in OptimLab",
            "if (n := 10) > 5: pass|assignment expressions (:=) are not supported in OptimLab",
            "f(a=1, 2)|positional argument follows keyword argument",
            "f(a=1, a=2, 3)|positional argument follows keyword argument",
            "f(a b)|invalid syntax. Perhaps you forgot a comma?",
            "f(x=1 2)|invalid syntax. Perhaps you forgot a comma?",
            "f(a=1, 2, b=3 c)|invalid syntax. Perhaps you forgot a comma?",
            "f(not x y)|invalid syntax. Perhaps you forgot a comma?",
            "f(a, b c +)|invalid syntax. Perhaps you forgot a comma?",
            "f(a \"s\")|invalid syntax",
            "f(**k, *a)|iterable argument unpacking follows keyword argument unpacking",
            "def f(a=1, b): pass|non-default argument follows default argument",
            "x = 1 +|invalid syntax",
            "for x in y\\n    pass|expected ':'",
            "print 'hi'|Missing parentheses in call to 'print'. Did you mean print(...)?",
            "return 1|'return' outside function",
            "f() = 3|cannot assign to function call here. Maybe you meant '==' instead of '='?",
            "x = yield 1|'yield' outside function",
            "def g():\\n    print((yield))|yield inside an expression is not supported in OptimLab; write it as its own statement",
        })
        @DisplayName("reports CPython's message or names the unsupported feature")
        void messages(String source, String message) {
            assertThatThrownBy(() -> parse(source.replace("\\n", "\n") + "\n")).isInstanceOf(PySyntaxError.class)
                    .hasMessage(message);
        }

        @Test
        @DisplayName("reports a missing block as IndentationError naming the statement and its line")
        void missingBlock() {
            assertThatThrownBy(() -> parse("x = 1\n\nfor i in x:\nprint(i)\n")).isInstanceOf(PySyntaxError.class)
                    .hasMessage("expected an indented block after 'for' statement on line 3")
                    .satisfies(e -> assertThat(((PySyntaxError) e).typeName()).isEqualTo("IndentationError"));
        }

        @Test
        @DisplayName("refuses nesting deeper than 100 levels instead of overflowing the stack")
        void nesting() {
            assertThatThrownBy(() -> parse("x = " + "[".repeat(101) + "]".repeat(101) + "\n"))
                    .hasMessageStartingWith("too many nested parentheses");
            assertThat(parse("x = " + "[".repeat(90) + "]".repeat(90) + "\n")).hasSize(1);
        }
    }
}
