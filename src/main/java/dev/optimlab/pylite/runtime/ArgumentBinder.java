package dev.optimlab.pylite.runtime;

import dev.optimlab.pylite.syntax.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Binds call arguments to a function's parameters with CPython's TypeError texts; mirrors
 * Python/ceval.c's initialize_locals, missing_arguments and too_many_positional.
 */
final class ArgumentBinder {
    private ArgumentBinder() {
    }

    static void bind(PyFunction fn, Map<String, Object> locals, Object[] args, Map<String, Object> kwargs) {
        Node.Arguments p = fn.parameters();
        List<Node.Arg> params = p.args();
        int nParams = params.size();
        String name = fn.qualname() + "()";
        int nPos = Math.min(args.length, nParams);
        for (int i = 0; i < nPos; i++) {
            locals.put(params.get(i).arg(), args[i]);
        }
        if (p.vararg() != null) {
            Object[] rest = args.length > nParams ? java.util.Arrays.copyOfRange(args, nParams, args.length) : new Object[0];
            locals.put(p.vararg().arg(), new PyTuple(rest));
        } else if (args.length > nParams) {
            throw tooManyPositional(fn, name, args.length, kwargs);
        }
        PyDict extra = p.kwarg() != null ? new PyDict() : null;
        if (kwargs != null) {
            for (Map.Entry<String, Object> e : kwargs.entrySet()) {
                String key = e.getKey();
                if (isParameter(params, key) || isParameter(p.kwonlyargs(), key)) {
                    if (locals.containsKey(key) && !(p.vararg() != null && key.equals(p.vararg().arg()))) {
                        throw PyException.typeError(name + " got multiple values for argument '" + key + "'");
                    }
                    locals.put(key, e.getValue());
                } else if (extra != null) {
                    extra.put(key, e.getValue());
                } else {
                    throw PyException.typeError(name + " got an unexpected keyword argument '" + key + "'");
                }
            }
        }
        if (extra != null) {
            locals.put(p.kwarg().arg(), extra);
        }
        Object[] defaults = fn.defaults();
        int firstDefault = nParams - defaults.length;
        List<String> missing = new ArrayList<>();
        for (int i = nPos; i < nParams; i++) {
            String param = params.get(i).arg();
            if (!locals.containsKey(param)) {
                if (i >= firstDefault) {
                    locals.put(param, defaults[i - firstDefault]);
                } else {
                    missing.add(param);
                }
            }
        }
        if (!missing.isEmpty()) {
            throw missing(name, missing, "positional");
        }
        for (Node.Arg a : p.kwonlyargs()) {
            if (!locals.containsKey(a.arg())) {
                Object d = fn.kwDefaults().get(a.arg());
                if (d != null) {
                    locals.put(a.arg(), d);
                } else {
                    missing.add(a.arg());
                }
            }
        }
        if (!missing.isEmpty()) {
            throw missing(name, missing, "keyword-only");
        }
    }

    private static boolean isParameter(List<Node.Arg> params, String key) {
        for (Node.Arg a : params) {
            if (a.arg().equals(key)) {
                return true;
            }
        }
        return false;
    }

    private static PyException missing(String name, List<String> names, String kind) {
        StringBuilder sb = new StringBuilder(name).append(" missing ").append(names.size()).append(" required ")
                .append(kind).append(names.size() == 1 ? " argument: " : " arguments: ");
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) {
                sb.append(names.size() == 2 ? " and " : i == names.size() - 1 ? ", and " : ", ");
            }
            sb.append('\'').append(names.get(i)).append('\'');
        }
        return PyException.typeError(sb.toString());
    }

    private static PyException tooManyPositional(PyFunction fn, String name, int given, Map<String, Object> kwargs) {
        int max = fn.parameters().args().size();
        int min = max - fn.defaults().length;
        String takes = min == max ? max + " positional argument" + (max == 1 ? "" : "s")
                : "from " + min + " to " + max + " positional arguments";
        int kwonlyGiven = 0;
        if (kwargs != null) {
            for (Node.Arg a : fn.parameters().kwonlyargs()) {
                if (kwargs.containsKey(a.arg())) {
                    kwonlyGiven++;
                }
            }
        }
        String was = given == 1 ? "was" : "were";
        if (kwonlyGiven > 0) {
            return PyException.typeError(name + " takes " + takes + " but " + given + " positional argument"
                    + (given == 1 ? "" : "s") + " (and " + kwonlyGiven + " keyword-only argument"
                    + (kwonlyGiven == 1 ? "" : "s") + ") were given");
        }
        return PyException.typeError(name + " takes " + takes + " but " + given + " " + was + " given");
    }
}
