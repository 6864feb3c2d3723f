package com.bookstore.infra.security;

import com.bookstore.infra.plan.Plan;
import com.bookstore.infra.support.Plans;
import com.google.gson.Gson;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.bookstore.infra.support.Plans.input;
import static org.junit.jupiter.api.Assertions.assertEquals;

class EncryptionKeyTest {

    @Test
    @SuppressWarnings("unchecked")
    void logKeyRotatesAndLetsOnlyThisRegionsCloudWatchLogsUseItForThisAccountsLogGroups() {
        Plan plan = Plans.secondary();

        var key = Plans.named(plan, "aws:kms/key:Key", "bookstore-logs");
        List<Map<String, Object>> statements = (List<Map<String, Object>>) new Gson()
                .fromJson((String) input(key, "policy"), Map.class).get("Statement");

        assertEquals(true, input(key, "enableKeyRotation"));
        assertEquals("ap-southeast-1", key.region());
        assertEquals(Map.of("AWS", "arn:aws:iam::123456789012:root"), statements.get(0).get("Principal"));
        assertEquals(Map.of("Service", "logs.ap-southeast-1.amazonaws.com"), statements.get(1).get("Principal"));
        assertEquals(Map.of("ArnLike", Map.of("kms:EncryptionContext:aws:logs:arn",
                "arn:aws:logs:ap-southeast-1:123456789012:log-group:*")), statements.get(1).get("Condition"));
        assertEquals("alias/bookstore-logs", input(Plans.named(plan, "aws:kms/alias:Alias", "bookstore-logs"), "name"));
    }

    @Test
    void policyDocumentsRenderTheSameWhateverMapTheCallerUsed() {
        var statement = PolicyJson.statement("S", "Allow", List.of("sqs:SendMessage"), List.of("arn:aws:sqs:r:1:q"),
                Map.of("Principal", Map.of("Service", "lambda.amazonaws.com"),
                        "Condition", Map.of("StringEquals", Map.of("aws:SourceAccount", "1"))));

        assertEquals(List.of("Sid", "Effect", "Condition", "Principal", "Action", "Resource"),
                List.copyOf(statement.keySet()));
    }
}
