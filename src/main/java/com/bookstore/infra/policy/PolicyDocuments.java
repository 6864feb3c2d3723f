package com.bookstore.infra.policy;

import com.bookstore.infra.plan.Plan;
import com.bookstore.infra.plan.PlannedResource;
import com.google.gson.Gson;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The policy documents in a plan (identity and resource policies), parsed into their statements. */
final class PolicyDocuments {

    /** Input properties that hold a policy document, by resource type. */
    private static final Map<String, String> DOCUMENTS = Map.of(
            "aws:iam/rolePolicy:RolePolicy", "policy",
            "aws:iam/policy:Policy", "policy",
            "aws:iam/userPolicy:UserPolicy", "policy",
            "aws:iam/groupPolicy:GroupPolicy", "policy",
            "aws:s3/bucketPolicy:BucketPolicy", "policy",
            "aws:sqs/queuePolicy:QueuePolicy", "policy",
            "aws:sns/topicPolicy:TopicPolicy", "policy",
            "aws:kms/key:Key", "policy");

    /** One statement of one document, with its actions and resources as lists. */
    record Statement(PlannedResource owner, Map<String, Object> body) {

        String sid() {
            return String.valueOf(body.getOrDefault("Sid", "(no Sid)"));
        }

        boolean allows() {
            return "Allow".equals(body.get("Effect"));
        }

        List<String> actions() {
            return strings(body.get("Action"));
        }

        List<String> resources() {
            return strings(body.get("Resource"));
        }

        /** {@code NotAction} and {@code NotResource}: in an Allow they grant everything except the listed. */
        List<String> negations() {
            return List.of("NotAction", "NotResource").stream().filter(body::containsKey).toList();
        }

        Object principal() {
            return body.get("Principal");
        }

        Object condition() {
            return body.get("Condition");
        }

        private static List<String> strings(Object value) {
            if (value instanceof List<?> list) {
                return list.stream().map(String::valueOf).toList();
            }
            return value == null ? List.of() : List.of(String.valueOf(value));
        }
    }

    static final String ROLE = "aws:iam/role:Role";

    /** Resources that attach a managed policy by ARN, and the input that names it. */
    static final Map<String, String> ATTACHMENTS = Map.of(
            "aws:iam/rolePolicyAttachment:RolePolicyAttachment", "policyArn",
            "aws:iam/userPolicyAttachment:UserPolicyAttachment", "policyArn",
            "aws:iam/groupPolicyAttachment:GroupPolicyAttachment", "policyArn",
            "aws:iam/policyAttachment:PolicyAttachment", "policyArn");

    /** A managed policy attached to an identity: the resource that attaches it and the policy's ARN. */
    record Attachment(PlannedResource owner, String policyArn) {

        boolean awsManaged() {
            return policyArn.startsWith("arn:aws:iam::aws:policy/");
        }
    }

    private PolicyDocuments() {
    }

    static List<Statement> statements(Plan plan) {
        List<Statement> statements = new ArrayList<>();
        for (PlannedResource r : plan.resources()) {
            String property = DOCUMENTS.get(r.type());
            if (property != null) {
                Inputs.string(r, property).ifPresent(json -> statements.addAll(parse(r, json)));
            }
            if (r.type().equals(ROLE) && r.inputs().get("inlinePolicies") instanceof List<?> inline) {
                for (Object policy : inline) {
                    if (policy instanceof Map<?, ?> named && named.get("policy") instanceof String json && !json.isBlank()) {
                        statements.addAll(parse(r, json));
                    }
                }
            }
        }
        return statements;
    }

    /** Managed-policy attachments: attachment resources and roles' {@code managedPolicyArns}. */
    static List<Attachment> attachments(Plan plan) {
        List<Attachment> attachments = new ArrayList<>();
        for (PlannedResource r : plan.resources()) {
            String property = ATTACHMENTS.get(r.type());
            if (property != null) {
                Inputs.string(r, property).ifPresent(arn -> attachments.add(new Attachment(r, arn)));
            }
            if (r.type().equals(ROLE) && r.inputs().get("managedPolicyArns") instanceof List<?> arns) {
                arns.forEach(arn -> attachments.add(new Attachment(r, String.valueOf(arn))));
            }
        }
        return attachments;
    }

    @SuppressWarnings("unchecked")
    static List<Statement> parse(PlannedResource owner, String json) {
        Map<String, Object> document = new Gson().fromJson(json, Map.class);
        Object body = document.get("Statement");
        List<Object> bodies = body instanceof List<?> list ? (List<Object>) list : List.of(body);
        return bodies.stream().map(b -> new Statement(owner, (Map<String, Object>) b)).toList();
    }
}
