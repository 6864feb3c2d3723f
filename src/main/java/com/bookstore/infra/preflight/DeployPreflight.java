package com.bookstore.infra.preflight;

import com.bookstore.infra.config.StackSettings;
import com.bookstore.infra.pipeline.PipelineSettings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a real deployment needs beyond a config that parses (docs/configuration.md, "Before deploying"): no value
 * left from the shipped example, a {@code primaryStack} that names a stack this backend can hold, a pipeline that
 * logs in where the stacks are, and the built artifacts the stack uploads. The offline plan accepts the shipped
 * example (it exists to show the plan); {@code pulumi up} and {@code make preflight} run these checks first, so a
 * deployment that cannot work stops before it creates anything.
 */
public final class DeployPreflight {

    /** The placeholders of the shipped {@code Pulumi.*.yaml}: fine for the plan, never for AWS. */
    static final Map<String, String> EXAMPLE_VALUES = Map.of(
            "bookstore:hostedZoneId", "Z0EXAMPLE0BOOKSTORE",
            "bookstore:pipelineRepository", "example-org/bookstore");
    static final String EXAMPLE_STATE_BUCKET = "example-bookstore-pulumi-state";
    static final String EXAMPLE_ACCOUNT = "123456789012";
    /** Reserved for documentation (RFC 2606, RFC 6761): nobody can delegate them to a hosted zone. */
    private static final List<String> RESERVED_DOMAINS = List.of("example.com", "example.net", "example.org",
            "example", "test", "invalid", "localhost");

    private DeployPreflight() {
    }

    /** Every problem of one stack; empty when it may be deployed. */
    public static List<String> problems(StackSettings settings, String project, StateBackend backend, Path projectDir) {
        List<String> problems = new ArrayList<>();
        exampleValues(settings, problems);
        settings.primaryStack().ifPresent(reference -> primaryStack(reference, project, backend, problems));
        settings.pipeline().ifPresent(pipeline -> pipelineBackend(pipeline.backend(), backend, problems));
        artifacts(settings, projectDir, problems);
        return problems;
    }

    /** What the two stacks must agree on: each other's regions, the domain, and where the secondary finds the primary. */
    public static List<String> pairProblems(StackSettings primary, StackSettings secondary) {
        List<String> problems = new ArrayList<>();
        if (!primary.isPrimary() || secondary.isPrimary()) {
            problems.add("expected a primary and a secondary (bookstore:role)");
            return problems;
        }
        if (!primary.peerRegion().equals(secondary.region()) || !secondary.peerRegion().equals(primary.region())) {
            problems.add("the stacks' regions do not mirror each other: the primary is in " + primary.region()
                    + " with peer " + primary.peerRegion() + ", the secondary in " + secondary.region() + " with peer "
                    + secondary.peerRegion());
        }
        if (!primary.domain().equals(secondary.domain())) {
            problems.add("bookstore:domain differs between the stacks (" + primary.domain().orElse("unset") + " and "
                    + secondary.domain().orElse("unset") + "): failover records pair the two regions under one name");
        }
        if (primary.blog().isPresent() != secondary.blog().isPresent()) {
            problems.add("bookstore:blog is " + (primary.blog().isPresent() ? "on" : "off") + " in the primary and "
                    + (secondary.blog().isPresent() ? "on" : "off") + " in the secondary: the secondary's blog is a "
                    + "replica of the primary's, so both have it or neither does");
        }
        primary.pipeline().ifPresent(pipeline -> secondary.primaryStack().ifPresent(reference -> {
            String organization = reference.split("/", 2)[0];
            boolean pipelineSelfManaged = pipeline.backend().stateBucket().isPresent();
            Optional<String> prefixOrganization = pipeline.backend().stackPrefix().map(prefix -> prefix.split("/", 2)[0]);
            if (pipelineSelfManaged && !organization.equals(StateBackend.SELF_MANAGED_ORGANIZATION)) {
                problems.add("the secondary's bookstore:primaryStack " + reference + " is a Pulumi Cloud name, but the "
                        + "pipeline's state is the self-managed " + pipeline.backend().url().orElse("")
                        + ", where the primary is " + StateBackend.SELF_MANAGED_ORGANIZATION + "/<project>/primary");
            } else if (!pipelineSelfManaged && prefixOrganization.isEmpty()) {
                problems.add("the pipeline uses Pulumi Cloud but bookstore:pipelineStackPrefix is not set: set it to "
                        + "'" + organization + "/', the organization of the secondary's bookstore:primaryStack");
            } else if (!pipelineSelfManaged && !prefixOrganization.get().equals(organization)) {
                problems.add("bookstore:pipelineStackPrefix " + pipeline.backend().stackPrefix().get()
                        + " and the secondary's bookstore:primaryStack " + reference
                        + " name different Pulumi Cloud organizations: the pipeline would deploy other stacks than the "
                        + "secondary reads");
            }
        }));
        return problems;
    }

    private static void exampleValues(StackSettings settings, List<String> problems) {
        settings.hostedZoneId().filter(EXAMPLE_VALUES.get("bookstore:hostedZoneId")::equals).ifPresent(zone ->
                problems.add("bookstore:hostedZoneId is the shipped example " + zone + ": set your public hosted zone's id, "
                        + "or remove bookstore:domain and bookstore:hostedZoneId to deploy without a domain"));
        settings.domain().filter(DeployPreflight::reserved).ifPresent(domain ->
                problems.add("bookstore:domain " + domain + " is reserved for examples and cannot be delegated to you: "
                        + "set a domain whose hosted zone you own, or remove bookstore:domain and bookstore:hostedZoneId"));
        settings.alertEmail().filter(email -> reserved(email.substring(email.indexOf('@') + 1))).ifPresent(email ->
                problems.add("bookstore:alertEmail " + email + " is an example address: nobody would confirm it"));
        settings.pipeline().ifPresent(pipeline -> {
            if (pipeline.repository().equals(EXAMPLE_VALUES.get("bookstore:pipelineRepository"))) {
                problems.add("bookstore:pipelineRepository is the shipped example " + pipeline.repository()
                        + ": set your fork's owner/name, or remove the bookstore:pipeline* keys");
            }
            pipeline.backend().stateBucket().filter(EXAMPLE_STATE_BUCKET::equals).ifPresent(bucket ->
                    problems.add("bookstore:pipelineBackendUrl names the shipped example bucket " + bucket
                            + ": set the state bucket you created (pipeline/README.md, bootstrap)"));
            pipeline.connectionArn().filter(arn -> arn.contains(":" + EXAMPLE_ACCOUNT + ":")).ifPresent(arn ->
                    problems.add("bookstore:pipelineConnectionArn is in the example account " + EXAMPLE_ACCOUNT));
        });
    }

    private static boolean reserved(String domain) {
        return RESERVED_DOMAINS.stream().anyMatch(r -> domain.equals(r) || domain.endsWith("." + r));
    }

    /** {@code <organization>/<project>/<stack>}, with the organization this backend gives every stack. */
    private static void primaryStack(String reference, String project, StateBackend backend, List<String> problems) {
        String[] parts = reference.split("/");
        String expected = backend.organization() + "/" + project + "/<primary stack>";
        if (parts.length != 3 || parts[2].isBlank()) {
            problems.add("bookstore:primaryStack " + reference + " is not a full stack name: on this backend it is "
                    + expected);
        } else if (!parts[0].equals(backend.organization()) || !parts[1].equals(project)) {
            problems.add("bookstore:primaryStack " + reference + " cannot be found on this backend, whose stacks are named "
                    + expected + (backend.isSelfManaged() ? " (a self-managed backend names every organization '"
                    + StateBackend.SELF_MANAGED_ORGANIZATION + "')" : " (Pulumi Cloud, organization "
                    + backend.organization() + ")"));
        }
    }

    /** The pipeline must log in where the stacks are, or it deploys (or fails to find) other stacks. */
    private static void pipelineBackend(PipelineSettings.StateBackend pipeline, StateBackend backend,
                                        List<String> problems) {
        boolean pipelineSelfManaged = pipeline.stateBucket().isPresent();
        if (pipelineSelfManaged != backend.isSelfManaged()) {
            problems.add("the pipeline's state backend (bookstore:pipelineBackendUrl "
                    + pipeline.url().orElse("unset: Pulumi Cloud") + ") is not the one this stack lives in ("
                    + backend.url().orElse(backend.isSelfManaged() ? "self-managed" : "Pulumi Cloud, organization "
                    + backend.organization()) + ")");
            return;
        }
        if (pipelineSelfManaged) {
            backend.url().filter(url -> url.startsWith("s3://") && !sameBucket(url, pipeline.url().orElseThrow()))
                    .ifPresent(url -> problems.add("bookstore:pipelineBackendUrl " + pipeline.url().get()
                            + " is not the backend these stacks live in: " + url));
            return;
        }
        pipeline.stackPrefix().map(prefix -> prefix.split("/", 2)[0]).filter(org -> !org.equals(backend.organization()))
                .ifPresent(org -> problems.add("bookstore:pipelineStackPrefix " + pipeline.stackPrefix().get()
                        + " names the organization " + org + ", but the stacks live in " + backend.organization()));
    }

    private static boolean sameBucket(String a, String b) {
        return bucket(a).equals(bucket(b));
    }

    private static String bucket(String url) {
        return url.substring("s3://".length()).split("[/?]", 2)[0];
    }

    private static void artifacts(StackSettings settings, Path projectDir, List<String> problems) {
        Path jar = projectDir.resolve(settings.artifacts().functionsJar());
        if (!Files.isRegularFile(jar)) {
            problems.add("the Lambda jar " + settings.artifacts().functionsJar() + " (bookstore:functionsJar) is missing: "
                    + "build it with mvn -B -ntp -f lambdas/pom.xml package -DskipTests");
        }
        Path index = projectDir.resolve(settings.artifacts().uiDist()).resolve("index.html");
        if (!Files.isRegularFile(index)) {
            problems.add("the storefront " + settings.artifacts().uiDist() + "/index.html (bookstore:uiDist) is missing, "
                    + "so the stack would serve an empty site: build it with (cd ui && npm ci && npm run build)");
        }
        settings.pipeline().map(PipelineSettings::gateJar).filter(gate -> !Files.isRegularFile(projectDir.resolve(gate)))
                .ifPresent(gate -> problems.add("the verify gate's jar " + gate + " (bookstore:pipelineGateJar) is missing: "
                        + "build it with mvn -B -ntp -f lambdas/pipeline-gate/pom.xml package -DskipTests"));
    }
}
