package com.bookstore.infra.dns;

import com.bookstore.infra.plan.Plan;
import com.bookstore.infra.plan.PlannedResource;
import com.bookstore.infra.support.Plans;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.bookstore.infra.support.Plans.input;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FailoverDnsTest {

    @Test
    void eachRegionOwnsItsFailoverRecordForTheApiName() {
        var primary = Plans.named(Plans.primary(), "aws:route53/record:Record", "bookstore-failover-api");
        var secondary = Plans.named(Plans.secondary(), "aws:route53/record:Record", "bookstore-failover-api");

        assertEquals(List.of(Map.of("type", "PRIMARY")), input(primary, "failoverRoutingPolicies"));
        assertEquals(List.of(Map.of("type", "SECONDARY")), input(secondary, "failoverRoutingPolicies"));
        for (PlannedResource record : List.of(primary, secondary)) {
            assertEquals("api.shop.example.org", input(record, "name"));
            assertEquals("ZTESTZONE", input(record, "zoneId"));
            assertEquals(60L, input(record, "ttl"));
        }
        String secondaryTarget = (String) ((List<?>) input(secondary, "records")).get(0);
        assertTrue(secondaryTarget.endsWith(".execute-api.ap-southeast-1.amazonaws.com"), secondaryTarget);
    }

    @Test
    void healthCheckProbesTheRegionsOwnHealthRouteAtTheConfiguredPace() {
        Plan plan = Plans.run(Plans.secondaryConfig(Map.of("bookstore:healthCheckIntervalSeconds", "30",
                "bookstore:healthCheckFailureThreshold", "2")), Plans.primary().outputs());

        var check = Plans.named(plan, "aws:route53/healthCheck:HealthCheck", "bookstore-failover-api");
        var record = Plans.named(plan, "aws:route53/record:Record", "bookstore-failover-api");

        assertEquals("HTTPS", input(check, "type"));
        assertEquals("/health", input(check, "resourcePath"));
        assertEquals(30L, input(check, "requestInterval"));
        assertEquals(2L, input(check, "failureThreshold"));
        assertEquals(String.valueOf(plan.outputs().get("apiEndpoint")).replace("https://", ""), input(check, "fqdn"));
        // The record follows a calculated check over this one and the Region switch plan's (RegionSwitchPlanTest).
        var routing = Plans.named(plan, "aws:route53/healthCheck:HealthCheck", "bookstore-failover-api-routing");
        assertEquals(routing.id(), input(record, "healthCheckId"));
        assertEquals(check.id(), ((List<?>) input(routing, "childHealthchecks")).get(0));
    }

    @Test
    void unhealthyRegionRaisesAnAlarmInUsEast1ToAnEncryptedTopic() {
        Plan plan = Plans.primary();

        var alarm = Plans.named(plan, "aws:cloudwatch/metricAlarm:MetricAlarm", "bookstore-failover-api-unhealthy");
        var topic = Plans.named(plan, "aws:sns/topic:Topic", "bookstore-failover-alarms");

        assertEquals("us-east-1", alarm.region());
        assertEquals("us-east-1", topic.region());
        assertEquals("AWS/Route53", input(alarm, "namespace"));
        assertEquals("HealthCheckStatus", input(alarm, "metricName"));
        assertEquals(Map.of("HealthCheckId", Plans.named(plan, "aws:route53/healthCheck:HealthCheck", "bookstore-failover-api").id()),
                input(alarm, "dimensions"));
        assertEquals(List.of(topic.id()), input(alarm, "alarmActions"));
        assertTrue(String.valueOf(input(topic, "kmsMasterKeyId")).startsWith("arn:aws:kms:us-east-1:"));
    }

    @Test
    void withoutADomainThereIsNoFailoverDns() {
        Plan plan = Plans.run(Plans.primaryConfig(Map.of("bookstore:domain", "", "bookstore:hostedZoneId", "")), Map.of());

        assertTrue(plan.ofType("aws:route53/record:Record").isEmpty());
        assertTrue(plan.ofType("aws:route53/healthCheck:HealthCheck").isEmpty());
        assertTrue(plan.ofType("aws:cloudwatch/metricAlarm:MetricAlarm").stream()
                .noneMatch(alarm -> "AWS/Route53".equals(input(alarm, "namespace"))));
    }
}
