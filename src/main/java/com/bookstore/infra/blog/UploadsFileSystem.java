package com.bookstore.infra.blog;

import com.bookstore.infra.region.ResourceOwner;
import com.pulumi.aws.efs.AccessPoint;
import com.pulumi.aws.efs.AccessPointArgs;
import com.pulumi.aws.efs.FileSystem;
import com.pulumi.aws.efs.FileSystemArgs;
import com.pulumi.aws.efs.MountTarget;
import com.pulumi.aws.efs.MountTargetArgs;
import com.pulumi.aws.efs.ReplicationConfiguration;
import com.pulumi.aws.efs.ReplicationConfigurationArgs;
import com.pulumi.aws.efs.inputs.AccessPointPosixUserArgs;
import com.pulumi.aws.efs.inputs.AccessPointRootDirectoryArgs;
import com.pulumi.aws.efs.inputs.AccessPointRootDirectoryCreationInfoArgs;
import com.pulumi.aws.efs.inputs.FileSystemProtectionArgs;
import com.pulumi.aws.efs.inputs.ReplicationConfigurationDestinationArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The blog's uploads on EFS, mounted by every task through one access point. The secondary's file system is a
 * replica of the primary's, read-only until a promotion deletes the replication (docs/blog.md).
 */
final class UploadsFileSystem {

    /** www-data in the official image: the owner of uploads on the shared file system. */
    private static final int WWW_DATA = 33;

    final Output<String> id;
    final Output<String> arn;
    final AccessPoint accessPoint;
    /** One per private subnet: the tasks cannot start before their zone's mount target exists. */
    final List<MountTarget> mountTargets;

    UploadsFileSystem(String name, String region, Output<String> accountId, Output<String> keyArn,
                      Output<List<String>> subnetIds, int availabilityZones, Output<String> securityGroupId,
                      boolean protect, Optional<BlogSiteArgs.UploadsSource> source, ResourceOwner owner) {
        // The primary creates its file system; the secondary's is created by the replication itself and the mount
        // targets and access point are built on the id it reports (a file system made a destination after we
        // created it reads back as REPLICATING and breaks every refresh: pulumi-aws#6041, terraform-provider-aws#36811).
        if (source.isEmpty()) {
            var uploads = new FileSystem(name, FileSystemArgs.builder()
                    .encrypted(true)
                    .kmsKeyId(keyArn)
                    .performanceMode("generalPurpose")
                    .throughputMode("elastic")
                    // A source must never be overwritten by a replication pointed at it by mistake.
                    .protection(FileSystemProtectionArgs.builder().replicationOverwrite("ENABLED").build())
                    .build(), CustomResourceOptions.builder().parent(owner.component()).protect(protect).build());
            this.id = uploads.id();
            this.arn = uploads.arn();
        } else {
            var replication = new ReplicationConfiguration(name + "-replication",
                    ReplicationConfigurationArgs.builder()
                            .sourceFileSystemId(source.get().fileSystemId())
                            .destination(ReplicationConfigurationDestinationArgs.builder()
                                    .region(region).kmsKeyId(keyArn).build())
                            .build(),
                    // The replication is configured in the source's region; the secondary owns it all the same.
                    CustomResourceOptions.builder().parent(owner.component()).provider(source.get().sourceRegion()).build());
            this.id = replication.destination().applyValue(destination -> destination.fileSystemId().orElseThrow(
                    () -> new IllegalStateException("EFS reported no destination file system for the uploads replication")));
            this.arn = Output.tuple(accountId, id).applyValue(t ->
                    "arn:aws:elasticfilesystem:" + region + ":" + t.t1 + ":file-system/" + t.t2);
        }
        List<MountTarget> mounts = new ArrayList<>();
        for (int index = 0; index < availabilityZones; index++) {
            final int zone = index;
            mounts.add(new MountTarget(name + "-" + zone, MountTargetArgs.builder()
                    .fileSystemId(id)
                    .subnetId(subnetIds.applyValue(ids -> ids.get(zone)))
                    .securityGroups(securityGroupId.applyValue(List::of))
                    .build(), owner.child()));
        }
        this.mountTargets = List.copyOf(mounts);
        this.accessPoint = new AccessPoint(name, AccessPointArgs.builder()
                .fileSystemId(id)
                .posixUser(AccessPointPosixUserArgs.builder().uid(WWW_DATA).gid(WWW_DATA).build())
                .rootDirectory(AccessPointRootDirectoryArgs.builder().path("/uploads")
                        .creationInfo(AccessPointRootDirectoryCreationInfoArgs.builder()
                                .ownerUid(WWW_DATA).ownerGid(WWW_DATA).permissions("755").build())
                        .build())
                .build(), owner.child());
    }
}
