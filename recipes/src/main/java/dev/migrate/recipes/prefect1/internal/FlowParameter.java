package dev.migrate.recipes.prefect1.internal;

import dev.migrate.recipes.python.PyValues;
import dev.migrate.rewriters.python.query.Argument;
import dev.migrate.rewriters.python.query.CallView;
import dev.migrate.rewriters.python.query.Expressions;
import dev.migrate.rewriters.python.query.Imports;
import dev.migrate.rewriters.python.query.Statements;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import java.util.Optional;
import java.util.Set;

/**
 * A Prefect 1 {@code x = Parameter("name", default=..., required=...)} (or {@code DateTimeParameter}) as a flow
 * function parameter. Prefect 1 makes a Parameter required when it has no default and {@code required} is not
 * given, and ignores the default of a required one.
 *
 * @param apiName  the name runs pass the value under (the function parameter's name)
 * @param variable the Python name the flow body reads it through
 * @param defaultCode the default as Python source, or null when required
 * @param dateTime whether it is a DateTimeParameter (typed {@code datetime})
 */
public record FlowParameter(Node statement, String apiName, String variable, String defaultCode, boolean dateTime) {
    private static final Set<String> PARAMETER = Set.of("prefect.Parameter", "prefect.core.Parameter",
            "prefect.core.parameter.Parameter");
    private static final Set<String> DATETIME_PARAMETER = Set.of("prefect.core.parameter.DateTimeParameter",
            "prefect.core.DateTimeParameter", "prefect.DateTimeParameter");

    public boolean required() {
        return defaultCode == null;
    }

    /** Whether a statement creates a Parameter (it need not be convertible). */
    public static boolean isParameterCall(Node expr, Imports imports) {
        Node e = Expressions.unwrap(expr);
        return e.kind() == NodeKind.CALL && imports.qualifiedName(e)
                .filter(q -> PARAMETER.contains(q) || DATETIME_PARAMETER.contains(q)).isPresent();
    }

    /** Empty when the statement is not a plain {@code name = Parameter("literal", ...)}. */
    public static Optional<FlowParameter> read(Node stmt, Imports imports) {
        Optional<Statements.Assignment> a = Statements.assignment(stmt);
        if (a.isEmpty() || !a.get().operator().equals("=") || a.get().targets().size() != 1
                || a.get().targets().get(0).kind() != NodeKind.NAME || !isParameterCall(a.get().value(), imports)) {
            return Optional.empty();
        }
        CallView call = new CallView(Expressions.unwrap(a.get().value()));
        Optional<String> name = call.argument("name", 0).flatMap(x -> PyValues.string(x.value()));
        // Parameter("from") is a valid run parameter name but no Python parameter name
        if (name.isEmpty() || !name.get().matches("[A-Za-z_][A-Za-z0-9_]*") || PyKeywords.is(name.get())) {
            return Optional.empty();
        }
        for (Argument arg : call.arguments()) {
            if (arg.keyword() != null && !Set.of("name", "default", "required").contains(arg.keyword())) {
                return Optional.empty(); // tags=, slug= ...: nothing to carry them to
            }
        }
        boolean dateTime = imports.qualifiedName(call.node()).filter(DATETIME_PARAMETER::contains).isPresent();
        Optional<Argument> dflt = dateTime ? call.keyword("default") : call.argument("default", 1);
        Optional<String> required = call.keyword("required").map(r -> r.value().print().strip());
        boolean isRequired = required.map("True"::equals).orElse(dflt.isEmpty());
        if (required.isPresent() && !required.get().equals("True") && !required.get().equals("False")) {
            return Optional.empty();
        }
        String code = isRequired ? null : dflt.map(d -> d.value().print().strip()).orElse("None");
        return Optional.of(new FlowParameter(stmt, name.get(), Expressions.name(a.get().targets().get(0)), code, dateTime));
    }

    /** {@code name}, {@code name=default} or {@code name: hint = default}. */
    public String signature(String dateTimeHint) {
        String hint = dateTime ? ": " + dateTimeHint : "";
        if (required()) {
            return apiName + hint;
        }
        return apiName + (hint.isEmpty() ? "=" + defaultCode : hint + " = " + defaultCode);
    }
}
