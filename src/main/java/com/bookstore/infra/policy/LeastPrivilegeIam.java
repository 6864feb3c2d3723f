package com.bookstore.infra.policy;

import com.bookstore.infra.plan.Plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * No identity or resource policy grants more than it names. The contract (docs/infrastructure.md, "Policy rules",
 * says the same for people): an Allow statement passes when
 * <ol>
 * <li>it has neither {@code NotAction} nor {@code NotResource} (in an Allow both grant everything not listed);</li>
 * <li>every action is named in full, except a <em>partial</em> wildcard that keeps a verb and a noun
 * ({@code s3:GetBucket*}, {@code s3:Get*Configuration}) in a statement whose resources are all full ARNs or
 * owned by name (3a, 3b): it widens what may be done to our own resources, never which ones. {@code *}, {@code svc:*},
 * {@code s3:Get*} and {@code s3:*Object} are always wildcards;</li>
 * <li>every resource is a full ARN or a wildcard ARN that is
 *   <ol type="a">
 *   <li>owned by name: the text before its first wildcard (in the ARN's resource part) has a segment between
 *   {@code /} and {@code :} that starts with {@code <project>-} or equals the project and is followed by a
 *   separator ({@code table/bookstore-*}, {@code parameter/bookstore/*}); or</li>
 *   <li>the children of one named resource: objects of a named bucket ({@code arn:aws:s3:::b/*}), streams of a
 *   named log group ({@code log-group:g:*}), a named table's indexes or streams, a named cluster's ECS tasks, a
 *   named family's task definition revisions; or</li>
 *   <li>scoped by a condition that names the resources: {@code aws:ResourceTag/project} or
 *   {@code aws:RequestTag/project} equal to the project, {@code kms:ResourceAliases} to aliases without
 *   wildcards, {@code iam:AWSServiceName} to named services (service-linked roles); or</li>
 *   <li>of a type whose ids or names AWS chooses and whose actions take no tag condition, listed with the
 *   reason in {@link #AWS_NAMED};</li>
 *   </ol></li>
 * </ol>
 * or when one of {@link #ALLOWED}, each with its reason, covers the whole statement (the resource {@code "*"}
 * only ever passes that way). The project is the providers' {@code project} default tag. Role {@code inlinePolicies} are parsed like role policies; managed
 * policies are checked where the plan defines them ({@code aws:iam/policy:Policy}), and attaching an
 * AWS-managed policy (whose statements the plan cannot see) is a violation unless {@link #ALLOWED_MANAGED}
 * names it with a reason.
 */
public final class LeastPrivilegeIam implements PolicyRule {

    /** A documented exception to the rule. */
    public record AllowedWildcard(String why, Predicate<PolicyDocuments.Statement> covers) {
    }

    private static final List<String> ENI_ACTIONS = List.of(
            "ec2:CreateNetworkInterface", "ec2:DescribeNetworkInterfaces", "ec2:DeleteNetworkInterface",
            "ec2:AssignPrivateIpAddresses", "ec2:UnassignPrivateIpAddresses");

    /** What a Lambda function with active tracing sends to X-Ray (AWSXRayDaemonWriteAccess's write actions). */
    private static final List<String> TRACE_ACTIONS = List.of("xray:PutTraceSegments", "xray:PutTelemetryRecords");

    private static final List<String> GATE_ACTIONS = List.of(
            "codepipeline:PutJobSuccessResult", "codepipeline:PutJobFailureResult", "cloudwatch:GetMetricData");
    private static final String METADATA_READ = "[a-z0-9-]+:(Describe|List)[A-Za-z]+";
    private static final List<String> TAGGED_CREATES = List.of("kms:CreateKey", "cognito-idp:CreateUserPool",
            "acm:RequestCertificate", "ecs:CreateCluster", "ecs:RegisterTaskDefinition");
    private static final List<String> UNTAGGED_CREATES = List.of("route53:CreateHealthCheck", "ecs:DeregisterTaskDefinition");

    private static final List<String> LOG_DELIVERY_ACTIONS = List.of("logs:CreateLogDelivery", "logs:GetLogDelivery",
            "logs:UpdateLogDelivery", "logs:DeleteLogDelivery", "logs:ListLogDeliveries", "logs:PutResourcePolicy");

    /** The allow-list. */
    public static final List<AllowedWildcard> ALLOWED = List.of(
            new AllowedWildcard("A KMS key policy's Resource \"*\" means the key itself, and the account root keeps kms:* "
                    + "so the key can never be locked out (AWS's default key policy)",
                    s -> s.owner().type().equals("aws:kms/key:Key")
                            && s.resources().equals(List.of("*"))
                            && (!s.actions().contains("kms:*") || isAccountRoot(s.principal()))),
            new AllowedWildcard("Lambda manages a VPC function's network interfaces; EC2 offers no resource-level "
                    + "permission for these actions",
                    s -> s.resources().equals(List.of("*")) && ENI_ACTIONS.containsAll(s.actions())),
            new AllowedWildcard("A traced function sends its segments to X-Ray, whose write actions support no "
                    + "resource-level permission (Service Authorization Reference, AWS X-Ray)",
                    s -> s.resources().equals(List.of("*")) && TRACE_ACTIONS.containsAll(s.actions())),
            new AllowedWildcard("An ECR login token is account-wide: ecr:GetAuthorizationToken has no resource-level "
                    + "permission (the image pulls themselves are scoped to the blog's repositories)",
                    s -> s.resources().equals(List.of("*")) && s.actions().equals(List.of("ecr:GetAuthorizationToken"))),
            // The delivery pipeline.
            new AllowedWildcard("The verify gate reports its CodePipeline job's result and reads replication metrics; "
                    + "AWS offers no resource-level permission for these actions",
                    s -> s.resources().equals(List.of("*")) && GATE_ACTIONS.containsAll(s.actions())),
            new AllowedWildcard("Pulumi's deploy and preview read the stacks' resources back with named Describe/List "
                    + "metadata actions, most of which support no resource-level permission; they return no data "
                    + "(S3 object listings are never among them)",
                    s -> s.resources().equals(List.of("*")) && !s.actions().isEmpty()
                            && s.actions().stream().allMatch(a -> a.matches(METADATA_READ) && !a.startsWith("s3:"))),
            new AllowedWildcard("The permissions boundary grants nothing: it caps every project role at the services the "
                    + "bookstore uses (service:* on \"*\"; never *:*); the deploy roles' own grants stay exact",
                    s -> s.owner().type().equals("aws:iam/policy:Policy")
                            && Inputs.string(s.owner(), "name").filter(n -> n.endsWith("-permissions-boundary")).isPresent()
                            && s.actions().stream().noneMatch(a -> a.equals("*"))),
            new AllowedWildcard("A deploy creates the Region switch plan through Cloud Control, whose actions have no "
                    + "resource type; Cloud Control acts with the caller's credentials, which the plan-scoped "
                    + "arc-region-switch grants bound",
                    s -> s.resources().equals(List.of("*"))
                            && com.bookstore.infra.pipeline.StackAccess.CLOUD_CONTROL_ACTIONS.containsAll(s.actions())),
            new AllowedWildcard("A deploy creates KMS keys, user pools, certificates, ECS clusters, task definitions and "
                    + "health checks, and retires task definitions, with actions that support no resource-level "
                    + "permission; every create but Route 53's must carry the project tag (aws:RequestTag condition)",
                    s -> s.resources().equals(List.of("*")) && (UNTAGGED_CREATES.containsAll(s.actions())
                            || TAGGED_CREATES.containsAll(s.actions()) && requiresRequestTag(s.condition()))),
            new AllowedWildcard("HTTP API access logging is set up through CloudWatch Logs deliveries, whose actions have "
                    + "no resource type (\"*\"): the delivery actions are confined to the stacks' regions",
                    s -> LOG_DELIVERY_ACTIONS.containsAll(s.actions()) && !s.resources().isEmpty()
                            && s.resources().stream().allMatch(r -> r.matches("arn:aws:logs:[a-z0-9-]+:\\d{12}:\\*")
                                    || (r.equals("*") || r.matches("arn:aws:logs:\\*:\\d{12}:\\*"))
                                    && limitsRegions(s.condition()))),
            new AllowedWildcard("Lambda documents creating and reading an event source mapping on \"*\" (no resource "
                    + "type); creating is confined to the project's functions by lambda:FunctionArn, both to the "
                    + "stacks' regions",
                    s -> s.resources().equals(List.of("*"))
                            && com.bookstore.infra.pipeline.StackAccess.STREAM_MAPPING_STAR_ACTIONS.containsAll(s.actions())
                            && limitsRegions(s.condition()) && namesFunctions(s.condition())),
            new AllowedWildcard("A canary's role, as the CloudWatch user guide requires it (\"Required roles and "
                    + "permissions for canaries\"): s3:ListAllMyBuckets, and cloudwatch:PutMetricData only in Synthetics' "
                    + "namespace; neither action has a resource type",
                    s -> s.resources().equals(List.of("*")) && (s.actions().equals(List.of("s3:ListAllMyBuckets"))
                            || s.actions().equals(List.of("cloudwatch:PutMetricData"))
                            && s.condition() instanceof Map<?, ?> c && c.get("StringEquals") instanceof Map<?, ?> keys
                            && "CloudWatchSynthetics".equals(keys.get("cloudwatch:namespace")))),
            new AllowedWildcard("EFS creates the secondary's uploads replica with the deploy's rights and tags it with "
                    + "nothing, so neither its creation nor the mount targets on it can be scoped by tag; confined to "
                    + "the account and the stacks' regions",
                    s -> com.bookstore.infra.pipeline.StackAccess.REPLICA_ACTIONS.containsAll(s.actions())
                            && s.resources().stream().allMatch(r -> r.matches(
                                    "arn:aws:elasticfilesystem:\\*:\\d{12}:file-system/\\*"))
                            && limitsRegions(s.condition())));

    /**
     * Wildcard resource types whose ids or names AWS chooses and whose actions take no tag condition (3d), each
     * with its reason; the statement must still name its actions.
     */
    public static final Map<String, String> AWS_NAMED = Map.of(
            "arn:aws:lambda:[^:]+:\\d{12}:event-source-mapping:\\*",
            "Lambda gives event source mappings UUIDs when they are created",
            "arn:aws:route53:::(healthcheck|change)/\\*",
            "Route 53 gives health checks and changes ids when they are created",
            "arn:aws:cloudfront::\\d{12}:(distribution|origin-access-control|cache-policy|response-headers-policy)/\\*",
            "CloudFront gives distributions and origin access controls ids; the cache and header policies used are AWS's managed ones",
            "arn:aws:apigateway:[^:]+::/(apis|domainnames|tags)/\\*",
            "API Gateway gives HTTP APIs ids when they are created",
            "arn:aws:apigateway:[^:]+::/(apis|domainnames)",
            "Creating an HTTP API or a custom domain name is a POST on the collection, which has no name of ours",
            "arn:aws:elasticache:[^:]+:\\d{12}:user:default",
            "The default user is ElastiCache's own, which every replication group refers to",
            "arn:aws:codestar-connections:[^:]+:\\d{12}:connection/\\*",
            "CodeConnections gives connections UUIDs when they are created",
            "arn:aws:ecr:[^:]+:\\d{12}:repository/\\*",
            "ECR's pull-through cache rule actions act on the registry, whose repositories the upstream names",
            "arn:aws:(elasticache|rds):[^:]+:\\d{12}:(parametergroup|cluster-pg|pg):default\\.\\*",
            "AWS's own default parameter groups, which the clusters refer to",
            "arn:aws:(logs:[^:]+:\\d{12}:log-group:/aws/lambda/|lambda:[^:]+:\\d{12}:(function|layer):)cwsyn-[a-z0-9_-]+-\\*(:\\*)?",
            "Synthetics names a canary's function, layers and log group cwsyn-<canary name>-<id>, the id chosen when the "
                    + "canary is created (CloudWatch user guide, \"Required roles and permissions for canaries\")");
    private static final List<Pattern> AWS_NAMED_PATTERNS = AWS_NAMED.keySet().stream().map(Pattern::compile).toList();

    /** AWS-managed policies a role may carry, each with why its content is acceptable. None so far. */
    public static final Map<String, String> ALLOWED_MANAGED = Map.of();

    private static final Pattern WILDCARD = Pattern.compile("[*?]");
    /** A partial action wildcard that keeps a verb and a noun: {@code s3:GetBucket*}, {@code s3:Get*Configuration}. */
    private static final Pattern PARTIAL_ACTION = Pattern.compile("[a-z0-9-]+:[A-Z][a-z]+([A-Z][A-Za-z]*\\*|\\*[A-Z][A-Za-z]+)");
    /** The children of one named resource, by the ARN's resource part (3b). */
    private static final List<Pattern> CHILDREN_OF_NAMED = Stream.of(
            "arn:aws:s3:::[^*?/]+/.*",
            "arn:aws:logs:[^:]+:\\d+:log-group:[^*?:]+:(log-stream:)?\\*",
            "arn:aws:dynamodb:[^:]+:\\d+:table/[^*?/]+/(index|stream)/\\*",
            "arn:aws:ecs:[^:]+:\\d+:task/[^*?/]+/\\*",
            "arn:aws:ecs:[^:]+:\\d+:task-definition/[^*?/:]+:\\*").map(Pattern::compile).toList();

    @Override
    public String id() {
        return "iam-least-privilege";
    }

    @Override
    public List<Violation> check(Plan plan) {
        String project = project(plan);
        List<Violation> violations = new ArrayList<>();
        for (PolicyDocuments.Statement s : PolicyDocuments.statements(plan)) {
            if (!s.allows() || ALLOWED.stream().anyMatch(e -> e.covers().test(s))) {
                continue;
            }
            String where = "statement " + s.sid() + " allows ";
            if (!s.negations().isEmpty()) {
                violations.add(new Violation(id(), s.owner().key(), where + "with " + s.negations()
                        + ", which grants everything not listed"));
            }
            boolean ownedByName = !s.resources().isEmpty()
                    && s.resources().stream().allMatch(r -> !WILDCARD.matcher(r).find() || ownedByName(r, project));
            List<String> wildcardActions = s.actions().stream()
                    .filter(a -> WILDCARD.matcher(a).find() && !(ownedByName && PARTIAL_ACTION.matcher(a).matches()))
                    .toList();
            if (!wildcardActions.isEmpty()) {
                violations.add(new Violation(id(), s.owner().key(), where + "wildcard action(s) " + wildcardActions));
            }
            if (s.resources().contains("*")) {
                violations.add(new Violation(id(), s.owner().key(), where + s.actions() + " on every resource (\"*\")"));
            }
            List<String> unscoped = s.resources().stream()
                    .filter(r -> !r.equals("*") && WILDCARD.matcher(r).find() && !ownedByName(r, project) && !awsNamed(r))
                    .toList();
            if (!unscoped.isEmpty() && !scopedByCondition(s.condition(), project)) {
                violations.add(new Violation(id(), s.owner().key(), where + "wildcard resource(s) " + unscoped
                        + " that name no " + project + "-owned resource and no condition names the resources"));
            }
        }
        for (PolicyDocuments.Attachment a : PolicyDocuments.attachments(plan)) {
            if (a.awsManaged() && !ALLOWED_MANAGED.containsKey(a.policyArn())) {
                violations.add(new Violation(id(), a.owner().key(), "attaches the AWS-managed policy "
                        + a.policyArn() + ", whose statements the plan cannot check"));
            }
        }
        return violations;
    }

    /** The project name the providers tag everything with; null when none does (then no name is owned). */
    static String project(Plan plan) {
        return plan.providers().stream().map(p -> p.defaultTags().get("project"))
                .filter(t -> t != null && !t.isBlank()).findFirst().orElse(null);
    }

    /** A wildcard resource owned by its name (3a) or the children of one named resource (3b). */
    static boolean ownedByName(String resource, String project) {
        return CHILDREN_OF_NAMED.stream().anyMatch(p -> p.matcher(resource).matches()) || projectPrefixed(resource, project);
    }

    private static boolean awsNamed(String resource) {
        return AWS_NAMED_PATTERNS.stream().anyMatch(p -> p.matcher(resource).matches());
    }

    private static boolean projectPrefixed(String resource, String project) {
        if (project == null) {
            return false;
        }
        String[] arn = resource.split(":", 6);
        String part = resource.startsWith("arn:") && arn.length == 6 ? arn[5] : resource;
        Matcher wildcard = WILDCARD.matcher(part);
        String prefix = wildcard.find() ? part.substring(0, wildcard.start()) : part;
        String[] segments = prefix.split("[/:]", -1);
        for (int i = 0; i < segments.length; i++) {
            // "bookstore/" is owned; a last segment "bookstore" (as in "bookstore*") is not.
            if (segments[i].startsWith(project + "-") || segments[i].equals(project) && i < segments.length - 1) {
                return true;
            }
        }
        return false;
    }

    /** A condition that names the resources (3c), under a string-equality operator. */
    static boolean scopedByCondition(Object condition, String project) {
        if (!(condition instanceof Map<?, ?> operators)) {
            return false;
        }
        return operators.entrySet().stream()
                .filter(op -> String.valueOf(op.getKey()).matches("(ForAnyValue:|ForAllValues:)?StringEquals"))
                .filter(op -> op.getValue() instanceof Map<?, ?>)
                .flatMap(op -> ((Map<?, ?>) op.getValue()).entrySet().stream())
                .anyMatch(key -> namesResources(String.valueOf(key.getKey()), values(key.getValue()), project));
    }

    private static boolean namesResources(String key, List<String> values, String project) {
        if (values.isEmpty() || values.stream().anyMatch(v -> WILDCARD.matcher(v).find())) {
            return false;
        }
        return switch (key) {
            case "aws:ResourceTag/project", "aws:RequestTag/project" -> project != null && values.equals(List.of(project));
            case "kms:ResourceAliases", "iam:AWSServiceName" -> true;
            default -> false;
        };
    }

    private static List<String> values(Object value) {
        return value instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of(String.valueOf(value));
    }

    private static boolean requiresRequestTag(Object condition) {
        return condition instanceof Map<?, ?> operators && operators.get("StringEquals") instanceof Map<?, ?> keys
                && keys.keySet().stream().anyMatch(k -> String.valueOf(k).startsWith("aws:RequestTag/"));
    }

    /** The statement names the regions it may act in ({@code aws:RequestedRegion}), so an ARN's region may be "*". */
    private static boolean limitsRegions(Object condition) {
        return condition instanceof Map<?, ?> operators && operators.get("StringEquals") instanceof Map<?, ?> keys
                && keys.containsKey("aws:RequestedRegion");
    }

    /** An ArnLike condition on lambda:FunctionArn naming functions by a prefix (never a bare wildcard). */
    private static boolean namesFunctions(Object condition) {
        return condition instanceof Map<?, ?> operators && operators.entrySet().stream()
                .filter(e -> String.valueOf(e.getKey()).startsWith("ArnLike"))
                .map(e -> e.getValue() instanceof Map<?, ?> keys ? keys.get("lambda:FunctionArn") : null)
                .anyMatch(arn -> arn instanceof String s && s.matches("arn:aws:lambda:[^:]+:\\d{12}:function:[a-z0-9-]+\\*"));
    }

    private static boolean isAccountRoot(Object principal) {
        return principal instanceof Map<?, ?> map && map.get("AWS") instanceof String arn
                && arn.matches("arn:aws:iam::\\d{12}:root");
    }
}
