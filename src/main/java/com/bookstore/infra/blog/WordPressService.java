package com.bookstore.infra.blog;

import com.bookstore.infra.region.ResourceOwner;
import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.aws.ecs.Cluster;
import com.pulumi.aws.ecs.ClusterArgs;
import com.pulumi.aws.ecs.Service;
import com.pulumi.aws.ecs.ServiceArgs;
import com.pulumi.aws.ecs.TaskDefinition;
import com.pulumi.aws.ecs.inputs.ClusterSettingArgs;
import com.pulumi.aws.ecs.inputs.ServiceDeploymentCircuitBreakerArgs;
import com.pulumi.aws.ecs.inputs.ServiceLoadBalancerArgs;
import com.pulumi.aws.ecs.inputs.ServiceNetworkConfigurationArgs;
import com.pulumi.aws.ecs.inputs.TaskDefinitionVolumeArgs;
import com.pulumi.aws.ecs.inputs.TaskDefinitionVolumeEfsVolumeConfigurationArgs;
import com.pulumi.aws.ecs.inputs.TaskDefinitionVolumeEfsVolumeConfigurationAuthorizationConfigArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.Resource;

import java.util.ArrayList;
import java.util.List;

/**
 * WordPress on ECS Fargate: its cluster (Container Insights on) and a service of {@code tasks} tasks in the private
 * subnets behind the load balancer, rolled back by the deployment circuit breaker when new tasks fail.
 */
final class WordPressService {

    final Cluster cluster;

    WordPressService(String name, BlogSiteArgs args, ImageCache image, BlogTaskRoles roles, UploadsFileSystem uploads,
                     BlogLoadBalancer balancer, Output<String> taskGroupId, ResourceOwner owner) {
        String region = args.region().region();
        BlogDatabase database = args.database();
        Output<String> containers = Output.tuple(image.imageUri, database.endpoint, database.secretArn,
                        roles.logs.name(), balancer.siteUrl)
                .applyValue(t -> WordPressContainers.containerDefinitions(t.t1, t.t2, t.t3, t.t4, t.t5, region));
        var task = new TaskDefinition(name, WordPressContainers.fargateTask(name, args.taskSize(), roles, containers)
                .volumes(TaskDefinitionVolumeArgs.builder()
                        .name("uploads")
                        .efsVolumeConfiguration(TaskDefinitionVolumeEfsVolumeConfigurationArgs.builder()
                                .fileSystemId(uploads.id)
                                .transitEncryption("ENABLED")
                                .authorizationConfig(TaskDefinitionVolumeEfsVolumeConfigurationAuthorizationConfigArgs.builder()
                                        .accessPointId(uploads.accessPoint.id()).iam("ENABLED").build())
                                .build())
                        .build())
                .build(), owner.child());

        // Container Insights writes to a log group named after the cluster; creating it first gives it our retention
        // and key, and `pulumi destroy` removes it instead of leaving it behind.
        var insights = new LogGroup(name + "-insights", LogGroupArgs.builder()
                .name("/aws/ecs/containerinsights/" + name + "/performance")
                .retentionInDays(args.logRetentionDays())
                .kmsKeyId(args.logKeyArn())
                .build(), owner.child());
        this.cluster = new Cluster(name, ClusterArgs.builder()
                .name(name)
                .settings(ClusterSettingArgs.builder().name("containerInsights").value("enabled").build())
                .build(), owner.childAfter(List.of(insights)));
        // The tasks start only when the uploads can be mounted, the listener forwards, and the database has an
        // instance to connect to (the cluster alone accepts no connections).
        List<Resource> serviceReady = new ArrayList<>(uploads.mountTargets);
        serviceReady.add(balancer.listener);
        serviceReady.add(database.instance);
        new Service(name, ServiceArgs.builder()
                .cluster(cluster.arn())
                .taskDefinition(task.arn())
                .desiredCount(args.tasks())
                .launchType("FARGATE")
                .platformVersion("LATEST")
                .healthCheckGracePeriodSeconds(120)
                .deploymentCircuitBreaker(ServiceDeploymentCircuitBreakerArgs.builder().enable(true).rollback(true).build())
                .networkConfiguration(ServiceNetworkConfigurationArgs.builder()
                        .subnets(args.placement().privateSubnetIds())
                        .securityGroups(taskGroupId.applyValue(List::of))
                        .assignPublicIp(false)
                        .build())
                .loadBalancers(ServiceLoadBalancerArgs.builder().targetGroupArn(balancer.targets.arn())
                        .containerName("wordpress").containerPort(BlogSecurityGroups.HTTP).build())
                .build(), owner.childAfter(serviceReady));
    }
}
