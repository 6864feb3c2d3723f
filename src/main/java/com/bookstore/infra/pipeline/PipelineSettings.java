package com.bookstore.infra.pipeline;

import java.util.List;
import java.util.Optional;

/**
 * The delivery pipeline's config ({@code bookstore:pipeline*} keys, docs/configuration.md), parsed by
 * {@code StackSettings}. Present only in a primary whose config names the repository.
 *
 * @param repository        GitHub {@code owner/name} the pipeline builds
 * @param branch            the branch whose pushes deploy, and the target branch of previewed pull requests
 * @param connectionArn     an existing, approved CodeConnections connection; absent: the stack creates one,
 *                          pending until a person approves it once in the console
 * @param manualApproval    a person approves the promotion between the primary's verification and the secondary
 * @param githubTokenSecret Secrets Manager name of the comment-only token the trusted reporter posts with
 * @param gateJar           the verify gate Lambda's jar, relative to the project directory
 * @param buildImage        the image the build-and-test project runs {@code make test} in (pipeline/README.md,
 *                          "Build image"): a public Debian image, pinned by digest
 * @param backend           where the deploy and preview builds find the Pulumi state
 */
public record PipelineSettings(
        String repository,
        String branch,
        Optional<String> connectionArn,
        boolean manualApproval,
        String githubTokenSecret,
        String gateJar,
        String buildImage,
        StateBackend backend) {

    public static final String DEFAULT_GITHUB_TOKEN_SECRET = "bookstore/pipeline/github-token";
    public static final String DEFAULT_ACCESS_TOKEN_SECRET = "bookstore/pipeline/pulumi-access-token";
    /**
     * Pulumi Cloud only: the token of the gated preview, which must be a read-only one (a team token whose team
     * has Read on the stacks; pipeline/README.md, "One-time bootstrap").
     */
    public static final String PREVIEW_ACCESS_TOKEN_SECRET = "bookstore/pipeline/pulumi-preview-token";
    public static final String DEFAULT_GATE_JAR = "lambdas/pipeline-gate/target/pipeline-gate.jar";
    /**
     * Debian bookworm with Node 20 ({@code node:20-bookworm}), from ECR Public's mirror of Docker's official images,
     * by digest: the Debian release the suites are developed on, with real chromium, redis-server, mariadb-server
     * and wordpress packages (the Ubuntu curated image has chromium only as a snap, which does not run in a
     * container). How to move it: pipeline/README.md, "Build image".
     */
    public static final String DEFAULT_BUILD_IMAGE = "public.ecr.aws/docker/library/node@sha256:"
            + "8f693eaa7e0a8e71560c9a82b55fd54c2ae920a2ba5d2cde28bac7d1c01c9ba5";

    /** Every optional key; setting one without {@code bookstore:pipelineRepository} is reported. */
    public static final List<String> KEYS = List.of(
            "bookstore:pipelineBranch", "bookstore:pipelineConnectionArn", "bookstore:pipelineManualApproval",
            "bookstore:pipelineGithubTokenSecret", "bookstore:pipelineGateJar", "bookstore:pipelineBuildImage",
            "bookstore:pipelineBackendUrl",
            "bookstore:pipelineSecretsProvider", "bookstore:pipelineAccessTokenSecret", "bookstore:pipelineStackPrefix");

    /**
     * The Pulumi state backend, as pipeline/scripts/pulumi-login.sh reads it: a self-managed S3 bucket with stack
     * secrets in KMS, or Pulumi Cloud with an access token from Secrets Manager.
     */
    public record StateBackend(Optional<String> url, Optional<String> secretsProvider,
                               Optional<String> accessTokenSecret, Optional<String> stackPrefix) {

        /** Checks the combination pulumi-login.sh needs; fills the Pulumi Cloud token's default secret name. */
        public static StateBackend of(Optional<String> url, Optional<String> secretsProvider,
                                      Optional<String> accessTokenSecret, Optional<String> stackPrefix) {
            boolean selfManaged = url.filter(u -> u.startsWith("s3://")).isPresent();
            if (selfManaged && secretsProvider.isEmpty()) {
                throw new IllegalArgumentException("bookstore:pipelineSecretsProvider is required with an s3:// "
                        + "bookstore:pipelineBackendUrl (the stacks' secrets are encrypted with that KMS key)");
            }
            if (selfManaged && accessTokenSecret.isPresent()) {
                throw new IllegalArgumentException("bookstore:pipelineAccessTokenSecret is for Pulumi Cloud; "
                        + "the s3:// backend needs no token");
            }
            return new StateBackend(url, secretsProvider,
                    selfManaged ? Optional.empty() : Optional.of(accessTokenSecret.orElse(DEFAULT_ACCESS_TOKEN_SECRET)),
                    stackPrefix);
        }

        /** The state bucket of a self-managed backend ({@code s3://bucket?region=...}). */
        public Optional<String> stateBucket() {
            return url.filter(u -> u.startsWith("s3://"))
                    .map(u -> u.substring("s3://".length()).split("[/?]", 2)[0]);
        }

        /** The key that encrypts the stacks' secrets, when the secrets provider is AWS KMS. */
        public Optional<SecretsKey> secretsKey() {
            return secretsProvider.map(SecretsKey::parse);
        }

        public static String url(String text) {
            if (!text.matches("s3://[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](/[^?]*)?(\\?.*)?|https://\\S+")) {
                throw new IllegalArgumentException("expected s3://<bucket>?region=<region> or https://... "
                        + "(Pulumi Cloud), got '" + text + "'");
            }
            return text;
        }

        public static String secretsProvider(String text) {
            SecretsKey.parse(text);
            return text;
        }

        public static String stackPrefix(String text) {
            if (!text.matches("[A-Za-z0-9._-]+/([A-Za-z0-9._-]+/)?")) {
                throw new IllegalArgumentException("expected '<organization>/' or '<organization>/<project>/', got '"
                        + text + "'");
            }
            return text;
        }
    }

    /**
     * An {@code awskms://} secrets provider: by alias ({@code awskms://alias/name?region=r}), key id
     * ({@code awskms://1234abcd-...?region=r}) or key ARN ({@code awskms:///arn:aws:kms:...}). IAM grants a key's
     * cryptographic operations on key ARNs, never on alias ARNs, so an alias is granted through the
     * {@code kms:ResourceAliases} condition.
     */
    public record SecretsKey(String region, Optional<String> alias, Optional<String> keyArn, Optional<String> keyId) {

        static SecretsKey parse(String provider) {
            if (!provider.startsWith("awskms://")) {
                throw new IllegalArgumentException("expected an awskms:// secrets provider (the pipeline's roles "
                        + "are granted that key), got '" + provider + "'");
            }
            String rest = provider.substring("awskms://".length()).replaceFirst("^/+", "");
            String[] parts = rest.split("\\?", 2);
            String key = parts[0];
            Optional<String> region = parts.length == 2 ? query(parts[1], "region") : Optional.empty();
            if (key.startsWith("arn:aws:kms:")) {
                String[] arn = key.split(":");
                if (arn.length < 6 || !arn[5].startsWith("key/")) {
                    throw new IllegalArgumentException("not a KMS key ARN: '" + key + "'");
                }
                return new SecretsKey(arn[3], Optional.empty(), Optional.of(key), Optional.empty());
            }
            if (region.isEmpty()) {
                throw new IllegalArgumentException("the awskms:// secrets provider needs ?region=<region>: '" + provider + "'");
            }
            if (key.matches("alias/[A-Za-z0-9/_-]+")) {
                return new SecretsKey(region.get(), Optional.of(key), Optional.empty(), Optional.empty());
            }
            if (key.matches("[0-9a-f-]{36}|mrk-[0-9a-f]{32}")) {
                return new SecretsKey(region.get(), Optional.empty(), Optional.empty(), Optional.of(key));
            }
            throw new IllegalArgumentException("expected alias/<name>, a key id or a key ARN after awskms://, got '"
                    + key + "'");
        }

        private static Optional<String> query(String query, String name) {
            for (String pair : query.split("&")) {
                String[] kv = pair.split("=", 2);
                if (kv.length == 2 && kv[0].equals(name) && !kv[1].isBlank()) {
                    return Optional.of(kv[1]);
                }
            }
            return Optional.empty();
        }
    }

    public static String repository(String text) {
        if (!text.matches("[A-Za-z0-9][A-Za-z0-9-]*/[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("expected a GitHub 'owner/name', got '" + text + "'");
        }
        return text;
    }

    public static String branch(String text) {
        if (!text.matches("[A-Za-z0-9._/-]+") || text.contains("..") || text.endsWith("/")) {
            throw new IllegalArgumentException("not a branch name: '" + text + "'");
        }
        return text;
    }

    public static String connectionArn(String text) {
        if (!text.matches("arn:aws:(codestar-connections|codeconnections):[a-z0-9-]+:\\d{12}:connection/[0-9a-f-]+")) {
            throw new IllegalArgumentException("not a CodeConnections connection ARN: '" + text + "'");
        }
        return text;
    }

    /**
     * An image reference pinned by digest: {@code registry/path@sha256:<64 hex>}. A tag moves under the build without
     * a commit (and {@code latest} is implied without one), so the bytes {@code make test} runs on would change
     * unseen.
     */
    public static String buildImage(String text) {
        if (!text.matches("[a-z0-9.-]+(:[0-9]+)?/[a-z0-9._/-]+@sha256:[0-9a-f]{64}")) {
            throw new IllegalArgumentException("expected an image with its registry pinned by digest, such as "
                    + DEFAULT_BUILD_IMAGE + ", got '" + text + "' (pipeline/README.md, \"Build image\", shows how to "
                    + "find a tag's digest)");
        }
        return text;
    }

    public static String secretName(String text) {
        if (!text.matches("[A-Za-z0-9/_+=.@-]{1,512}")) {
            throw new IllegalArgumentException("not a Secrets Manager secret name: '" + text + "'");
        }
        return text;
    }

    public static boolean flag(String text) {
        return switch (text) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("expected true or false, got '" + text + "'");
        };
    }
}
