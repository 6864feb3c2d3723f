package com.bookstore.ops.blog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.AssignPublicIp;
import software.amazon.awssdk.services.ecs.model.Container;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.DescribeTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.DescribeTaskDefinitionResponse;
import software.amazon.awssdk.services.ecs.model.DescribeTasksRequest;
import software.amazon.awssdk.services.ecs.model.DescribeTasksResponse;
import software.amazon.awssdk.services.ecs.model.Failure;
import software.amazon.awssdk.services.ecs.model.LogConfiguration;
import software.amazon.awssdk.services.ecs.model.RunTaskRequest;
import software.amazon.awssdk.services.ecs.model.RunTaskResponse;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

/** ECS tasks and their logs cannot run here (moto starts no containers), so both clients are scripted. */
class BlogSeedingTest {

    private static final String TASK_ARN = "arn:aws:ecs:eu-west-1:123456789012:task/bookstore-blog/0123abcd";
    private static final BlogSeeding.SeedTask SEED = BlogSeeding.SeedTask.parse("""
            {"region":"eu-west-1","cluster":"arn:aws:ecs:eu-west-1:123456789012:cluster/bookstore-blog",
             "taskDefinition":"arn:aws:ecs:eu-west-1:123456789012:task-definition/bookstore-blog-seed:3",
             "subnets":["subnet-a","subnet-b"],"securityGroup":"sg-tasks"}""");

    // Mockito, not moto: moto 5.2.5 runs RunTask and DescribeTaskDefinition, but its tasks never stop by
    // themselves with a container exit code (DescribeTasks), which is what the seeding waits for; the task's
    // log (GetLogEvents) is read for that same stopped task.
    private final EcsClient ecs = mock(EcsClient.class);
    private final CloudWatchLogsClient logs = mock(CloudWatchLogsClient.class);
    private final List<String> progress = new ArrayList<>();
    private final BlogSeeding seeding = new BlogSeeding(ecs, logs, d -> { }, progress::add,
            Duration.ofSeconds(10), Duration.ofSeconds(30));

    @BeforeEach
    void aTaskDefinitionWithItsLogSettings() {
        when(ecs.describeTaskDefinition(any(DescribeTaskDefinitionRequest.class))).thenReturn(
                DescribeTaskDefinitionResponse.builder().taskDefinition(TaskDefinition.builder().containerDefinitions(
                        ContainerDefinition.builder().name("seed").logConfiguration(LogConfiguration.builder()
                                .logDriver("awslogs").options(Map.of("awslogs-group", "/aws/ecs/bookstore-blog",
                                        "awslogs-stream-prefix", "seed")).build()).build()).build()).build());
        when(ecs.runTask(any(RunTaskRequest.class))).thenReturn(RunTaskResponse.builder()
                .tasks(Task.builder().taskArn(TASK_ARN).lastStatus("PROVISIONING").build()).build());
    }

    private static DescribeTasksResponse status(String status, Integer exitCode) {
        return DescribeTasksResponse.builder().tasks(Task.builder().taskArn(TASK_ARN).lastStatus(status)
                .stoppedReason("Essential container in task exited")
                .containers(Container.builder().name("seed").exitCode(exitCode).build()).build()).build();
    }

    private void logSays(String... lines) {
        when(logs.getLogEvents(any(GetLogEventsRequest.class))).thenReturn(GetLogEventsResponse.builder()
                .events(java.util.Arrays.stream(lines).map(l -> OutputLogEvent.builder().message(l).build()).toList())
                .build());
    }

    @Test
    void aSuccessfulRunReportsWhatTheSeedScriptDid() {
        when(ecs.describeTasks(any(DescribeTasksRequest.class))).thenReturn(status("PENDING", null),
                status("RUNNING", null), status("STOPPED", 0));
        logSays("[seed] installing", "{\"installed\":false,\"created\":0,\"updated\":6,\"published\":6}");

        BlogSeeding.Result result = seeding.seed(SEED);

        assertEquals(new BlogSeeding.Result(TASK_ARN, 0, 6, 6), result);
        ArgumentCaptor<RunTaskRequest> run = ArgumentCaptor.forClass(RunTaskRequest.class);
        verify(ecs).runTask(run.capture());
        assertEquals("FARGATE", run.getValue().launchTypeAsString());
        assertEquals(List.of("subnet-a", "subnet-b"), run.getValue().networkConfiguration().awsvpcConfiguration().subnets());
        assertEquals(AssignPublicIp.DISABLED, run.getValue().networkConfiguration().awsvpcConfiguration().assignPublicIp());
        ArgumentCaptor<GetLogEventsRequest> read = ArgumentCaptor.forClass(GetLogEventsRequest.class);
        verify(logs).getLogEvents(read.capture());
        assertEquals("/aws/ecs/bookstore-blog", read.getValue().logGroupName());
        assertEquals("seed/seed/0123abcd", read.getValue().logStreamName());
        assertTrue(progress.get(progress.size() - 1).contains("0 created, 6 updated, 6 published"));
    }

    @Test
    void aFailedSeedScriptFailsWithItsLastLogLines() {
        when(ecs.describeTasks(any(DescribeTasksRequest.class))).thenReturn(status("STOPPED", 1));
        logSays("seed: install failed: Error establishing a database connection");

        SeedingException e = assertThrows(SeedingException.class, () -> seeding.seed(SEED));

        assertTrue(e.getMessage().contains("exit code 1"), e.getMessage());
        assertTrue(e.getMessage().contains("Error establishing a database connection"), e.getMessage());
    }

    @Test
    void aTaskThatEcsCannotPlaceIsAClearError() {
        when(ecs.runTask(any(RunTaskRequest.class))).thenReturn(RunTaskResponse.builder()
                .failures(Failure.builder().arn("arn:task-definition").reason("RESOURCE:ENI").build()).build());

        SeedingException e = assertThrows(SeedingException.class, () -> seeding.seed(SEED));

        assertTrue(e.getMessage().contains("RESOURCE:ENI"), e.getMessage());
        verify(ecs, never()).describeTasks(any(DescribeTasksRequest.class));
    }

    @Test
    void aRunWithoutTheSummaryLineIsNotASuccess() {
        when(ecs.describeTasks(any(DescribeTasksRequest.class))).thenReturn(status("STOPPED", 0));
        logSays("something else");

        SeedingException e = assertThrows(SeedingException.class, () -> seeding.seed(SEED));

        assertTrue(e.getMessage().contains("without the seed script's summary line"), e.getMessage());
    }

    @Test
    void waitingStopsAtTheTimeout() {
        when(ecs.describeTasks(any(DescribeTasksRequest.class))).thenReturn(status("RUNNING", null));

        SeedingException e = assertThrows(SeedingException.class, () -> seeding.seed(SEED));

        assertTrue(e.getMessage().startsWith("Timed out after 30 s"), e.getMessage());
    }

    @Test
    void theStackOutputIsReadAsPrintedWithOrWithoutPulumisJsonFlag() {
        String text = "{\"region\":\"eu-west-1\",\"cluster\":\"c\",\"taskDefinition\":\"t\","
                + "\"subnets\":[\"subnet-a\"],\"securityGroup\":\"sg\"}";
        String quoted = new com.google.gson.Gson().toJson(text);

        assertEquals(BlogSeeding.SeedTask.parse(text), BlogSeeding.SeedTask.parse(quoted));
        assertEquals(List.of("subnet-a"), BlogSeeding.SeedTask.parse(quoted).subnets());
    }

    @Test
    void theStackOutputMustNameEveryField() {
        SeedingException e = assertThrows(SeedingException.class,
                () -> BlogSeeding.SeedTask.parse("{\"region\":\"eu-west-1\",\"subnets\":[]}"));

        assertTrue(e.getMessage().contains("cluster, taskDefinition, securityGroup"), e.getMessage());
    }
}
