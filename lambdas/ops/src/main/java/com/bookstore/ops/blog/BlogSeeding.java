package com.bookstore.ops.blog;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.AssignPublicIp;
import software.amazon.awssdk.services.ecs.model.Container;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.DescribeTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.DescribeTasksRequest;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.RunTaskRequest;
import software.amazon.awssdk.services.ecs.model.RunTaskResponse;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * Loads the blog's seed posts on AWS: runs the primary stack's one-off seeding task (the same
 * {@code scripts/blog/seed.php} the local blog runs, inside the WordPress image), waits for it to stop,
 * and checks its result: exit code 0 and the seed script's summary line in the task's log. Seeding is
 * idempotent (posts are matched by slug), so it is safe after every deployment.
 */
public final class BlogSeeding {

    /** Waits between polls; a seam so tests do not sleep. */
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    /** The stack output {@code blogSeedTask}: where and how to run the task. */
    public record SeedTask(String region, String cluster, String taskDefinition, List<String> subnets,
                           String securityGroup) {

        /**
         * Reads the output as printed by {@code pulumi stack output blogSeedTask} (the JSON text) or with
         * {@code --json} (that text once more, as a JSON string).
         */
        public static SeedTask parse(String json) {
            Map<?, ?> fields;
            try {
                JsonElement element = json == null || json.isBlank() ? null : JsonParser.parseString(json);
                if (element != null && element.isJsonPrimitive() && element.getAsJsonPrimitive().isString()) {
                    json = element.getAsString();
                }
                fields = new Gson().fromJson(json, Map.class);
            } catch (JsonParseException e) {
                throw new SeedingException("--task is not JSON: " + e.getMessage());
            }
            if (fields == null) {
                throw new SeedingException("--task is empty: pass the primary stack's blogSeedTask output");
            }
            List<String> missing = new ArrayList<>();
            for (String key : List.of("region", "cluster", "taskDefinition", "subnets", "securityGroup")) {
                if (fields.get(key) == null) {
                    missing.add(key);
                }
            }
            if (!missing.isEmpty() || !(fields.get("subnets") instanceof List<?> subnets) || subnets.isEmpty()) {
                throw new SeedingException("--task lacks " + (missing.isEmpty() ? "subnets" : String.join(", ", missing))
                        + ": pass `pulumi stack output blogSeedTask --json -s primary`");
            }
            return new SeedTask(String.valueOf(fields.get("region")), String.valueOf(fields.get("cluster")),
                    String.valueOf(fields.get("taskDefinition")), subnets.stream().map(String::valueOf).toList(),
                    String.valueOf(fields.get("securityGroup")));
        }
    }

    /** What the seeding did, as the seed script reported it. */
    public record Result(String taskArn, int created, int updated, int published) {}

    private static final String CONTAINER = "seed";
    private final EcsClient ecs;
    private final CloudWatchLogsClient logs;
    private final Sleeper sleeper;
    private final Consumer<String> progress;
    private final Duration pollInterval;
    private final Duration timeout;

    public BlogSeeding(EcsClient ecs, CloudWatchLogsClient logs, Sleeper sleeper, Consumer<String> progress,
                       Duration pollInterval, Duration timeout) {
        this.ecs = ecs;
        this.logs = logs;
        this.sleeper = sleeper;
        this.progress = progress;
        this.pollInterval = pollInterval;
        this.timeout = timeout;
    }

    public Result seed(SeedTask task) {
        String taskArn = start(task);
        Task stopped = awaitStop(task, taskArn);
        Container container = stopped.containers().stream().filter(c -> CONTAINER.equals(c.name())).findFirst()
                .orElseThrow(() -> new SeedingException("task " + taskArn + " has no '" + CONTAINER + "' container"));
        List<String> lines = logLines(task, taskArn);
        if (container.exitCode() == null || container.exitCode() != 0) {
            throw new SeedingException("the seeding task failed (exit code " + container.exitCode() + ", "
                    + stopped.stoppedReason() + "). Last log lines:\n  " + String.join("\n  ", tail(lines, 10)));
        }
        JsonObject summary = lines.stream().map(String::trim).filter(l -> l.startsWith("{\"installed\""))
                .reduce((first, second) -> second)
                .map(line -> JsonParser.parseString(line).getAsJsonObject())
                .orElseThrow(() -> new SeedingException("the seeding task ended without the seed script's summary line;"
                        + " its log:\n  " + String.join("\n  ", tail(lines, 10))));
        Result result = new Result(taskArn, summary.get("created").getAsInt(), summary.get("updated").getAsInt(),
                summary.get("published").getAsInt());
        if (result.published() < result.created() + result.updated()) {
            throw new SeedingException("the blog publishes " + result.published() + " posts, fewer than the "
                    + (result.created() + result.updated()) + " just seeded");
        }
        progress.accept("Seeded the blog: " + result.created() + " created, " + result.updated() + " updated, "
                + result.published() + " published.");
        return result;
    }

    private String start(SeedTask task) {
        progress.accept("Starting the seeding task " + task.taskDefinition() + " in " + task.cluster());
        RunTaskResponse response;
        try {
            response = ecs.runTask(RunTaskRequest.builder()
                    .cluster(task.cluster())
                    .taskDefinition(task.taskDefinition())
                    .launchType(LaunchType.FARGATE)
                    .count(1)
                    .startedBy("bookstore-ops")
                    .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(task.subnets())
                            .securityGroups(task.securityGroup()).assignPublicIp(AssignPublicIp.DISABLED)))
                    .build());
        } catch (SdkException e) {
            throw new SeedingException("ECS refused to run the seeding task: " + e.getMessage(), e);
        }
        if (!response.failures().isEmpty() || response.tasks().isEmpty()) {
            throw new SeedingException("ECS could not start the seeding task: " + response.failures().stream()
                    .map(f -> f.arn() + ": " + f.reason()).toList());
        }
        return response.tasks().get(0).taskArn();
    }

    private Task awaitStop(SeedTask task, String taskArn) {
        Duration waited = Duration.ZERO;
        while (true) {
            Task current = ecs.describeTasks(DescribeTasksRequest.builder().cluster(task.cluster()).tasks(taskArn).build())
                    .tasks().stream().findFirst()
                    .orElseThrow(() -> new SeedingException("ECS no longer knows the task " + taskArn));
            if ("STOPPED".equals(current.lastStatus())) {
                return current;
            }
            if (waited.compareTo(timeout) >= 0) {
                throw new SeedingException("Timed out after " + waited.toSeconds() + " s waiting for " + taskArn
                        + " (last status " + current.lastStatus() + "); it may still finish: aws ecs describe-tasks");
            }
            progress.accept("  waiting: the task is " + current.lastStatus());
            try {
                sleeper.sleep(pollInterval);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SeedingException("Interrupted; the task " + taskArn + " goes on in ECS.", e);
            }
            waited = waited.plus(pollInterval);
        }
    }

    /** The container's awslogs stream is {@code <prefix>/<container>/<task id>}. */
    private List<String> logLines(SeedTask task, String taskArn) {
        ContainerDefinition definition = ecs.describeTaskDefinition(DescribeTaskDefinitionRequest.builder()
                        .taskDefinition(task.taskDefinition()).build())
                .taskDefinition().containerDefinitions().stream().filter(c -> CONTAINER.equals(c.name())).findFirst()
                .orElseThrow(() -> new SeedingException("the task definition has no '" + CONTAINER + "' container"));
        Map<String, String> options = definition.logConfiguration().options();
        String stream = options.get("awslogs-stream-prefix") + "/" + CONTAINER + "/" + taskArn.substring(taskArn.lastIndexOf('/') + 1);
        try {
            return logs.getLogEvents(GetLogEventsRequest.builder().logGroupName(options.get("awslogs-group"))
                            .logStreamName(stream).startFromHead(true).build())
                    .events().stream().map(OutputLogEvent::message).toList();
        } catch (SdkException e) {
            return List.of("(the log stream " + stream + " could not be read: " + e.getMessage() + ")");
        }
    }

    private static List<String> tail(List<String> lines, int count) {
        return lines.subList(Math.max(0, lines.size() - count), lines.size());
    }
}
