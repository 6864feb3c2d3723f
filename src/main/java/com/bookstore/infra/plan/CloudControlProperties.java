package com.bookstore.infra.plan;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.util.LinkedHashSet;
import java.util.Set;

import static com.bookstore.infra.plan.PlanMocks.ACCOUNT_ID;

/**
 * What Cloud Control reads back for the resource types the program creates through it: the desired state plus the
 * read-only properties the service adds: the user pool's id and ARN ({@code AWS::Cognito::UserPool}), its replica's
 * composite identifier, and the Region switch plan ({@code AWS::ARCRegionSwitch::Plan}):
 * its {@code Arn} ({@code plan/<name>:<6 characters>}) and {@code PlanHealthChecks}, one
 * {@code <zone>:<record>:<region>:<health check id>} entry per record name and region of its Route 53 health-check
 * blocks, the form Region switch returns them in.
 */
final class CloudControlProperties {

    private CloudControlProperties() {
    }

    static String read(String typeName, String desiredState, String stableId, String homeRegion) {
        JsonObject properties = JsonParser.parseString(desiredState).getAsJsonObject();
        if (typeName.equals("AWS::Cognito::UserPool")) {
            // CloudFormation's read-only attributes of a pool: its id, ARN and (original-format) provider URL.
            String id = identifier(typeName, desiredState, stableId, homeRegion);
            properties.addProperty("UserPoolId", id);
            properties.addProperty("Arn", "arn:aws:cognito-idp:" + homeRegion + ":" + ACCOUNT_ID + ":userpool/" + id);
            properties.addProperty("ProviderName", "cognito-idp." + homeRegion + ".amazonaws.com/" + id);
            properties.addProperty("ProviderURL", "https://cognito-idp." + homeRegion + ".amazonaws.com/" + id);
        }
        if (typeName.equals("AWS::ARCRegionSwitch::Plan")) {
            properties.addProperty("Arn", identifier(typeName, desiredState, stableId, homeRegion));
            properties.addProperty("Owner", ACCOUNT_ID);
            JsonArray checks = new JsonArray();
            for (String zoneAndRecord : trafficNames(properties)) {
                for (var region : properties.getAsJsonArray("Regions")) {
                    checks.add(zoneAndRecord + ":" + region.getAsString() + ":"
                            + PlanMocks.stableId("hc-", zoneAndRecord + region.getAsString()));
                }
            }
            properties.add("PlanHealthChecks", checks);
        }
        return new GsonBuilder().disableHtmlEscaping().create().toJson(properties);
    }

    static String identifier(String typeName, String desiredState, String stableId, String region) {
        if (typeName.equals("AWS::Cognito::UserPool")) {
            // <region>_<9 characters>, the form CreateUserPool returns (and the typed pool's stand-in uses).
            return region + "_" + stableId.substring(0, 9);
        }
        if (typeName.equals("AWS::Cognito::UserPoolReplica")) {
            // Cloud Control joins a composite primary identifier with "|": UserPoolId|RegionName.
            JsonObject replica = JsonParser.parseString(desiredState).getAsJsonObject();
            return replica.get("UserPoolId").getAsString() + "|" + replica.get("RegionName").getAsString();
        }
        if (typeName.equals("AWS::ARCRegionSwitch::Plan")) {
            String name = JsonParser.parseString(desiredState).getAsJsonObject().get("Name").getAsString();
            return "arn:aws:arc-region-switch::" + ACCOUNT_ID + ":plan/" + name + ":" + "a1b2c3";
        }
        return stableId;
    }

    /** {@code <zone>:<record>} of every Route 53 health-check block, nested in parallel blocks or not. */
    private static Set<String> trafficNames(JsonObject plan) {
        Set<String> names = new LinkedHashSet<>();
        for (var workflow : plan.getAsJsonArray("Workflows")) {
            collect(workflow.getAsJsonObject().getAsJsonArray("Steps"), names);
        }
        return names;
    }

    private static void collect(JsonArray steps, Set<String> names) {
        for (var element : steps) {
            JsonObject configuration = element.getAsJsonObject().getAsJsonObject("ExecutionBlockConfiguration");
            if (configuration.has("Route53HealthCheckConfig")) {
                JsonObject block = configuration.getAsJsonObject("Route53HealthCheckConfig");
                names.add(block.get("HostedZoneId").getAsString() + ":" + block.get("RecordName").getAsString());
            } else if (configuration.has("ParallelConfig")) {
                collect(configuration.getAsJsonObject("ParallelConfig").getAsJsonArray("Steps"), names);
            }
        }
    }
}
