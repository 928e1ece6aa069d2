package dev.optimlab.pylite.runtime;

/**
 * What {@code catch_warnings(record=True)} collects for each warning; mirrors Lib/warnings.py's
 * {@code WarningMessage} (message is the warning instance, category its class, and the place it was attributed to).
 */
final class WarningMessage implements PyObject {
    static final PyType TYPE = PyType.hostClass("WarningMessage", null, "warnings");

    private final PyBaseException message;
    private final PyType category;
    private final String filename;
    private final int lineno;

    WarningMessage(PyBaseException message, PyType category, String filename, int lineno) {
        this.message = message;
        this.category = category;
        this.filename = filename;
        this.lineno = lineno;
    }

    @Override
    public PyType pyType() {
        return TYPE;
    }

    @Override
    public Object getAttr(Interpreter in, String name) {
        return switch (name) {
            case "message" -> message;
            case "category" -> category;
            case "filename" -> filename;
            case "lineno" -> (long) lineno;
            case "file", "line", "source" -> Py.NONE;
            default -> PyObject.super.getAttr(in, name);
        };
    }

    @Override
    public String str(Interpreter in) {
        return "{message : " + Ops.repr(in, message) + ", category : " + Ops.strRepr(category.name()) + ", filename : "
                + Ops.strRepr(filename) + ", lineno : " + lineno + ", line : None}";
    }

    @Override
    public String repr(Interpreter in) {
        return "<warnings.WarningMessage object at " + in.fakeAddress(this) + ">";
    }
}
