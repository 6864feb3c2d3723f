package com.bookstore.infra.policy;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiPredicate;
import java.util.regex.Pattern;

/**
 * Whether an identity may make one request, by IAM's evaluation logic for identity policies under a permissions
 * boundary (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html): an explicit
 * Deny in either wins; otherwise an Allow must match in the identity's policies and, when there is a boundary, in the
 * boundary too. A statement matches when its actions (globs, case-insensitive), its resources (ARN globs) and every
 * condition hold for the request ("IAM JSON policy elements: Condition operators"): a key the request does not carry
 * fails every operator except the {@code ...IfExists} ones, {@code ForAllValues} and {@code Null}.
 */
final class IamEvaluation {

    /** One authorised call: an action on one resource ARN ({@code "*"} for actions without a resource type). */
    record Request(String action, String resource, Map<String, List<String>> context) {
    }

    private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

    private IamEvaluation() {
    }

    /** {@code boundary} null: the identity has no permissions boundary. */
    static boolean allowed(List<PolicyDocuments.Statement> identity, List<PolicyDocuments.Statement> boundary,
                           Request request) {
        if (denies(identity, request) || boundary != null && denies(boundary, request)) {
            return false;
        }
        return allows(identity, request) && (boundary == null || allows(boundary, request));
    }

    private static boolean allows(List<PolicyDocuments.Statement> statements, Request request) {
        return statements.stream().anyMatch(s -> s.allows() && matches(s, request));
    }

    private static boolean denies(List<PolicyDocuments.Statement> statements, Request request) {
        return statements.stream().anyMatch(s -> "Deny".equals(s.body().get("Effect")) && matches(s, request));
    }

    static boolean matches(PolicyDocuments.Statement s, Request request) {
        boolean action = s.body().containsKey("NotAction")
                ? strings(s.body().get("NotAction")).stream().noneMatch(a -> glob(a, request.action(), true))
                : s.actions().stream().anyMatch(a -> glob(a, request.action(), true));
        boolean resource = s.body().containsKey("NotResource")
                ? strings(s.body().get("NotResource")).stream().noneMatch(r -> glob(r, request.resource(), false))
                : s.resources().stream().anyMatch(r -> glob(r, request.resource(), false));
        return action && resource && conditionsHold(s.condition(), request.context());
    }

    /** Every operator and every key of a Condition block must hold (they are ANDed). */
    static boolean conditionsHold(Object condition, Map<String, List<String>> context) {
        if (!(condition instanceof Map<?, ?> operators)) {
            return true;
        }
        for (Map.Entry<?, ?> operator : operators.entrySet()) {
            if (!(operator.getValue() instanceof Map<?, ?> keys)) {
                throw new IllegalArgumentException("condition operator " + operator.getKey() + " without keys");
            }
            for (Map.Entry<?, ?> key : keys.entrySet()) {
                if (!holds(String.valueOf(operator.getKey()), strings(key.getValue()), context.get(String.valueOf(key.getKey())))) {
                    return false;
                }
            }
        }
        return true;
    }

    static boolean holds(String operator, List<String> policyValues, List<String> requestValues) {
        String op = operator;
        boolean ifExists = op.endsWith("IfExists");
        if (ifExists) {
            op = op.substring(0, op.length() - "IfExists".length());
        }
        String set = "";
        if (op.startsWith("ForAnyValue:") || op.startsWith("ForAllValues:")) {
            set = op.substring(0, op.indexOf(':'));
            op = op.substring(op.indexOf(':') + 1);
        }
        if (op.equals("Null")) {
            return policyValues.contains("true") == (requestValues == null || requestValues.isEmpty());
        }
        if (requestValues == null || requestValues.isEmpty()) {
            return ifExists || set.equals("ForAllValues");
        }
        boolean negated = op.contains("Not");
        BiPredicate<String, String> positive = switch (op.replace("Not", "")) {
            case "StringEquals", "ArnEquals" -> String::equals;
            case "StringEqualsIgnoreCase" -> String::equalsIgnoreCase;
            case "StringLike", "ArnLike" -> (pattern, value) -> glob(pattern, value, false);
            case "Bool" -> String::equalsIgnoreCase;
            default -> throw new IllegalArgumentException("condition operator " + operator
                    + " is not evaluated here: add it to IamEvaluation");
        };
        java.util.function.Predicate<String> one = value -> negated
                ? policyValues.stream().noneMatch(p -> positive.test(p, value))
                : policyValues.stream().anyMatch(p -> positive.test(p, value));
        return set.equals("ForAllValues") ? requestValues.stream().allMatch(one) : requestValues.stream().anyMatch(one);
    }

    /** IAM's wildcards: {@code *} any run of characters, {@code ?} one character. */
    static boolean glob(String pattern, String value, boolean ignoreCase) {
        return PATTERNS.computeIfAbsent((ignoreCase ? "i:" : "s:") + pattern, k -> {
            StringBuilder regex = new StringBuilder();
            for (char c : pattern.toCharArray()) {
                regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
            }
            return Pattern.compile(regex.toString(), Pattern.DOTALL | (ignoreCase ? Pattern.CASE_INSENSITIVE : 0));
        }).matcher(value).matches();
    }

    private static List<String> strings(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(IamEvaluation::text).toList();
        }
        return value == null ? List.of() : List.of(text(value));
    }

    /** Gson reads JSON booleans as Boolean; IAM compares them as text. */
    private static String text(Object value) {
        return value instanceof Boolean b ? b.toString().toLowerCase(Locale.ROOT) : String.valueOf(value);
    }
}
