package com.bookstore.infra.blog;

import com.bookstore.infra.region.RegionContext;
import com.bookstore.infra.security.EncryptionKey;
import com.bookstore.infra.security.EncryptionKeyArgs;
import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.rds.Cluster;
import com.pulumi.aws.rds.ClusterArgs;
import com.pulumi.aws.rds.ClusterInstance;
import com.pulumi.aws.rds.ClusterInstanceArgs;
import com.pulumi.aws.rds.GlobalCluster;
import com.pulumi.aws.rds.GlobalClusterArgs;
import com.pulumi.aws.rds.SubnetGroup;
import com.pulumi.aws.rds.SubnetGroupArgs;
import com.pulumi.aws.secretsmanager.Secret;
import com.pulumi.aws.secretsmanager.SecretArgs;
import com.pulumi.aws.secretsmanager.SecretVersion;
import com.pulumi.aws.secretsmanager.SecretVersionArgs;
import com.pulumi.aws.secretsmanager.SecretsmanagerFunctions;
import com.pulumi.aws.secretsmanager.inputs.GetRandomPasswordArgs;
import com.pulumi.aws.secretsmanager.inputs.SecretReplicaArgs;
import com.pulumi.core.Output;
import com.pulumi.deployment.InvokeOutputOptions;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The blog's Aurora MySQL global database. The primary creates the {@code GlobalCluster}, its writer
 * cluster and the credentials secret (replicated to the peer region); the secondary joins a read-only
 * cluster to the global cluster named in the contract and reads the secret's replica. Both are
 * encrypted with a key of the region's own (a cross-region secondary must name a key in its region),
 * keep 7 days of backups and cannot be deleted by accident.
 *
 * <p>Aurora cannot manage the master password of a global database in Secrets Manager, so the program
 * asks Secrets Manager for a random password and stores it in our own secret; both the cluster and the
 * secret ignore later changes of that input, so the password is drawn once, when they are created.
 */
public final class BlogDatabase extends ComponentResource {

    static final int MYSQL_PORT = 3306;
    static final String DATABASE = "wordpress";
    static final String MASTER_USER = "wordpress";
    static final List<String> LOG_EXPORTS = List.of("error", "slowquery");
    /** WordPress's administrator, whom the seeding task installs the blog with (scripts/blog/seed.php). */
    public static final String ADMIN_USER = "bookstore-admin";

    /** What the secondary needs of the primary's database (part of the cross-stack contract). */
    public record Source(Output<String> globalClusterId, Output<String> secretArn) {}

    public final Output<String> globalClusterId;
    /** The endpoint WordPress in this region connects to. */
    public final Output<String> endpoint;
    /** The credentials secret in this region (the primary's, or its replica). */
    public final Output<String> secretArn;
    public final Output<String> securityGroupId;
    public final Output<String> clusterArn;
    /** The region's cluster, as CloudWatch's {@code DBClusterIdentifier} names it. */
    public final Output<String> clusterIdentifier;
    /** The region's blog key: the cluster, the uploads file system and the credentials secret use it. */
    public final Output<String> keyArn;
    /**
     * The customer-managed key of the primary's credentials secret. The replica in the peer region is
     * encrypted with that region's AWS-managed Secrets Manager key (a key of ours there would have to exist
     * before the primary replicates to it), which the tasks may use without a grant.
     */
    public final Optional<Output<String>> secretKeyArn;
    /** The region's database instance: until it exists the cluster accepts no connections. */
    public final com.pulumi.resources.Resource instance;

    public BlogDatabase(String name, BlogDatabaseArgs args, ComponentResourceOptions options) {
        super("bookstore:blog:BlogDatabase", name, options);
        RegionContext region = args.region();
        Optional<Source> source = args.source();
        boolean primary = source.isEmpty();
        boolean protect = args.deletionProtection();

        var key = new EncryptionKey(name + "-key", new EncryptionKeyArgs(name + "-key", "blog database and secret",
                region.region(), region.accountId(), List.of()), ComponentResourceOptions.builder().parent(this).build());
        var subnets = new SubnetGroup(name, SubnetGroupArgs.builder()
                .name(name)
                .description("Bookstore blog database: private subnets")
                .subnetIds(args.subnetIds())
                .build(), child());
        var group = new SecurityGroup(name, SecurityGroupArgs.builder()
                .vpcId(args.vpcId())
                .description("Bookstore blog database: MySQL from the blog tasks only (rules added by BlogSite)")
                .build(), child());

        Output<String> globalId;
        Output<String> secret;
        ClusterArgs.Builder cluster = ClusterArgs.builder()
                .clusterIdentifier(name)
                .engine("aurora-mysql")
                .engineVersion(args.engineVersion())
                .dbSubnetGroupName(subnets.name())
                .vpcSecurityGroupIds(group.id().applyValue(List::of))
                .storageEncrypted(true)
                .kmsKeyId(key.arn)
                .backupRetentionPeriod(7)
                .copyTagsToSnapshot(true)
                .deletionProtection(protect)
                .skipFinalSnapshot(false)
                // Snapshot names outlive the cluster: a fixed one would stop the destroy of every later deployment.
                .finalSnapshotIdentifier(key.arn.applyValue(arn -> finalSnapshotIdentifier(name, arn)))
                .enabledCloudwatchLogsExports(LOG_EXPORTS);
        // RDS creates /aws/rds/cluster/<id>/<log> on first export and never deletes it: created here, the groups get
        // our retention and key and leave with the stack.
        List<com.pulumi.resources.Resource> logGroups = new java.util.ArrayList<>();
        for (String log : LOG_EXPORTS) {
            logGroups.add(new LogGroup(name + "-" + log, LogGroupArgs.builder()
                    .name("/aws/rds/cluster/" + name + "/" + log)
                    .retentionInDays(args.logRetentionDays())
                    .kmsKeyId(args.logKeyArn())
                    .build(), child()));
        }
        CustomResourceOptions.Builder clusterOptions = CustomResourceOptions.builder().parent(this).dependsOn(logGroups);
        if (primary) {
            var global = new GlobalCluster(name, GlobalClusterArgs.builder()
                    .globalClusterIdentifier(name)
                    .engine("aurora-mysql")
                    .engineVersion(args.engineVersion())
                    .databaseName(DATABASE)
                    .storageEncrypted(true)
                    .deletionProtection(protect)
                    .build(), child());
            Output<String> password = randomPassword(region);
            // The blog's administrator lives in the same secret, so a person can read it (docs/blog.md, "Admin").
            Output<String> adminPassword = randomPassword(region);
            var credentials = new Secret(name + "-credentials", SecretArgs.builder()
                    .name(name + "-credentials")
                    .description("Bookstore blog credentials: the database's master user and WordPress's administrator "
                            + "(replicated to the peer region)")
                    .kmsKeyId(key.arn)
                    // A deleted secret keeps its name for the recovery window; a teardown releases it at once.
                    .recoveryWindowInDays(protect ? 30 : 0)
                    // The replica keeps the secondary's WordPress running when the primary region is down.
                    .replicas(SecretReplicaArgs.builder().region(region.peerRegion()).build())
                    .build(), child());
            new SecretVersion(name + "-credentials", SecretVersionArgs.builder()
                    .secretId(credentials.id())
                    .secretString(Output.tuple(password, adminPassword).applyValue(t ->
                            "{\"username\":\"" + MASTER_USER + "\",\"password\":\"" + t.t1 + "\",\"adminUsername\":\""
                                    + ADMIN_USER + "\",\"adminPassword\":\"" + t.t2 + "\"}"))
                    .build(), CustomResourceOptions.builder().parent(this)
                    .ignoreChanges(List.of("secretString")).build());
            cluster.globalClusterIdentifier(global.id())
                    .databaseName(DATABASE)
                    .masterUsername(MASTER_USER)
                    .masterPassword(password.asSecret());
            clusterOptions.ignoreChanges(List.of("masterPassword"));
            globalId = global.id();
            secret = credentials.arn();
        } else {
            // A secondary cluster has no credentials of its own: it is a copy of the primary's storage.
            cluster.globalClusterIdentifier(source.get().globalClusterId());
            // Promotion makes this cluster the writer; Pulumi must not try to undo that on the next run.
            clusterOptions.ignoreChanges(List.of("replicationSourceIdentifier"));
            globalId = source.get().globalClusterId();
            secret = source.get().secretArn().applyValue(arn -> replicaArn(arn, region.region()));
        }
        var db = new Cluster(name, cluster.build(), clusterOptions.build());
        var instance = new ClusterInstance(name + "-1", ClusterInstanceArgs.builder()
                .identifier(name + "-1")
                .clusterIdentifier(db.id())
                .engine("aurora-mysql")
                .engineVersion(args.engineVersion())
                .instanceClass(args.instanceClass())
                .dbSubnetGroupName(subnets.name())
                .publiclyAccessible(false)
                // The default version is a long-term-support release, which AWS advises to keep off automatic
                // minor upgrades (they may move it off LTS); a global database's members upgrade together anyway.
                .autoMinorVersionUpgrade(false)
                .build(), child());

        this.globalClusterId = globalId;
        this.secretArn = secret;
        this.securityGroupId = group.id();
        this.clusterArn = db.arn();
        this.clusterIdentifier = db.clusterIdentifier();
        this.keyArn = key.arn;
        this.secretKeyArn = primary ? Optional.of(key.arn) : Optional.empty();
        this.instance = instance;
        this.endpoint = primary || !args.readerEndpoint() ? db.endpoint() : db.readerEndpoint();
        registerOutputs(Map.of("globalClusterId", globalClusterId, "endpoint", endpoint, "secretArn", secretArn,
                "clusterArn", clusterArn));
    }

    /** {@code <name>-final-<first 8 of the region's key id>}: unique per deployment, known before the cluster. */
    static String finalSnapshotIdentifier(String name, String keyArn) {
        String keyId = keyArn.substring(keyArn.lastIndexOf('/') + 1).replaceAll("[^A-Za-z0-9]", "");
        return name + "-final-" + keyId.substring(0, Math.min(8, keyId.length())).toLowerCase(java.util.Locale.ROOT);
    }

    /** A replicated secret keeps its name and suffix; only the region part of the ARN changes. */
    static String replicaArn(String primaryArn, String region) {
        String[] parts = primaryArn.split(":", 5);
        if (parts.length < 5) {
            throw new IllegalArgumentException("not a secret ARN: " + primaryArn);
        }
        return parts[0] + ":" + parts[1] + ":" + parts[2] + ":" + region + ":" + parts[4];
    }

    private CustomResourceOptions child() {
        return CustomResourceOptions.builder().parent(this).build();
    }

    /** Drawn by Secrets Manager; the version that stores it ignores later draws, so it is drawn for good once. */
    private Output<String> randomPassword(RegionContext region) {
        return SecretsmanagerFunctions.getRandomPassword(GetRandomPasswordArgs.builder()
                        .passwordLength(32).excludePunctuation(true).build(),
                InvokeOutputOptions.builder().parent(this).provider(region.providers().home()).build())
                .applyValue(result -> result.randomPassword());
    }
}
