package com.bookstore.ops.drill;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** Writes a drill's {@code report.json}, {@code report.md} and {@code timeline.svg} into one directory. */
public final class ReportWriter {

    public static final String JSON = "report.json";
    public static final String MARKDOWN = "report.md";
    public static final String CHART = "timeline.svg";

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeNulls().create();

    private ReportWriter() {}

    public static void write(DrillReport report, Path directory) throws IOException {
        Files.createDirectories(directory);
        Files.writeString(directory.resolve(JSON), json(report), StandardCharsets.UTF_8);
        Files.writeString(directory.resolve(MARKDOWN), markdown(report), StandardCharsets.UTF_8);
        Files.writeString(directory.resolve(CHART), TimelineChart.svg(report), StandardCharsets.UTF_8);
    }

    static String json(DrillReport report) {
        JsonObject json = GSON.toJsonTree(report).getAsJsonObject();
        json.add("invariants", GSON.toJsonTree(report.invariants()));
        json.addProperty("passed", report.passed());
        return GSON.toJson(json) + "\n";
    }

    static String markdown(DrillReport report) {
        StringBuilder md = new StringBuilder();
        md.append("# Failover drill ").append(report.primaryRegion()).append(" -> ").append(report.secondaryRegion()).append("\n\n");
        md.append("Started ").append(report.startedAt()).append(", ").append(seconds(report.durationMillis()))
                .append(" long. Fault: ").append(report.fault()).append(".\n\n");
        md.append("| measure | value |\n|---|---|\n");
        row(md, "RTO (fault to sustained service by " + report.secondaryRegion() + ")", recovery(report.failover()));
        row(md, "failed requests during the switch", report.failover() == null ? "-"
                : report.failover().errors() + " of " + report.failover().requests());
        OrderCheck rpo = report.rpo();
        row(md, "acknowledged orders missing in " + report.secondaryRegion() + " after the switch", rpo == null ? "-"
                : rpo.missing().size() + " of " + rpo.checked() + (rpo.unverified().isEmpty() ? "" : " (" + rpo.unverified().size() + " unverified)"));
        row(md, "RPO (oldest missing order, before the fault)", rpo == null ? "-" : seconds(rpo.rpoMillis()));
        if (rpo != null && rpo.windowStart() != null) {
            row(md, "missing orders were acknowledged", "from " + relative(rpo.windowStart(), report.faultInjectedAt())
                    + " to " + relative(rpo.windowEnd(), report.faultInjectedAt()) + " relative to the fault");
        }
        row(md, "failback (heal to sustained service by " + report.primaryRegion() + ")", recovery(report.failback()));
        row(md, "failed requests during failback", report.failback() == null ? "-"
                : report.failback().errors() + " of " + report.failback().requests());
        row(md, "best-seller boards converged", report.boards() == null ? "-"
                : report.boards().converged() ? "yes, " + seconds(report.boards().waitedMillis()) + " after traffic stopped" : "no");
        row(md, "requests / failed / orders acknowledged", report.requests() + " / " + report.errors() + " / " + report.ordersAcknowledged());
        OutageSignIn.Result signIn = report.signIn();
        if (signIn != null) {
            row(md, "during the outage: a shopper new to this device signs in through " + report.secondaryRegion() + " and orders",
                    yesNo(signIn.newcomerSignedInAndOrdered(report.secondaryRegion())) + " (sign-in " + signIn.newcomerSignIn()
                            + ", order " + (signIn.newcomerOrderId() == null ? "none" : "served by " + signIn.newcomerOrderRegion()) + ")");
            row(md, "during the outage: a shopper signed in before it refreshes through " + report.secondaryRegion() + " and shops on",
                    yesNo(signIn.returningShopperRefreshedAndKeptShopping(report.secondaryRegion())) + " (refresh " + signIn.refresh()
                            + ", add to cart " + signIn.returningAddToCart() + ")");
            row(md, "during the outage: sign-up refused with the replica's " + OutageSignIn.REPLICA_REFUSAL,
                    yesNo(signIn.signUpRefusedClearly()) + " (" + signIn.signUp() + " " + signIn.signUpError() + ")");
        }
        md.append("\n## Invariants\n\n");
        for (Map.Entry<String, Boolean> invariant : report.invariants().entrySet()) {
            md.append("- ").append(invariant.getValue() ? "[x] " : "[ ] ").append(invariant.getKey()).append('\n');
        }
        md.append("\n## Definitions\n\n")
                .append("- *Sustained service* by a region from time t: the first success it served after t that starts a window of ")
                .append(report.settings().get("sustainSeconds"))
                .append(" s in which every request succeeded, was served by that region, and no second passed without a success.\n")
                .append("- *RTO*: fault injection to the start of sustained service by the secondary. *Failback*: heal to sustained service by the primary.\n")
                .append("- *RPO*: acknowledged orders read back from the secondary's own API (not through the front door) no sooner than ")
                .append(report.settings().get("settleSeconds"))
                .append(" s after the fault; the RPO is how long before the fault the oldest missing one was acknowledged.\n")
                .append(report.signIn() == null ? "" : "- *During the outage*: once the secondary serves, the shoppers sign in at its"
                        + " Cognito endpoint (the user pool's replica, " + report.signIn().cognitoEndpoint() + ") and shop through the front door.\n")
                .append("\n![timeline](").append(CHART).append(")\n");
        return md.toString();
    }

    private static String yesNo(boolean held) {
        return held ? "yes" : "no";
    }

    private static void row(StringBuilder md, String measure, String value) {
        md.append("| ").append(measure).append(" | ").append(value).append(" |\n");
    }

    private static String recovery(Recovery recovery) {
        if (recovery == null) {
            return "-";
        }
        return recovery.recovered() ? seconds(recovery.millis()) : "not within the drill";
    }

    private static String relative(long at, Long faultAt) {
        long delta = faultAt == null ? at : at - faultAt;
        return (delta >= 0 ? "+" : "-") + seconds(Math.abs(delta));
    }

    static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
