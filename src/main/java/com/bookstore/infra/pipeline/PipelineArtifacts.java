package com.bookstore.infra.pipeline;

import com.bookstore.infra.region.RegionContext;
import com.bookstore.infra.security.EncryptionKey;
import com.bookstore.infra.security.EncryptionKeyArgs;
import com.bookstore.infra.storage.PrivateBucket;
import com.bookstore.infra.storage.PrivateBucketArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;

import java.util.List;
import java.util.Map;

/**
 * Where the pipelines keep what passes between stages (SourceOutput, BuildOutput, deploy outputs) and the builds'
 * caches: a private, versioned bucket, encrypted with a customer-managed key that also encrypts the pipeline's
 * logs, readable only over TLS, and emptied of old executions' artifacts by a lifecycle rule.
 */
public final class PipelineArtifacts extends ComponentResource {

    /** Long enough to re-run or inspect a month of executions; the bytes deployed are recorded in git. */
    static final int ARTIFACT_DAYS = 30;
    /** The builds' S3 caches live under this prefix, one folder per project. */
    static final String CACHE_PREFIX = "cache/";
    /** Characters of the pipeline's name and of an artifact's name CodePipeline keeps in object keys. */
    static final int PIPELINE_FOLDER = 20;
    static final int ARTIFACT_FOLDER = 10;
    /** Overwritten objects (the builds' caches) are of no use for long once replaced. */
    private static final int NONCURRENT_DAYS = 7;

    public final Output<String> bucketName;
    public final Output<String> bucketArn;
    /** Encrypts the artifacts (SSE-KMS) and the pipeline's log groups. */
    public final Output<String> keyArn;
    private final Output<String> objects;

    public PipelineArtifacts(String name, PipelineArtifactsArgs args, ComponentResourceOptions options) {
        super("bookstore:pipeline:PipelineArtifacts", name, options);
        RegionContext region = args.region();
        // The pipeline lives in the primary only, so its name is a unique alias in the account and region.
        var key = new EncryptionKey(name, new EncryptionKeyArgs(name, "pipeline artifacts and logs", region.region(),
                region.accountId(), List.of(EncryptionKey.ServiceUse.LOGS)), ComponentResourceOptions.builder().parent(this).build());
        // Bucket names are global: the account and region keep forks and regions apart, as for the UI buckets.
        Output<String> physicalName = region.accountId().applyValue(account -> name + "-" + account + "-" + region.region());
        var bucket = new PrivateBucket(name, PrivateBucketArgs
                .of(physicalName, PrivateBucket.Encryption.kms(key.arn))
                .expiring(new PrivateBucket.Expiry("expire-old-executions", ARTIFACT_DAYS, NONCURRENT_DAYS))
                .emptiedOnDestroy(args.emptiedOnDestroy()),
                ComponentResourceOptions.builder().parent(this).build());

        this.bucketName = bucket.bucketName;
        this.bucketArn = bucket.arn;
        this.objects = bucket.objects();
        this.keyArn = key.arn;
        registerOutputs(Map.of("bucketName", bucketName, "bucketArn", bucketArn, "keyArn", keyArn));
    }

    /** The bucket's objects, for the pipeline's own role. */
    public Output<String> objects() {
        return objects;
    }

    /**
     * Everything one pipeline keeps here: CodePipeline names artifact objects {@code <pipeline>/<artifact>/<id>},
     * with the pipeline's name cut to 20 characters (pipeline/README.md, "Artifacts and caches").
     */
    public Output<String> pipelineObjects(String pipelineName) {
        return bucketArn.applyValue(arn -> arn + "/" + folder(pipelineName, PIPELINE_FOLDER) + "/*");
    }

    /** One output artifact's objects; CodePipeline shortens the artifact's folder name, hence the prefix match. */
    public Output<String> artifactObjects(String pipelineName, String artifact) {
        return bucketArn.applyValue(arn -> arn + "/" + folder(pipelineName, PIPELINE_FOLDER) + "/"
                + folder(artifact, ARTIFACT_FOLDER) + "*");
    }

    /** One project's S3 cache objects. */
    public Output<String> cacheObjects(String project) {
        return bucketArn.applyValue(arn -> arn + "/" + CACHE_PREFIX + project + "/*");
    }

    private static String folder(String name, int length) {
        return name.length() <= length ? name : name.substring(0, length);
    }

    /** The S3 cache location of one build project ({@code bucket/cache/<project>}). */
    public Output<String> cacheLocation(String project) {
        return bucketName.applyValue(bucket -> bucket + "/" + CACHE_PREFIX + project);
    }
}
