package com.bookstore.infra.recovery;

import com.bookstore.infra.plan.Plan;
import com.bookstore.infra.plan.PlannedResource;
import com.bookstore.infra.support.Plans;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.bookstore.infra.support.Plans.input;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RegionSwitchPlanTest {

    static final String PLAN = "aws:cloudcontrol/resource:Resource";
    static final ServiceModel MODEL = ServiceModel.botocore("arc-region-switch");

    @Test
    void thePlanTheStackDeploysSatisfiesTheRegionSwitchServiceModel() {
        JsonObject request = apiRequest(Plans.primary());

        assertEquals(List.of(), MODEL.problems(MODEL.inputOf("CreatePlan"), request));
    }

    @Test
    void brokenDocumentsFailTheServiceModel() {
        Map<String, java.util.function.Consumer<JsonObject>> breakages = new java.util.LinkedHashMap<>();
        breakages.put("missing required member 'approvalRole'", plan -> config(plan, 0, 0, "executionApprovalConfig")
                .remove("approvalRole"));
        breakages.put("'Lambda' is not one of", plan -> step(plan, 0, 1).addProperty("executionBlockType", "Lambda"));
        breakages.put("'primaryRegion' is not one of", plan -> config(plan, 0, 1, "customActionLambdaConfig")
                .addProperty("regionToRun", "primaryRegion"));
        breakages.put("sets exactly one member", plan -> step(plan, 0, 2).getAsJsonObject("executionBlockConfiguration")
                .add("executionApprovalConfig", new JsonObject()));
        breakages.put("unknown member 'Behavior'", plan -> config(plan, 0, 2, "globalAuroraConfig")
                .addProperty("Behavior", "switchoverOnly"));
        breakages.put("3 items, more than the maximum 2", plan -> {
            JsonArray lambdas = config(plan, 0, 1, "customActionLambdaConfig").getAsJsonArray("lambdas");
            lambdas.add(lambdas.get(0).deepCopy());
        });
        breakages.put("1 items, fewer than the minimum 2", plan -> plan.getAsJsonArray("regions").remove(1));
        breakages.put("does not match", plan -> plan.addProperty("executionRole", "bookstore-region-switch-execution"));
        breakages.put("expected a whole number", plan -> plan.addProperty("recoveryTimeObjectiveMinutes", 2.5));

        breakages.forEach((expected, breakage) -> {
            JsonObject request = apiRequest(Plans.primary());
            breakage.accept(request);
            List<String> problems = MODEL.problems(MODEL.inputOf("CreatePlan"), request);
            assertTrue(problems.stream().anyMatch(p -> p.contains(expected)), expected + " not among " + problems);
        });
    }

    @Test
    void cloudFormationPropertiesAreTheApiRequestWithPascalCaseMembers() {
        String cloudFormation = String.valueOf(input(planResource(Plans.primary()), "desiredState"));
        JsonObject properties = JsonParser.parseString(cloudFormation).getAsJsonObject();

        assertTrue(properties.has("Workflows") && properties.has("ExecutionRole") && properties.has("RecoveryApproach"));
        JsonObject firstStep = properties.getAsJsonArray("Workflows").get(0).getAsJsonObject()
                .getAsJsonArray("Steps").get(0).getAsJsonObject();
        assertEquals("ManualApproval", firstStep.get("ExecutionBlockType").getAsString());
        assertTrue(firstStep.getAsJsonObject("ExecutionBlockConfiguration").has("ExecutionApprovalConfig"));
        // Tag keys are data, not member names.
        assertTrue(properties.getAsJsonObject("Tags").has("project"));
    }

    @Test
    void oneWorkflowActivatesEachRegionInTheDocumentedOrder() {
        JsonObject request = apiRequest(Plans.primary());
        JsonArray workflows = request.getAsJsonArray("workflows");

        assertEquals("activePassive", request.get("recoveryApproach").getAsString());
        assertEquals("eu-west-1", request.get("primaryRegion").getAsString());
        assertEquals(List.of("ap-southeast-1", "eu-west-1"), List.of(workflow(workflows, 0).get("workflowTargetRegion")
                .getAsString(), workflow(workflows, 1).get("workflowTargetRegion").getAsString()));
        assertEquals(List.of("approve", "fault-switch", "blog-database", "blog-uploads", "traffic", "verify"),
                stepNames(workflow(workflows, 0)));
        assertEquals(List.of("approve", "fault-switch", "blog-database", "traffic", "verify"),
                stepNames(workflow(workflows, 1)));
        assertEquals(List.of("ManualApproval", "CustomActionLambda", "AuroraGlobalDatabase", "CustomActionLambda",
                "Parallel", "CustomActionLambda"), stepTypes(workflow(workflows, 0)));
    }

    @Test
    void theDatabaseStepSwitchesOverWhenGracefulAndFailsOverWhenNot() {
        JsonObject aurora = config(apiRequest(Plans.primary()), 0, 2, "globalAuroraConfig");

        assertEquals("switchoverOnly", aurora.get("behavior").getAsString());
        assertEquals("failover", aurora.getAsJsonObject("ungraceful").get("ungraceful").getAsString());
        assertEquals("bookstore-blog-db", aurora.get("globalClusterIdentifier").getAsString());
        // The clusters the stacks create, named alike in both regions.
        List<String> deployed = List.of(clusterArn(Plans.primary()), clusterArn(Plans.secondary()));
        assertEquals(deployed, strings(aurora.getAsJsonArray("databaseClusterArns")));
    }

    @Test
    void theFaultSwitchStepOnlyEverTurnsThePrimarysSwitchOnAndIsSkippedWhenUngraceful() {
        JsonObject request = apiRequest(Plans.primary());
        JsonObject failover = config(request, 0, 1, "customActionLambdaConfig");
        JsonObject failback = config(request, 1, 1, "customActionLambdaConfig");

        assertEquals("{\"action\":\"fault-switch\",\"off\":[\"ap-southeast-1\"],\"on\":[\"eu-west-1\"]}",
                failover.getAsJsonArray("lambdas").get(0).getAsJsonObject().get("payload").getAsString());
        assertEquals("skip", failover.getAsJsonObject("ungraceful").get("behavior").getAsString());
        assertEquals("{\"action\":\"fault-switch\",\"off\":[\"eu-west-1\"],\"on\":[]}",
                failback.getAsJsonArray("lambdas").get(0).getAsJsonObject().get("payload").getAsString());
        assertFalse(failback.has("ungraceful"), "failback clears the primary's switch in either mode");
        assertEquals("activatingRegion", failover.get("regionToRun").getAsString());
    }

    @Test
    void customActionsRunTheFunctionsBothStacksPublish() {
        JsonObject request = apiRequest(Plans.primary());
        List<String> actions = List.of(functionArn(Plans.primary(), "bookstore-region-switch-actions"),
                functionArn(Plans.secondary(), "bookstore-region-switch-actions"));
        List<String> verifiers = List.of(functionArn(Plans.primary(), "bookstore-region-switch-verify"),
                functionArn(Plans.secondary(), "bookstore-region-switch-verify"));

        for (int[] at : new int[][] {{0, 1}, {0, 3}, {1, 1}}) {
            assertEquals(actions, lambdaArns(config(request, at[0], at[1], "customActionLambdaConfig")));
        }
        assertEquals(verifiers, lambdaArns(config(request, 0, 5, "customActionLambdaConfig")));
        assertEquals(verifiers, lambdaArns(config(request, 1, 4, "customActionLambdaConfig")));
    }

    @Test
    void theTrafficStepMovesBothFailoverNamesByTheirRecordSets() {
        JsonObject traffic = config(apiRequest(Plans.primary()), 0, 4, "parallelConfig");
        List<String> names = new ArrayList<>();
        for (JsonElement step : traffic.getAsJsonArray("steps")) {
            JsonObject block = step.getAsJsonObject().getAsJsonObject("executionBlockConfiguration")
                    .getAsJsonObject("route53HealthCheckConfig");
            names.add(block.get("recordName").getAsString());
            assertEquals("ZTESTZONE", block.get("hostedZoneId").getAsString());
            String service = block.get("recordName").getAsString().startsWith("api.") ? "api" : "blog";
            assertEquals(List.of(setIdentifier(Plans.primary(), service), setIdentifier(Plans.secondary(), service)),
                    block.getAsJsonArray("recordSets").asList().stream()
                            .map(set -> set.getAsJsonObject().get("recordSetIdentifier").getAsString()).toList());
        }
        assertEquals(List.of("api.shop.example.org", "blog.shop.example.org"), names);
    }

    @Test
    void eachFailoverRecordFollowsItsOwnHealthCheckAndThePlans() {
        for (Plan plan : List.of(Plans.primary(), Plans.secondary())) {
            boolean primary = plan == Plans.primary();
            String region = primary ? "eu-west-1" : "ap-southeast-1";
            PlannedResource record = Plans.named(plan, "aws:route53/record:Record", "bookstore-failover-api");
            PlannedResource routing = Plans.named(plan, "aws:route53/healthCheck:HealthCheck", "bookstore-failover-api-routing");
            PlannedResource endpoint = Plans.named(plan, "aws:route53/healthCheck:HealthCheck", "bookstore-failover-api");

            assertEquals(routing.id(), input(record, "healthCheckId"));
            assertEquals("CALCULATED", input(routing, "type"));
            assertEquals(primary ? 2L : 1L, input(routing, "childHealthThreshold"), "primary: both healthy; secondary: either");
            assertEquals(List.of(endpoint.id(), vendedCheck("api.shop.example.org", region)), input(routing, "childHealthchecks"));
        }
    }

    @Test
    void theExecutionRoleGrantsExactlyWhatTheBlocksNeed() {
        Plan plan = Plans.primary();
        PlannedResource role = Plans.named(plan, "aws:iam/role:Role", "bookstore-region-switch-execution");
        PlannedResource grants = Plans.named(plan, "aws:iam/rolePolicy:RolePolicy", "bookstore-region-switch-execution");
        String account = "arn:aws:lambda:%s:" + com.bookstore.infra.plan.PlanMocks.ACCOUNT_ID + ":function:%s";

        assertTrue(String.valueOf(input(role, "assumeRolePolicy")).contains("\"Service\":\"arc-region-switch.amazonaws.com\""));
        JsonArray statements = JsonParser.parseString(String.valueOf(input(grants, "policy"))).getAsJsonObject()
                .getAsJsonArray("Statement");
        Map<String, List<String>> actions = new java.util.LinkedHashMap<>();
        Map<String, List<String>> resources = new java.util.LinkedHashMap<>();
        for (JsonElement s : statements) {
            actions.put(s.getAsJsonObject().get("Sid").getAsString(), strings(s.getAsJsonObject().getAsJsonArray("Action")));
            resources.put(s.getAsJsonObject().get("Sid").getAsString(), strings(s.getAsJsonObject().getAsJsonArray("Resource")));
        }
        assertEquals(List.of("ReadBlogDatabase", "PromoteBlogDatabase", "RunCustomActions", "FindFailoverRecords"),
                List.copyOf(actions.keySet()));
        assertEquals(List.of("rds:FailoverGlobalCluster", "rds:SwitchoverGlobalCluster"), actions.get("PromoteBlogDatabase"));
        assertEquals(List.of("arn:aws:rds::" + com.bookstore.infra.plan.PlanMocks.ACCOUNT_ID
                + ":global-cluster:bookstore-blog-db", clusterArn(Plans.primary()), clusterArn(Plans.secondary())),
                resources.get("PromoteBlogDatabase"));
        assertEquals(List.of(account.formatted("eu-west-1", "bookstore-region-switch-actions"),
                account.formatted("ap-southeast-1", "bookstore-region-switch-actions"),
                account.formatted("eu-west-1", "bookstore-region-switch-verify"),
                account.formatted("ap-southeast-1", "bookstore-region-switch-verify")), resources.get("RunCustomActions"));
        assertEquals(List.of("arn:aws:route53:::hostedzone/ZTESTZONE"), resources.get("FindFailoverRecords"));
    }

    @Test
    void withApprovalSwitchedOffNoStepWaitsForAPerson() {
        Plan plan = Plans.run(Plans.primaryConfig(Map.of("bookstore:regionSwitchApproval", "false")), Map.of());

        JsonArray workflows = apiRequest(plan).getAsJsonArray("workflows");
        assertEquals("fault-switch", stepNames(workflow(workflows, 0)).get(0));
        assertEquals("fault-switch", stepNames(workflow(workflows, 1)).get(0));
        assertTrue(plan.ofType("aws:iam/role:Role").stream().noneMatch(r -> r.name().endsWith("-approver")));
    }

    @Test
    void withoutTheBlogThePlanHasNoBlogStepsNameOrGrants() {
        Plan plan = Plans.run(Plans.primaryConfig(Map.of("bookstore:blog", "off")), Map.of());

        JsonObject request = apiRequest(plan);
        assertEquals(List.of(), MODEL.problems(MODEL.inputOf("CreatePlan"), request));
        JsonArray workflows = request.getAsJsonArray("workflows");
        assertEquals(List.of("approve", "fault-switch", "traffic", "verify"), stepNames(workflow(workflows, 0)));
        assertEquals(List.of("approve", "fault-switch", "traffic", "verify"), stepNames(workflow(workflows, 1)));
        String grants = String.valueOf(input(Plans.named(plan, "aws:iam/rolePolicy:RolePolicy",
                "bookstore-region-switch-execution"), "policy"));
        assertFalse(grants.contains("rds:"), grants);
        String actions = String.valueOf(input(Plans.named(plan, "aws:iam/rolePolicy:RolePolicy",
                "bookstore-region-switch-actions"), "policy"));
        assertFalse(actions.contains("elasticfilesystem:"), actions);
    }

    @Test
    void thePlanGoesThroughRegionSwitchsControlPlaneInUsEast1AndOnlyThePrimaryHasOne() {
        assertEquals("us-east-1", planResource(Plans.primary()).region());
        assertEquals("AWS::ARCRegionSwitch::Plan", input(planResource(Plans.primary()), "typeName"));
        assertTrue(Plans.secondary().ofType(PLAN).isEmpty());
    }

    // ---- helpers ----

    static PlannedResource planResource(Plan plan) {
        return Plans.named(plan, PLAN, "bookstore-region-switch");
    }

    /** The deployed Cloud Control properties turned back into the API's casing (the inverse of PlanDocument's). */
    static JsonObject apiRequest(Plan plan) {
        return (JsonObject) camelCase(JsonParser.parseString(String.valueOf(input(planResource(plan), "desiredState"))), false);
    }

    private static JsonElement camelCase(JsonElement value, boolean keepKeys) {
        if (value.isJsonObject()) {
            JsonObject result = new JsonObject();
            value.getAsJsonObject().entrySet().forEach(e -> {
                String key = keepKeys ? e.getKey() : Character.toLowerCase(e.getKey().charAt(0)) + e.getKey().substring(1);
                result.add(key, camelCase(e.getValue(), e.getKey().equals("Tags")));
            });
            return result;
        }
        if (value.isJsonArray()) {
            JsonArray result = new JsonArray();
            value.getAsJsonArray().forEach(v -> result.add(camelCase(v, false)));
            return result;
        }
        return value;
    }

    private static JsonObject workflow(JsonArray workflows, int index) {
        return workflows.get(index).getAsJsonObject();
    }

    private static JsonObject step(JsonObject plan, int workflow, int step) {
        return workflow(plan.getAsJsonArray("workflows"), workflow).getAsJsonArray("steps").get(step).getAsJsonObject();
    }

    private static JsonObject config(JsonObject plan, int workflow, int step, String member) {
        return step(plan, workflow, step).getAsJsonObject("executionBlockConfiguration").getAsJsonObject(member);
    }

    private static List<String> stepNames(JsonObject workflow) {
        return workflow.getAsJsonArray("steps").asList().stream().map(s -> s.getAsJsonObject().get("name").getAsString()).toList();
    }

    private static List<String> stepTypes(JsonObject workflow) {
        return workflow.getAsJsonArray("steps").asList().stream()
                .map(s -> s.getAsJsonObject().get("executionBlockType").getAsString()).toList();
    }

    private static List<String> strings(JsonArray array) {
        return array.asList().stream().map(JsonElement::getAsString).toList();
    }

    private static List<String> lambdaArns(JsonObject config) {
        return config.getAsJsonArray("lambdas").asList().stream()
                .map(l -> l.getAsJsonObject().get("arn").getAsString()).toList();
    }

    private static String clusterArn(Plan plan) {
        PlannedResource cluster = Plans.named(plan, "aws:rds/cluster:Cluster", "bookstore-blog-db");
        return "arn:aws:rds:" + cluster.region() + ":" + com.bookstore.infra.plan.PlanMocks.ACCOUNT_ID + ":cluster:"
                + input(cluster, "clusterIdentifier");
    }

    private static String functionArn(Plan plan, String name) {
        PlannedResource function = plan.ofType("aws:lambda/function:Function").stream()
                .filter(f -> name.equals(input(f, "name"))).findFirst().orElseThrow(() -> new AssertionError("no " + name));
        return "arn:aws:lambda:" + function.region() + ":" + com.bookstore.infra.plan.PlanMocks.ACCOUNT_ID + ":function:"
                + input(function, "name");
    }

    private static String setIdentifier(Plan plan, String service) {
        return String.valueOf(input(Plans.named(plan, "aws:route53/record:Record", "bookstore-failover-" + service),
                "setIdentifier"));
    }

    /** The check the plan vends for a record in a region, as the primary exports it for the secondary. */
    private static String vendedCheck(String recordName, String region) {
        Map<?, ?> checks = (Map<?, ?>) Plans.primary().outputs().get("regionSwitchHealthChecks");
        return String.valueOf(((Map<?, ?>) checks.get(recordName)).get(region));
    }
}
