package com.bookstore.ops.regionswitch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.bookstore.ops.aws.RegionalClients;
import com.bookstore.ops.drill.FaultSwitchWriter;
import com.bookstore.engines.MotoExtension;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.ArgumentCaptor;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.efs.EfsClient;
import software.amazon.awssdk.services.efs.model.DeleteReplicationConfigurationRequest;
import software.amazon.awssdk.services.efs.model.DeletionMode;
import software.amazon.awssdk.services.efs.model.DescribeFileSystemsRequest;
import software.amazon.awssdk.services.efs.model.DescribeFileSystemsResponse;
import software.amazon.awssdk.services.efs.model.DescribeReplicationConfigurationsRequest;
import software.amazon.awssdk.services.efs.model.DescribeReplicationConfigurationsResponse;
import software.amazon.awssdk.services.efs.model.Destination;
import software.amazon.awssdk.services.efs.model.FileSystemDescription;
import software.amazon.awssdk.services.efs.model.LifeCycleState;
import software.amazon.awssdk.services.efs.model.ReplicationConfigurationDescription;
import software.amazon.awssdk.services.efs.model.ReplicationOverwriteProtection;
import software.amazon.awssdk.services.efs.model.ReplicationStatus;

/**
 * The plan's action function with the event Region switch sends (the step's payload merged with the execution's
 * metadata): fault switches against a real moto SSM; the execution's mode from a server replaying Region switch; EFS
 * scripted with Mockito (moto has no EFS replication calls, see UploadsFailoverTest).
 */
class RegionSwitchActionHandlerTest {

    @RegisterExtension
    static final MotoExtension MOTO = new MotoExtension();

    private static final String PLAN = RegionSwitchCommandTest.PLAN;
    private final List<String> log = new ArrayList<>();
    private final EfsClient efs = mock(EfsClient.class);

    private RegionSwitchActionHandler handler(RecordedRegionSwitch regionSwitch, String parameter) {
        return new RegionSwitchActionHandler(region -> new RegionalClients(MOTO.endpoint()).ssm(region), region -> efs,
                region -> new RegionSwitchApi(regionSwitch == null ? MOTO.endpoint() : regionSwitch.endpoint(), region,
                        StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")),
                        HttpClient.newHttpClient()),
                Map.of("AWS_REGION", "ap-southeast-1", "FAULT_PARAMETER", parameter,
                        "UPLOADS_FILE_SYSTEM_ID", "fs-0aaaaaaaaaaaaaaaa"), duration -> { });
    }

    private static String event(String payload, String step) {
        // Region switch merges its metadata keys into a JSON-object payload (API reference, Lambdas.payload).
        return payload.substring(0, payload.length() - 1) + ",\"InvokedBy\":\"ARC Region switch\",\"PlanArn\":\"" + PLAN
                + "\",\"ExecutionId\":\"ap-southeast-1/0a1b2c3d4e5f6a7b\",\"StepName\":\"" + step + "\"}";
    }

    @Test
    void theFaultSwitchStepTurnsTheActivatedRegionOffAndTheLeftPrimaryOn() {
        String parameter = "/bookstore/fault-rs-" + System.nanoTime();
        var ssm = new RegionalClients(MOTO.endpoint());
        new FaultSwitchWriter(ssm.ssm("ap-southeast-1"), "ap-southeast-1", parameter).inject();

        String result = handler(null, parameter).handle(event(
                "{\"action\":\"fault-switch\",\"off\":[\"ap-southeast-1\"],\"on\":[\"eu-west-1\"]}", "fault-switch"), log::add);

        assertEquals("fault switches on [eu-west-1], off [ap-southeast-1]", result);
        assertTrue(new FaultSwitchWriter(ssm.ssm("eu-west-1"), "eu-west-1", parameter).isOn());
        assertTrue(!new FaultSwitchWriter(ssm.ssm("ap-southeast-1"), "ap-southeast-1", parameter).isOn());
        assertEquals(List.of(
                "Region switch step fault-switch (fault-switch) of execution ap-southeast-1/0a1b2c3d4e5f6a7b in ap-southeast-1",
                "fault switch " + parameter + " in ap-southeast-1: off",
                "fault switch " + parameter + " in eu-west-1: on"), log);
    }

    @Test
    void inAGracefulExecutionTheUploadsKeepReplicating() throws Exception {
        try (var regionSwitch = new RecordedRegionSwitch("successful-execution")) {
            String result = handler(regionSwitch, "/p").handle(event("{\"action\":\"blog-uploads\"}", "blog-uploads"),
                    log::add);

            assertEquals("uploads left replicating (graceful)", result);
            verifyNoInteractions(efs);
            assertEquals("ap-southeast-1/0a1b2c3d4e5f6a7b",
                    regionSwitch.requests("GetPlanExecution").get(0).body().get("executionId").getAsString());
        }
    }

    @Test
    void inAnUngracefulExecutionTheUploadsReplicationEndsOnThisSideOnly() throws Exception {
        when(efs.describeFileSystems(any(DescribeFileSystemsRequest.class))).thenReturn(
                fileSystem(ReplicationOverwriteProtection.REPLICATING), fileSystem(ReplicationOverwriteProtection.ENABLED));
        when(efs.describeReplicationConfigurations(any(DescribeReplicationConfigurationsRequest.class))).thenReturn(
                DescribeReplicationConfigurationsResponse.builder().replications(ReplicationConfigurationDescription.builder()
                        .sourceFileSystemId("fs-0bbbbbbbbbbbbbbbb").sourceFileSystemRegion("eu-west-1")
                        .destinations(Destination.builder().fileSystemId("fs-0aaaaaaaaaaaaaaaa").region("ap-southeast-1")
                                .status(ReplicationStatus.ENABLED).build()).build()).build());
        try (var regionSwitch = new RecordedRegionSwitch("pending-approval")) {
            String result = handler(regionSwitch, "/p").handle(event("{\"action\":\"blog-uploads\"}", "blog-uploads"),
                    log::add);

            assertEquals("uploads fs-0aaaaaaaaaaaaaaaa writable", result);
            var deletion = ArgumentCaptor.forClass(DeleteReplicationConfigurationRequest.class);
            verify(efs).deleteReplicationConfiguration(deletion.capture());
            assertEquals(DeletionMode.LOCAL_CONFIGURATION_ONLY, deletion.getValue().deletionMode());
        }
    }

    @Test
    void anUnknownActionFailsTheAttempt() {
        var error = assertThrows(IllegalArgumentException.class,
                () -> handler(null, "/p").handle(event("{\"action\":\"reboot\"}", "x"), log::add));
        assertEquals("unknown Region switch action 'reboot' (expected fault-switch or blog-uploads)", error.getMessage());
    }

    private static DescribeFileSystemsResponse fileSystem(ReplicationOverwriteProtection protection) {
        return DescribeFileSystemsResponse.builder().fileSystems(FileSystemDescription.builder()
                .fileSystemId("fs-0aaaaaaaaaaaaaaaa").lifeCycleState(LifeCycleState.AVAILABLE)
                .fileSystemProtection(p -> p.replicationOverwriteProtection(protection)).build()).build();
    }
}
