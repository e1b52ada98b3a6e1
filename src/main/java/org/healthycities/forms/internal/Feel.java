package org.healthycities.forms.internal;

import java.util.Map;
import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * FEEL as form-js writes it ("=expression"), evaluated by the FEEL Scala engine that ships with Camunda 7.24
 * (org.camunda.feel:feel-engine, the one its DMN engine uses), so the server decides conditions and computed values.
 */
public final class Feel {

    private static final Logger log = LoggerFactory.getLogger(Feel.class);
    private static final FeelEngineApi ENGINE = FeelEngineBuilder.forJava().build();

    private Feel() {
    }

    public static boolean isExpression(String value) {
        return value != null && value.startsWith("=");
    }

    /** The value of "=expr" with the answers as variables; null when it fails (logged). */
    public static Object evaluate(String expression, Map<String, Object> variables) {
        String feel = isExpression(expression) ? expression.substring(1) : expression;
        EvaluationResult result = ENGINE.evaluateExpression(feel, variables);
        if (!result.isSuccess()) {
            log.debug("FEEL failed: {} -> {}", feel, result.failure().message());
            return null;
        }
        return result.result();
    }

    /** A condition such as conditional.hide: true only when the expression yields true. */
    static boolean isTrue(String expression, Map<String, Object> variables) {
        if (expression == null || expression.isBlank()) {
            return false;
        }
        return Boolean.TRUE.equals(evaluate(expression, variables));
    }
}
