package com.bookstore.infra.blog;

import com.bookstore.infra.region.ResourceOwner;
import com.google.gson.Gson;
import com.pulumi.aws.ecs.Cluster;
import com.pulumi.aws.ecs.TaskDefinition;
import com.pulumi.core.Output;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one-off task that loads the seed posts (primary only: the secondary's database is read-only). It runs
 * scripts/blog/seed.php, the script the local blog uses, against the real database.
 */
final class SeedTask {

    /** What {@code bookstore-ops seed-blog} needs to run the task, as one JSON stack output. */
    final Output<String> runParameters;
    final BlogSite.SeedTaskResources resources;

    SeedTask(String name, BlogSiteArgs args, ImageCache image, BlogTaskRoles roles, Output<String> siteUrl,
             Cluster cluster, Output<String> taskGroupId, ResourceOwner owner) {
        String region = args.region().region();
        BlogDatabase database = args.database();
        var definition = new TaskDefinition(name, WordPressContainers.fargateTask(name, args.taskSize(), roles,
                        Output.tuple(image.imageUri, database.endpoint, database.secretArn, roles.logs.name(), siteUrl)
                                .applyValue(t -> WordPressContainers.seedContainerDefinitions(t.t1, t.t2, t.t3, t.t4,
                                        t.t5, region)))
                .build(), owner.child());
        this.runParameters = Output.tuple(cluster.arn(), definition.arn(), args.placement().privateSubnetIds(),
                taskGroupId).applyValue(t -> {
                    Map<String, Object> run = new LinkedHashMap<>();
                    run.put("region", region);
                    run.put("cluster", t.t1);
                    run.put("taskDefinition", t.t2);
                    run.put("subnets", t.t3);
                    run.put("securityGroup", t.t4);
                    return new Gson().toJson(run);
                });
        this.resources = new BlogSite.SeedTaskResources(cluster.arn(), definition.arnWithoutRevision(),
                List.of(roles.execution.arn(), roles.task.arn()), roles.logs.arn());
    }
}
