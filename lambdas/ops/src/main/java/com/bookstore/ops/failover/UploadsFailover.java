package com.bookstore.ops.failover;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.efs.EfsClient;
import software.amazon.awssdk.services.efs.model.DeleteReplicationConfigurationRequest;
import software.amazon.awssdk.services.efs.model.DeletionMode;
import software.amazon.awssdk.services.efs.model.DescribeFileSystemsRequest;
import software.amazon.awssdk.services.efs.model.DescribeReplicationConfigurationsRequest;
import software.amazon.awssdk.services.efs.model.Destination;
import software.amazon.awssdk.services.efs.model.FileSystemDescription;
import software.amazon.awssdk.services.efs.model.FileSystemNotFoundException;
import software.amazon.awssdk.services.efs.model.LifeCycleState;
import software.amazon.awssdk.services.efs.model.ReplicationConfigurationDescription;
import software.amazon.awssdk.services.efs.model.ReplicationNotFoundException;
import software.amazon.awssdk.services.efs.model.ReplicationOverwriteProtection;
import software.amazon.awssdk.services.efs.model.ReplicationStatus;

/**
 * Makes the target region's copy of the blog's uploads writable after an unplanned promotion. That copy is
 * the destination of an EFS replication from the primary's file system and stays read-only while the
 * replication exists; deleting the replication (asked in the destination's region, since the source's may
 * be down) ends it, and EFS then turns the file system writable and re-enables its replication overwrite
 * protection, which takes a few minutes.
 *
 * <p>Never part of a planned switchover: with both regions healthy the replication keeps the secondary's
 * copy complete (RPO 0 for uploads), and ending it would need the replication rebuilt before failback.
 */
public final class UploadsFailover {

    /** Which sides of the replication EFS deletes. */
    public enum Scope {
        /** EFS's default: the configuration in both regions. */
        BOTH_REGIONS(DeletionMode.ALL_CONFIGURATIONS),
        /**
         * Only this region's side, for when EFS cannot reach the source region. The source's side is left
         * behind and must be deleted there once its region is back (failback runbook).
         */
        THIS_REGION_ONLY(DeletionMode.LOCAL_CONFIGURATION_ONLY);

        final DeletionMode deletionMode;

        Scope(DeletionMode deletionMode) {
            this.deletionMode = deletionMode;
        }

        public static Scope parse(String text) {
            return switch (text == null ? "" : text.toLowerCase(Locale.ROOT)) {
                case "both" -> BOTH_REGIONS;
                case "local-only" -> THIS_REGION_ONLY;
                default -> throw new PromotionException(
                        "unknown uploads deletion '" + text + "': use 'both' (the default) or 'local-only'");
            };
        }
    }

    /** What was done: whether the replication had to be ended, and since when the copy lacks changes. */
    public record Result(String fileSystemId, boolean changed, Optional<Instant> lastReplicated,
                         Duration waited) {}

    private final EfsClient efs;
    private final Consumer<String> progress;
    private final Polling polling;

    /** {@code efs} must be a client of the destination's (the target) region. */
    public UploadsFailover(EfsClient efs, Sleeper sleeper, Consumer<String> progress, Duration pollInterval,
                           Duration timeout) {
        this.efs = efs;
        this.progress = progress;
        this.polling = new Polling(sleeper, progress, pollInterval, timeout);
    }

    public Result makeWritable(String fileSystemId, Scope scope) {
        FileSystemDescription fileSystem = describe(fileSystemId);
        Optional<ReplicationConfigurationDescription> replication = replicationOf(fileSystemId);
        if (replication.isEmpty() && isWritable(fileSystem)) {
            progress.accept("Uploads: " + fileSystemId + " is writable already (no replication); nothing to do.");
            return new Result(fileSystemId, false, Optional.empty(), Duration.ZERO);
        }
        if (replication.isEmpty() && protection(fileSystem) == ReplicationOverwriteProtection.DISABLED) {
            // Read-only, waiting to become a replica that never came: EFS will not change it by itself.
            throw new PromotionException(fileSystemId + " is read-only (replication overwrite protection DISABLED)"
                    + " but no replication writes to it. Make it writable with 'aws efs update-file-system-protection"
                    + " --file-system-id " + fileSystemId + " --replication-overwrite-protection ENABLED'.");
        }
        Optional<Instant> lastReplicated = Optional.empty();
        if (replication.isPresent()) {
            ReplicationConfigurationDescription configuration = replication.get();
            Destination destination = destinationOf(configuration, fileSystemId);
            lastReplicated = Optional.ofNullable(destination.lastReplicatedTimestamp());
            progress.accept("Uploads: " + fileSystemId + " replicates from " + configuration.sourceFileSystemId()
                    + " in " + configuration.sourceFileSystemRegion() + "; last replicated "
                    + lastReplicated.map(Object::toString).orElse("never")
                    + " (files changed there after that are not in this copy).");
            if (destination.status() == ReplicationStatus.DELETING) {
                progress.accept("Uploads: the replication is being deleted already; waiting for it.");
            } else {
                delete(configuration, scope);
            }
        }
        Duration waited = polling.until(() -> describe(fileSystemId), UploadsFailover::isWritable,
                fileSystemId + " to become writable",
                UploadsFailover::where,
                scope == Scope.BOTH_REGIONS
                        ? "If the source region does not answer, rerun with --uploads-deletion local-only."
                        : "EFS may still finish: check 'aws efs describe-file-systems --file-system-id " + fileSystemId + "'.");
        progress.accept("Uploads: " + fileSystemId + " is writable (after " + waited.toSeconds() + " s).");
        return new Result(fileSystemId, true, lastReplicated, waited);
    }

    private void delete(ReplicationConfigurationDescription configuration, Scope scope) {
        progress.accept("Uploads: deleting the replication from " + configuration.sourceFileSystemId()
                + (scope == Scope.THIS_REGION_ONLY ? " in this region only" : " in both regions") + ".");
        try {
            efs.deleteReplicationConfiguration(DeleteReplicationConfigurationRequest.builder()
                    .sourceFileSystemId(configuration.sourceFileSystemId())
                    .deletionMode(scope.deletionMode).build());
        } catch (ReplicationNotFoundException e) {
            progress.accept("Uploads: the replication was gone already.");
        } catch (SdkException e) {
            String hint = scope == Scope.BOTH_REGIONS
                    ? " If EFS cannot reach the source region, rerun with --uploads-deletion local-only"
                      + " (the source's side is then deleted at failback)."
                    : "";
            throw new PromotionException("EFS refused to end the uploads replication from "
                    + configuration.sourceFileSystemId() + ": " + e.getMessage() + hint, e);
        }
    }

    /** Writable once EFS has re-enabled the overwrite protection (it is REPLICATING while a replica). */
    private static boolean isWritable(FileSystemDescription fileSystem) {
        return fileSystem.lifeCycleState() == LifeCycleState.AVAILABLE
                && protection(fileSystem) == ReplicationOverwriteProtection.ENABLED;
    }

    private static ReplicationOverwriteProtection protection(FileSystemDescription fileSystem) {
        return fileSystem.fileSystemProtection() == null ? null
                : fileSystem.fileSystemProtection().replicationOverwriteProtection();
    }

    private static String where(FileSystemDescription fileSystem) {
        return "file system is '" + fileSystem.lifeCycleStateAsString() + "', replication overwrite protection '"
                + (fileSystem.fileSystemProtection() == null ? "unknown"
                        : fileSystem.fileSystemProtection().replicationOverwriteProtectionAsString()) + "'";
    }

    private FileSystemDescription describe(String fileSystemId) {
        try {
            return efs.describeFileSystems(DescribeFileSystemsRequest.builder().fileSystemId(fileSystemId).build())
                    .fileSystems().stream().findFirst()
                    .orElseThrow(() -> notFound(fileSystemId, null));
        } catch (FileSystemNotFoundException e) {
            throw notFound(fileSystemId, e);
        } catch (SdkException e) {
            throw new PromotionException("Cannot describe the uploads file system " + fileSystemId + ": " + e.getMessage(), e);
        }
    }

    private static PromotionException notFound(String fileSystemId, Exception cause) {
        return new PromotionException("No file system " + fileSystemId + " in the target region (take the id from"
                + " 'pulumi stack output blogUploadsFileSystemId --stack secondary').", cause);
    }

    private Optional<ReplicationConfigurationDescription> replicationOf(String fileSystemId) {
        try {
            return efs.describeReplicationConfigurations(DescribeReplicationConfigurationsRequest.builder()
                    .fileSystemId(fileSystemId).build()).replications().stream().findFirst();
        } catch (ReplicationNotFoundException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw new PromotionException("Cannot read the uploads replication of " + fileSystemId + ": " + e.getMessage(), e);
        }
    }

    /** The file system named must be the replica; the source's id means the wrong stack's output was taken. */
    private static Destination destinationOf(ReplicationConfigurationDescription configuration, String fileSystemId) {
        return configuration.destinations().stream()
                .filter(destination -> fileSystemId.equals(destination.fileSystemId()))
                .findFirst()
                .orElseThrow(() -> new PromotionException(fileSystemId + " is the source of the uploads replication,"
                        + " not its replica: pass the target region's file system"
                        + " ('pulumi stack output blogUploadsFileSystemId --stack secondary')."));
    }
}
