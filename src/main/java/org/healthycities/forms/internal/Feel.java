package org.healthycities.forms.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.camunda.feel.api.ParseResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * FEEL as form-js writes it ("=expression"), evaluated by the FEEL Scala engine that ships with Camunda 7.24
 * (org.camunda.feel:feel-engine, the one its DMN engine uses), so the server decides conditions and computed values.
 */
public final class Feel {

    private static final Logger log = LoggerFactory.getLogger(Feel.class);
    private static final FeelEngineApi ENGINE = FeelEngineBuilder.forJava().build();
    /** Parsed once: a form's conditions are evaluated for every field of every page view and submit. */
    private static final Map<String, ParseResult> PARSED = new ConcurrentHashMap<>();
    /** The forms' expressions are a few hundred at most; a cache that grows past this is emptied, not kept growing. */
    private static final int MAX_PARSED = 2000;

    private Feel() {
    }

    public static boolean isExpression(String value) {
        return value != null && value.startsWith("=");
    }

    /** The value of "=expr" with the answers as variables; null when it fails (logged). */
    public static Object evaluate(String expression, Map<String, Object> variables) {
        String feel = isExpression(expression) ? expression.substring(1) : expression;
        Boolean literal = literal(feel);
        if (literal != null) {
            return literal; // "=true", as form-js writes an always hidden field: no engine needed
        }
        ParseResult parsed = parsed(feel);
        if (!parsed.isSuccess()) {
            log.debug("FEEL failed: {} -> {}", feel, parsed.failure().message());
            return null;
        }
        EvaluationResult result = ENGINE.evaluate(parsed.parsedExpression(), variables);
        if (!result.isSuccess()) {
            log.debug("FEEL failed: {} -> {}", feel, result.failure().message());
            return null;
        }
        return result.result();
    }

    private static Boolean literal(String feel) {
        String f = feel.strip();
        return "true".equals(f) ? Boolean.TRUE : "false".equals(f) ? Boolean.FALSE : null;
    }

    private static ParseResult parsed(String feel) {
        ParseResult parsed = PARSED.get(feel);
        if (parsed == null) {
            if (PARSED.size() >= MAX_PARSED) {
                PARSED.clear();
            }
            parsed = ENGINE.parseExpression(feel);
            PARSED.put(feel, parsed);
        }
        return parsed;
    }

    /** A condition such as conditional.hide: true only when the expression yields true. */
    static boolean isTrue(String expression, Map<String, Object> variables) {
        if (expression == null || expression.isBlank()) {
            return false;
        }
        return Boolean.TRUE.equals(evaluate(expression, variables));
    }
}
