package com.bookstore.infra.storage;

import com.bookstore.infra.storage.PrivateBucket.Encryption;
import com.bookstore.infra.storage.PrivateBucket.Expiry;
import com.bookstore.infra.storage.PrivateBucket.ServiceRead;
import com.pulumi.core.Output;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link PrivateBucket} is: start from {@link #of} and add what differs from the defaults.
 *
 * @param bucketName   required; the physical name: bucket names are global, so callers derive it from account and region
 * @param encryption   required; SSE-S3 or SSE-KMS for new objects
 * @param serviceReads default none; services that may read objects, each only for its source resource
 * @param expiry       default none (keeps everything); deletes old objects and versions
 * @param forceDestroy default false: a bucket with objects or versions refuses to be deleted; true empties it
 *                     on destroy (teardown only)
 */
public record PrivateBucketArgs(Output<String> bucketName, Encryption encryption, List<ServiceRead> serviceReads,
                                Optional<Expiry> expiry, boolean forceDestroy) {

    public PrivateBucketArgs {
        Objects.requireNonNull(bucketName, "bucketName");
        Objects.requireNonNull(encryption, "encryption");
        serviceReads = List.copyOf(serviceReads);
        Objects.requireNonNull(expiry, "expiry");
    }

    /** A bucket with no service grants that keeps every object. */
    public static PrivateBucketArgs of(Output<String> bucketName, Encryption encryption) {
        return new PrivateBucketArgs(bucketName, encryption, List.of(), Optional.empty(), false);
    }

    public PrivateBucketArgs readableBy(ServiceRead read) {
        List<ServiceRead> reads = new ArrayList<>(serviceReads);
        reads.add(read);
        return new PrivateBucketArgs(bucketName, encryption, reads, expiry, forceDestroy);
    }

    public PrivateBucketArgs expiring(Expiry expiry) {
        return new PrivateBucketArgs(bucketName, encryption, serviceReads, Optional.of(expiry), forceDestroy);
    }

    /** {@code true} only for a teardown (docs/runbooks/teardown.md): the destroy deletes every object version. */
    public PrivateBucketArgs emptiedOnDestroy(boolean empty) {
        return new PrivateBucketArgs(bucketName, encryption, serviceReads, expiry, empty);
    }
}
