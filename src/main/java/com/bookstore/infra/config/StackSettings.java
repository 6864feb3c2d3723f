package com.bookstore.infra.config;

import com.bookstore.infra.blog.BlogSettings;
import com.bookstore.infra.observability.SloThresholds;
import com.bookstore.infra.pipeline.PipelineSettings;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Everything the program reads from config, parsed and validated once. Components take this record (or the
 * part they need) and never read Pulumi config themselves; tests build it directly.
 *
 * <p>Every key is documented in {@code docs/configuration.md}; a key added here belongs there too.
 */
public record StackSettings(
        Role role,
        String region,
        String peerRegion,
        String edgeRegion,
        Optional<String> primaryStack,
        Optional<String> domain,
        Optional<String> hostedZoneId,
        Optional<String> alertEmail,
        Resilience resilience,
        Sizing sizing,
        Artifacts artifacts,
        Optional<BlogSettings> blog,
        Optional<PipelineSettings> pipeline,
        Optional<CognitoEmail> cognitoEmail,
        SloThresholds slo,
        boolean teardown,
        boolean regionSwitchApproval,
        Protection protection) {

    /** The figures the resilience budget is computed from (docs/architecture.md#resilience-budget). */
    public record Resilience(
            int rtoTargetSeconds,
            int rpoTargetSeconds,
            int healthCheckIntervalSeconds,
            int healthCheckFailureThreshold,
            int dnsTtlSeconds,
            int promotionSeconds,
            int tableReplicationLagSeconds) {
    }

    /** Sizes and limits of the regional building blocks. */
    public record Sizing(
            String vpcCidr,
            int availabilityZones,
            int lambdaMemoryMb,
            int apiTimeoutSeconds,
            int consumerTimeoutSeconds,
            int logRetentionDays,
            String cacheNodeType,
            int cacheNodes,
            int apiThrottleRateLimit,
            int apiThrottleBurstLimit,
            int streamBatchSize,
            int streamMaxRetries,
            int streamMaxRecordAgeSeconds,
            String cloudFrontPriceClass,
            int checkoutLimit,
            int checkoutWindowSeconds) {
    }

    /**
     * How shoppers' sessions and the public endpoints are protected (docs/security.md).
     *
     * @param refreshTokenValidityHours how long a signed-in browser may refresh its tokens without a new sign-in
     * @param healthThrottleRateLimit   steady requests per second of the API's own {@code GET /health} route
     * @param healthThrottleBurstLimit  its burst
     * @param wafRateWindowSeconds      the window every WAF rate rule counts over
     * @param wafIpRateLimit            requests per window from one client address, at the edge, the user pool and the blog
     * @param wafTokenRateLimit         requests per window carrying one bearer token, at the edge
     */
    public record Protection(int refreshTokenValidityHours, int healthThrottleRateLimit, int healthThrottleBurstLimit,
                             int wafRateWindowSeconds, int wafIpRateLimit, int wafTokenRateLimit) {
    }

    /** Build outputs the stack deploys, relative to the project directory. */
    public record Artifacts(String functionsJar, String uiDist, String opsJar, String gateJar) {
    }

    /**
     * Cognito's e-mail through Amazon SES instead of its built-in sender (about 50 messages a day per account,
     * for trials only): the ARN of a verified SES identity and the From address, optionally a Reply-To.
     */
    public record CognitoEmail(String sesIdentityArn, String fromAddress, Optional<String> replyTo) {
    }

    public boolean isPrimary() {
        return role == Role.PRIMARY;
    }

    /** Failover DNS, certificates and the custom API domain exist only when a domain is configured. */
    public boolean hasDomain() {
        return domain.isPresent();
    }

    /**
     * Parses and validates every key; all problems are reported together, including keys of the {@code bookstore:}
     * namespace that nothing reads (a misspelled key would otherwise be silently ignored).
     */
    public static StackSettings parse(ConfigSource config) {
        Reader reader = new Reader(config);
        StackSettings settings = read(reader);
        reader.refuseUnknownKeys(config.keys());
        reader.throwIfAnyProblem();
        return settings;
    }

    /**
     * Every key the program reads: the schema that unknown keys are refused against and docs/configuration.md is
     * held to. It is what {@link #read} asks for, so a key added to the code is in the schema without a second list.
     */
    public static java.util.SortedSet<String> keys() {
        Reader reader = new Reader(ConfigSource.of(java.util.Map.of()));
        read(reader);
        return new java.util.TreeSet<>(reader.known);
    }

    /** The namespace of the program's own keys; other namespaces ({@code aws:}) belong to providers. */
    public static final String NAMESPACE = "bookstore:";

    private static StackSettings read(Reader reader) {
        Role role = reader.required("bookstore:role", Role::parse);
        String region = reader.required("aws:region", StackSettings::region);
        String peerRegion = reader.required("bookstore:peerRegion", StackSettings::region);
        String edgeRegion = reader.required("bookstore:edgeRegion", StackSettings::region);
        Optional<String> primaryStack = reader.optional("bookstore:primaryStack", Function.identity());
        Optional<String> domain = reader.optional("bookstore:domain", StackSettings::domainName);
        Optional<String> hostedZoneId = reader.optional("bookstore:hostedZoneId", Function.identity());
        Optional<String> alertEmail = reader.optional("bookstore:alertEmail", Function.identity());

        Resilience resilience = new Resilience(
                reader.integer("bookstore:rtoTargetSeconds", 900, 1, 86_400),
                reader.integer("bookstore:rpoTargetSeconds", 900, 0, 86_400),
                reader.integer("bookstore:healthCheckIntervalSeconds", 30, 10, 30),
                reader.integer("bookstore:healthCheckFailureThreshold", 3, 1, 10),
                reader.integer("bookstore:dnsTtlSeconds", 60, 0, 86_400),
                reader.integer("bookstore:promotionSeconds", 0, 0, 86_400),
                reader.integer("bookstore:tableReplicationLagSeconds", 5, 0, 86_400));
        Sizing sizing = new Sizing(
                reader.optional("bookstore:vpcCidr", StackSettings::slash16).orElse("10.0.0.0/16"),
                reader.integer("bookstore:availabilityZones", 2, 2, 3),
                reader.integer("bookstore:lambdaMemoryMb", 1024, 128, 10_240),
                reader.integer("bookstore:apiTimeoutSeconds", 10, 1, 29),
                reader.integer("bookstore:consumerTimeoutSeconds", 30, 1, 900),
                reader.integer("bookstore:logRetentionDays", 30, 1, 3653),
                reader.optional("bookstore:cacheNodeType", Function.identity()).orElse("cache.t4g.micro"),
                reader.integer("bookstore:cacheNodes", 2, 1, 6),
                reader.integer("bookstore:apiThrottleRateLimit", 100, 1, 10_000),
                reader.integer("bookstore:apiThrottleBurstLimit", 200, 1, 5_000),
                reader.integer("bookstore:streamBatchSize", 100, 1, 10_000),
                reader.integer("bookstore:streamMaxRetries", 3, 0, 10_000),
                reader.integer("bookstore:streamMaxRecordAgeSeconds", 3600, 60, 604_800),
                reader.optional("bookstore:cloudFrontPriceClass", Function.identity()).orElse("PriceClass_100"),
                // the API's per-customer checkout rate limit (docs/security.md); bounds as CheckoutLimits in the functions
                reader.integer("bookstore:checkoutLimit", 5, 1, 100_000),
                reader.integer("bookstore:checkoutWindowSeconds", 600, 1, 86_400));
        Artifacts artifacts = new Artifacts(
                reader.optional("bookstore:functionsJar", Function.identity())
                        .orElse("lambdas/functions/target/bookstore-functions.jar"),
                reader.optional("bookstore:uiDist", Function.identity()).orElse("ui/dist"),
                reader.optional("bookstore:opsJar", Function.identity()).orElse("lambdas/ops/target/bookstore-ops.jar"),
                reader.optional("bookstore:gateJar", Function.identity())
                        .orElse("lambdas/pipeline-gate/target/pipeline-gate.jar"));
        // A person approves every Region switch execution unless this is switched off (docs/failover.md).
        boolean regionSwitchApproval = reader.optional("bookstore:regionSwitchApproval", StackSettings::bool).orElse(true);

        // bookstore:blog off: no blog (most of the idle cost, docs/configuration.md); its keys are still read and
        // checked, so switching it back on finds them valid.
        boolean blogOn = reader.optional("bookstore:blog", StackSettings::onOff).orElse(true);
        BlogSettings blogSettings = new BlogSettings(
                reader.optional("bookstore:blogImage", Function.identity()).orElse(BlogSettings.DEFAULT_IMAGE),
                reader.optional("bookstore:blogEngineVersion", Function.identity()).orElse(BlogSettings.DEFAULT_ENGINE_VERSION),
                reader.optional("bookstore:blogInstanceClass", Function.identity()).orElse(BlogSettings.DEFAULT_INSTANCE_CLASS),
                reader.integer("bookstore:blogTasks", 2, 1, 20),
                reader.integer("bookstore:blogTaskCpu", 512, 256, 4096),
                reader.integer("bookstore:blogTaskMemoryMb", 1024, 512, 30_720),
                reader.optional("bookstore:blogAdminCidrs", StackSettings::cidrList).orElse(List.of()),
                reader.optional("bookstore:blogReaderEndpoint", StackSettings::bool).orElse(true));
        Optional<BlogSettings> blog = blogOn ? Optional.of(blogSettings) : Optional.empty();
        Optional<PipelineSettings> pipeline = pipeline(reader, role);
        Optional<CognitoEmail> cognitoEmail = cognitoEmail(reader);
        // Service-level alarms of each region (docs/observability.md#alarms).
        SloThresholds slo = new SloThresholds(
                reader.integer("bookstore:sloApiErrorPercent", 1, 1, 100),
                reader.integer("bookstore:sloApiLatencyMs", 1500, 50, 30_000),
                reader.integer("bookstore:sloStreamAgeSeconds", 60, 1, 86_400),
                reader.integer("bookstore:sloReplicationLatencySeconds", 60, 1, 86_400),
                reader.integer("bookstore:sloFunctionErrorsPerMinute", 5, 0, 100_000));
        // docs/runbooks/teardown.md: one `pulumi up` with it switches every protection off before the destroys.
        boolean teardown = reader.optional("bookstore:teardown", StackSettings::bool).orElse(false);
        // A token a stolen page copied stops working at this age (docs/ui.md#where-the-tokens-live); Cognito takes
        // 60 minutes to 10 years (UserPoolClient refresh_token_validity).
        // WAF rate limits: at least 10 per window, windows of 60, 120, 300 or 600 s (AWS WAF API, RateBasedStatement).
        Protection protection = new Protection(
                reader.integer("bookstore:refreshTokenValidityHours", 12, 1, 87_600),
                reader.integer("bookstore:healthThrottleRateLimit", 50, 1, 10_000),
                reader.integer("bookstore:healthThrottleBurstLimit", 100, 1, 5_000),
                reader.integer("bookstore:wafRateWindowSeconds", 300, 60, 600),
                reader.integer("bookstore:wafIpRateLimit", 2_000, 10, 2_000_000_000),
                reader.integer("bookstore:wafTokenRateLimit", 1_000, 10, 2_000_000_000));
        if (!List.of(60, 120, 300, 600).contains(protection.wafRateWindowSeconds())) {
            reader.problem("bookstore:wafRateWindowSeconds must be 60, 120, 300 or 600 (the windows AWS WAF offers)");
        }

        if (role == Role.SECONDARY && primaryStack.isEmpty()) {
            reader.problem("bookstore:primaryStack is required when bookstore:role is secondary");
        }
        if (domain.isPresent() != hostedZoneId.isPresent()) {
            reader.problem("bookstore:domain and bookstore:hostedZoneId are set together or not at all");
        }
        int interval = resilience.healthCheckIntervalSeconds();
        if (interval != 10 && interval != 30) {
            reader.problem("bookstore:healthCheckIntervalSeconds must be 10 or 30 (the intervals Route 53 offers)");
        }
        if (region != null && region.equals(peerRegion)) {
            reader.problem("bookstore:peerRegion must differ from aws:region");
        }
        if (reader.hasProblems()) {
            return null;
        }
        return new StackSettings(role, region, peerRegion, edgeRegion, primaryStack, domain, hostedZoneId,
                alertEmail, resilience, sizing, artifacts, blog, pipeline, cognitoEmail, slo, teardown,
                regionSwitchApproval, protection);
    }

    // ---- Cognito's e-mail through SES: both keys or neither. ----

    private static final String SES_IDENTITY = "bookstore:cognitoEmailSesIdentityArn";
    private static final String EMAIL_FROM = "bookstore:cognitoEmailFrom";
    private static final String EMAIL_REPLY_TO = "bookstore:cognitoEmailReplyTo";

    private static Optional<CognitoEmail> cognitoEmail(Reader reader) {
        Optional<String> identity = reader.optional(SES_IDENTITY, StackSettings::sesIdentityArn);
        Optional<String> from = reader.optional(EMAIL_FROM, StackSettings::emailAddress);
        Optional<String> replyTo = reader.optional(EMAIL_REPLY_TO, StackSettings::emailAddress);
        if (reader.isSet(SES_IDENTITY) != reader.isSet(EMAIL_FROM)) {
            reader.problem(SES_IDENTITY + " and " + EMAIL_FROM + " are set together or not at all");
        }
        if (replyTo.isPresent() && !reader.isSet(SES_IDENTITY)) {
            reader.problem(EMAIL_REPLY_TO + " needs " + SES_IDENTITY + " (the built-in sender has no Reply-To)");
        }
        if (identity.isEmpty() || from.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new CognitoEmail(identity.get(), from.get(), replyTo));
    }

    private static String sesIdentityArn(String text) {
        if (!text.matches("arn:aws[a-z-]*:ses:[a-z]{2}(-[a-z]+)+-\\d:\\d{12}:identity/.+")) {
            throw new IllegalArgumentException("not an SES identity ARN (arn:aws:ses:<region>:<account>:identity/<domain or address>): '"
                    + text + "'");
        }
        return text;
    }

    /** {@code user@example.com} or {@code Display Name <user@example.com>}, as Cognito's FromEmailAddress takes it. */
    private static String emailAddress(String text) {
        if (!text.matches("([^<>]+ <)?[^@\\s<>]+@[^@\\s<>]+\\.[^@\\s<>]+>?") || text.contains("<") != text.endsWith(">")) {
            throw new IllegalArgumentException("not an e-mail address: '" + text + "'");
        }
        return text;
    }

    // ---- The delivery pipeline (docs/architecture.md#pipeline): present only when bookstore:pipelineRepository is set. ----

    private static final String PIPELINE_SWITCH = "bookstore:pipelineRepository";

    /** The pipeline's keys; it lives in the primary only, so a secondary that sets any of them is a mistake. */
    private static Optional<PipelineSettings> pipeline(Reader reader, Role role) {
        if (!reader.isSet(PIPELINE_SWITCH)) {
            for (String key : PipelineSettings.KEYS) {
                if (reader.isSet(key)) {
                    reader.problem(key + " is set but " + PIPELINE_SWITCH + " is not (the pipeline is off)");
                }
            }
            return Optional.empty();
        }
        if (role == Role.SECONDARY) {
            reader.problem(PIPELINE_SWITCH + " belongs in the primary's config: the pipeline deploys both stacks from there");
            PipelineSettings.KEYS.forEach(reader::isSet);
            return Optional.empty();
        }
        // Every key is read (and every malformed one reported) before the settings are put together.
        Optional<String> repository = reader.optional(PIPELINE_SWITCH, PipelineSettings::repository);
        String branch = reader.optional("bookstore:pipelineBranch", PipelineSettings::branch).orElse("main");
        Optional<String> connectionArn = reader.optional("bookstore:pipelineConnectionArn", PipelineSettings::connectionArn);
        boolean manualApproval = reader.optional("bookstore:pipelineManualApproval", PipelineSettings::flag).orElse(false);
        String githubTokenSecret = reader.optional("bookstore:pipelineGithubTokenSecret", PipelineSettings::secretName)
                .orElse(PipelineSettings.DEFAULT_GITHUB_TOKEN_SECRET);
        String gateJar = reader.optional("bookstore:pipelineGateJar", Function.identity())
                .orElse(PipelineSettings.DEFAULT_GATE_JAR);
        String buildImage = reader.optional("bookstore:pipelineBuildImage", PipelineSettings::buildImage)
                .orElse(PipelineSettings.DEFAULT_BUILD_IMAGE);
        Optional<String> backendUrl = reader.optional("bookstore:pipelineBackendUrl", PipelineSettings.StateBackend::url);
        Optional<String> secretsProvider = reader.optional("bookstore:pipelineSecretsProvider",
                PipelineSettings.StateBackend::secretsProvider);
        Optional<String> accessTokenSecret = reader.optional("bookstore:pipelineAccessTokenSecret", PipelineSettings::secretName);
        Optional<String> stackPrefix = reader.optional("bookstore:pipelineStackPrefix", PipelineSettings.StateBackend::stackPrefix);
        try {
            var backend = PipelineSettings.StateBackend.of(backendUrl, secretsProvider, accessTokenSecret, stackPrefix);
            return repository.map(repo -> new PipelineSettings(repo, branch, connectionArn, manualApproval,
                    githubTokenSecret, gateJar, buildImage, backend));
        } catch (IllegalArgumentException e) {
            reader.problem(e.getMessage());
            return Optional.empty();
        }
    }

    private static String region(String text) {
        if (!text.matches("[a-z]{2}(-[a-z]+)+-\\d")) {
            throw new IllegalArgumentException("not an AWS region name: '" + text + "'");
        }
        return text;
    }

    private static String domainName(String text) {
        if (!text.matches("([a-z0-9]([a-z0-9-]*[a-z0-9])?\\.)+[a-z]{2,}")) {
            throw new IllegalArgumentException("not a lower-case DNS name: '" + text + "'");
        }
        return text;
    }

    /** A comma-separated list of IPv4 CIDR blocks (flat config files have no lists). */
    private static List<String> cidrList(String text) {
        List<String> blocks = java.util.Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        for (String block : blocks) {
            if (!block.matches("\\d{1,3}(\\.\\d{1,3}){3}/\\d{1,2}")) {
                throw new IllegalArgumentException("not an IPv4 CIDR block: '" + block + "'");
            }
        }
        return blocks;
    }

    private static boolean onOff(String text) {
        return switch (text) {
            case "on" -> true;
            case "off" -> false;
            default -> throw new IllegalArgumentException("expected on or off, got '" + text + "'");
        };
    }

    private static boolean bool(String text) {
        return switch (text) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("expected true or false, got '" + text + "'");
        };
    }

    private static String slash16(String text) {
        if (!text.matches("\\d{1,3}\\.\\d{1,3}\\.0\\.0/16")) {
            throw new IllegalArgumentException("expected an a.b.0.0/16 block, got '" + text + "'");
        }
        return text;
    }

    /** Collects every problem instead of stopping at the first, so one run shows a whole broken file. */
    private static final class Reader {
        private final ConfigSource config;
        private final List<String> problems = new ArrayList<>();
        /** Every key asked for, whether set or not: the schema. */
        private final java.util.Set<String> known = new java.util.LinkedHashSet<>();

        Reader(ConfigSource config) {
            this.config = config;
        }

        <T> T required(String key, Function<String, T> parser) {
            Optional<T> value = optional(key, parser);
            if (value.isEmpty() && config.get(key).isEmpty()) {
                problems.add(key + " is required");
            }
            return value.orElse(null);
        }

        <T> Optional<T> optional(String key, Function<String, T> parser) {
            known.add(key);
            Optional<String> text = config.get(key).map(String::trim).filter(s -> !s.isEmpty());
            if (text.isEmpty()) {
                return Optional.empty();
            }
            try {
                return Optional.of(parser.apply(text.get()));
            } catch (IllegalArgumentException e) {
                problems.add(key + ": " + e.getMessage());
                return Optional.empty();
            }
        }

        int integer(String key, int defaultValue, int min, int max) {
            return optional(key, text -> {
                int value;
                try {
                    value = Integer.parseInt(text);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("not a whole number: '" + text + "'");
                }
                if (value < min || value > max) {
                    throw new IllegalArgumentException(value + " is outside " + min + ".." + max);
                }
                return value;
            }).orElse(defaultValue);
        }

        boolean isSet(String key) {
            known.add(key);
            return config.get(key).filter(s -> !s.isBlank()).isPresent();
        }

        void problem(String message) {
            problems.add(message);
        }

        boolean hasProblems() {
            return !problems.isEmpty();
        }

        /** A key of the program's namespace that nothing reads is a typo or a leftover: refused, with a guess. */
        void refuseUnknownKeys(java.util.Set<String> present) {
            present.stream().filter(key -> key.startsWith(NAMESPACE) && !known.contains(key)).sorted().forEach(key ->
                    problems.add(key + " is not a setting of this program" + ConfigKeys.suggestion(key, known)
                            .map(guess -> " (did you mean " + guess + "?)").orElse("")
                            + "; every key is listed in docs/configuration.md"));
        }

        void throwIfAnyProblem() {
            if (!problems.isEmpty()) {
                throw new InvalidConfigException("Invalid stack config", problems);
            }
        }
    }
}
