package com.bookstore.infra.observability;

import static com.bookstore.infra.support.Plans.input;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bookstore.infra.plan.Plan;
import com.bookstore.infra.plan.PlannedResource;
import com.bookstore.infra.support.Plans;
import com.google.gson.Gson;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Each region's synthetic shopper under Pulumi's mocks: the canary, its alarm and its role. */
class ShopperCanaryTest {

    private static final String CANARY = "aws:synthetics/canary:Canary";
    private static final String NAME = "bookstore-shopper";

    private static Map<String, Plan> plans() {
        return Map.of("eu-west-1", Plans.primary(), "ap-southeast-1", Plans.secondary());
    }

    @Test
    void eachRegionRunsTheJourneyEveryFiveMinutesAgainstItsOwnApi() throws IOException {
        for (var entry : plans().entrySet()) {
            String region = entry.getKey();
            Plan plan = entry.getValue();
            PlannedResource canary = Plans.one(plan, CANARY);
            assertEquals(region, canary.region());
            assertEquals(NAME, input(canary, "name"));
            assertTrue(NAME.length() <= 21, "Synthetics canary names have at most 21 characters");
            assertEquals("rate(5 minutes)", input(canary, "schedule.expression"));
            assertEquals("syn-nodejs-playwright-6.0", input(canary, "runtimeVersion"));
            assertEquals("canary/index.handler", input(canary, "handler"));
            assertEquals(true, input(canary, "startCanary"));

            Map<?, ?> env = (Map<?, ?>) input(canary, "runConfig.environmentVariables");
            assertEquals(region, env.get("EXPECTED_REGION"));
            String api = (String) env.get("API_URL");
            assertTrue(api.matches("https://[a-z0-9]+\\.execute-api\\." + region + "\\.amazonaws\\.com"),
                    region + "'s own endpoint: " + api);
            assertNotEquals("https://api.shop.example.org", api, "never the failover name");
            var regionalApi = Plans.one(plan, "aws:apigatewayv2/api:Api");
            assertTrue(api.startsWith("https://" + regionalApi.id() + "."), "this stack's API, not the other's");
            assertEquals("https://www.shop.example.org", env.get("STOREFRONT_URL"));

            String bucket = (String) input(Plans.named(plan, "aws:s3/bucketV2:BucketV2", NAME + "-runs"), "bucket");
            assertEquals("bookstore-canary-" + com.bookstore.infra.plan.PlanMocks.ACCOUNT_ID + "-" + region, bucket);
            assertEquals("s3://" + bucket + "/runs/", input(canary, "artifactS3Location"));
            assertTrue(Files.isRegularFile(Path.of((String) input(canary, "zipFile"))), "the zip is written at plan time");
        }
    }

    @Test
    void anAlarmFiresOnTheRegionsTopicWhenTwoOfThreeRunsFail() {
        for (var entry : plans().entrySet()) {
            Plan plan = entry.getValue();
            PlannedResource alarm = Plans.named(plan, "aws:cloudwatch/metricAlarm:MetricAlarm", NAME);
            assertEquals("CloudWatchSynthetics", input(alarm, "namespace"));
            assertEquals("SuccessPercent", input(alarm, "metricName"));
            assertEquals(Map.of("CanaryName", NAME), input(alarm, "dimensions"));
            assertEquals(100.0, ((Number) input(alarm, "threshold")).doubleValue());
            assertEquals("LessThanThreshold", input(alarm, "comparisonOperator"));
            assertEquals(300, ((Number) input(alarm, "period")).intValue());
            assertEquals(3, ((Number) input(alarm, "evaluationPeriods")).intValue());
            assertEquals(2, ((Number) input(alarm, "datapointsToAlarm")).intValue());
            assertEquals("breaching", input(alarm, "treatMissingData"), "a canary that stopped is no better");
            var topic = Plans.named(plan, "aws:sns/topic:Topic", "bookstore-slo");
            assertEquals(List.of(topic.id()), input(alarm, "alarmActions"));
            assertEquals(List.of(topic.id()), input(alarm, "okActions"));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theCanaryRoleGrantsOnlyWhatTheRuntimeNeeds() {
        for (var entry : plans().entrySet()) {
            String region = entry.getKey();
            Plan plan = entry.getValue();
            PlannedResource role = Plans.named(plan, "aws:iam/role:Role", NAME);
            assertNotNull(input(role, "permissionsBoundary"), "every project role carries the boundary");
            assertTrue(((String) input(role, "assumeRolePolicy")).contains("lambda.amazonaws.com"));
            String bucket = (String) input(Plans.named(plan, "aws:s3/bucketV2:BucketV2", NAME + "-runs"), "bucket");

            Map<String, Object> policy = new Gson().fromJson(
                    (String) input(Plans.named(plan, "aws:iam/rolePolicy:RolePolicy", NAME), "policy"), Map.class);
            Map<String, Map<String, Object>> bySid = new TreeMap<>();
            for (Object s : (List<Object>) policy.get("Statement")) {
                Map<String, Object> statement = (Map<String, Object>) s;
                bySid.put((String) statement.get("Sid"), statement);
            }
            assertEquals(List.of("ListBucketsAsTheRuntimeDoes", "LocateArtifactBucket", "PublishSyntheticsMetrics",
                    "StoreRunArtifacts", "WriteCanaryLogs"), List.copyOf(bySid.keySet()));
            assertGrant(bySid.get("StoreRunArtifacts"), List.of("s3:PutObject", "s3:GetObject"),
                    List.of("arn:aws:s3:::" + bucket + "/runs/*"));
            assertGrant(bySid.get("LocateArtifactBucket"), List.of("s3:GetBucketLocation"),
                    List.of("arn:aws:s3:::" + bucket));
            assertGrant(bySid.get("WriteCanaryLogs"), List.of("logs:CreateLogGroup", "logs:CreateLogStream",
                    "logs:PutLogEvents"), List.of("arn:aws:logs:" + region + ":"
                    + com.bookstore.infra.plan.PlanMocks.ACCOUNT_ID + ":log-group:/aws/lambda/cwsyn-" + NAME + "-*"));
            assertGrant(bySid.get("ListBucketsAsTheRuntimeDoes"), List.of("s3:ListAllMyBuckets"), List.of("*"));
            assertGrant(bySid.get("PublishSyntheticsMetrics"), List.of("cloudwatch:PutMetricData"), List.of("*"));
            assertEquals(Map.of("StringEquals", Map.of("cloudwatch:namespace", "CloudWatchSynthetics")),
                    bySid.get("PublishSyntheticsMetrics").get("Condition"), "metrics in Synthetics' namespace only");
        }
    }

    private static void assertGrant(Map<String, Object> statement, List<String> actions, List<String> resources) {
        assertEquals("Allow", statement.get("Effect"));
        assertEquals(actions, statement.get("Action"), String.valueOf(statement.get("Sid")));
        assertEquals(resources, statement.get("Resource"), String.valueOf(statement.get("Sid")));
    }

    @Test
    void theDeployedZipHoldsTheLocalSuitesJourneyByteForByte() throws IOException {
        String zipFile = (String) input(Plans.one(Plans.primary(), CANARY), "zipFile");
        Map<String, byte[]> entries = CanaryBundleTest.entries(Files.readAllBytes(Path.of(zipFile)));
        assertArrayEquals(Files.readAllBytes(Path.of("ui/e2e/journeys/readOnlyJourney.mjs")),
                entries.get("journeys/readOnlyJourney.mjs"));
        assertArrayEquals(Files.readAllBytes(Path.of("ui/e2e/canary/index.mjs")), entries.get("canary/index.mjs"));
    }
}
