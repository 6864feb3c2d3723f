package com.bookstore.ops.drill;

import static com.bookstore.ops.drill.Timelines.PRIMARY;
import static com.bookstore.ops.drill.Timelines.SECONDARY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The report files of a constructed drill: failover at 10 s, heal at 30 s, 40 s of traffic. */
class ReportWriterTest {

    private static final AcknowledgedOrder LOST = new AcknowledgedOrder("ord-lost", 0, 9_200, PRIMARY);

    private static DrillReport report(boolean boardsConverged, List<AcknowledgedOrder> missingAtTheEnd) {
        List<RequestRecord> requests = new Timelines()
                .served(PRIMARY, 0, 10_000, 100)
                .failed(502, 10_000, 14_500, 250)
                .served(SECONDARY, 14_500, 30_000, 100)
                .served(PRIMARY, 32_000, 40_000, 100)
                .requests();
        Recovery failover = DrillAnalysis.recovery(requests, SECONDARY, 10_000, 30_000, 3);
        Recovery failback = DrillAnalysis.recovery(requests, PRIMARY, 30_000, 40_000, 3);
        return new DrillReport("2026-11-27T21:00:00Z", PRIMARY, SECONDARY, "SSM parameter /bookstore/fault-injection = on in eu-west-1",
                DrillSettings.defaults().describe(), 40_000, requests.size(), 18, 120, 10_000L, 30_000L,
                failover, failback,
                OrderCheck.of(SECONDARY, 25_000, 60, List.of(LOST), List.of(), 10_000L),
                OrderCheck.of(PRIMARY, 45_000, 120, List.of(), List.of(), 10_000L),
                OrderCheck.of(SECONDARY, 45_000, 120, missingAtTheEnd, List.of(), 10_000L),
                new BoardConvergence(boardsConverged, 1_200, List.of("b-1:3"), List.of(boardsConverged ? "b-1:3" : "b-1:2")),
                DrillAnalysis.perSecond(requests));
    }

    @Test
    void theJsonCarriesTheMeasuresAndTheInvariants() {
        JsonObject json = JsonParser.parseString(ReportWriter.json(report(true, List.of()))).getAsJsonObject();

        assertEquals(4_500, json.getAsJsonObject("failover").get("millis").getAsLong());
        assertEquals(18, json.getAsJsonObject("failover").get("errors").getAsInt());
        assertEquals(2_000, json.getAsJsonObject("failback").get("millis").getAsLong());
        assertEquals(800, json.getAsJsonObject("rpo").get("rpoMillis").getAsLong());
        assertEquals("ord-lost", json.getAsJsonObject("rpo").getAsJsonArray("missing").get(0).getAsJsonObject().get("orderId").getAsString());
        assertEquals(40, json.getAsJsonArray("timeline").size());
        assertTrue(json.getAsJsonObject("invariants").get("everyAcknowledgedOrderAccountedFor").getAsBoolean());
        assertTrue(json.get("passed").getAsBoolean());
    }

    private static DrillReport withSignIn(OutageSignIn.Result signIn) {
        DrillReport r = report(true, List.of());
        return new DrillReport(r.startedAt(), r.primaryRegion(), r.secondaryRegion(), r.fault(), r.settings(), r.durationMillis(),
                r.requests(), r.errors(), r.ordersAcknowledged(), r.faultInjectedAt(), r.faultHealedAt(), r.failover(), r.failback(),
                r.rpo(), r.finalPrimary(), r.finalSecondary(), r.boards(), r.timeline(), signIn);
    }

    private static OutageSignIn.Result signIn(int newcomerSignIn, String orderRegion, int refresh, int signUp, String signUpError) {
        return new OutageSignIn.Result("http://127.0.0.1:9/cognito/", "new@example.com", newcomerSignIn,
                orderRegion == null ? null : "ord-outage", orderRegion, "back@example.com", refresh, refresh == 200 ? 201 : 0,
                refresh == 200 ? SECONDARY : null, "sign-up@example.com", signUp, signUpError);
    }

    @Test
    void signInThroughTheSecondaryDuringTheOutageIsReportedAsThreeInvariants() {
        DrillReport held = withSignIn(signIn(200, SECONDARY, 200, 400, "OperationNotEnabledException"));

        assertEquals(List.of("failoverDetected", "failbackDetected", "everyAcknowledgedOrderAccountedFor", "boardsConverged",
                        "newcomerSignedInThroughSecondaryAndOrdered", "signedInShopperRefreshedThroughSecondary",
                        "signUpRefusedClearlyDuringOutage"), List.copyOf(held.invariants().keySet()));
        assertTrue(held.passed());
        String md = ReportWriter.markdown(held);
        assertTrue(md.contains("| during the outage: a shopper new to this device signs in through ap-southeast-1 and orders"
                + " | yes (sign-in 200, order served by ap-southeast-1) |"), md);
        assertTrue(md.contains("| during the outage: sign-up refused with the replica's OperationNotEnabledException"
                + " | yes (400 OperationNotEnabledException) |"), md);
        assertTrue(md.contains("- [x] signUpRefusedClearlyDuringOutage"), md);
        assertEquals("ord-outage", JsonParser.parseString(ReportWriter.json(held)).getAsJsonObject()
                .getAsJsonObject("signIn").get("newcomerOrderId").getAsString());
    }

    @Test
    void aSignInLostWithThePrimaryOrASignUpAcceptedOrRefusedVaguelyFailsTheDrill() {
        // The primary's pool only: the secondary's endpoint did not answer, so no order and no refresh.
        DrillReport lost = withSignIn(signIn(0, null, 0, 0, null));
        assertFalse(lost.invariants().get("newcomerSignedInThroughSecondaryAndOrdered"));
        assertFalse(lost.invariants().get("signedInShopperRefreshedThroughSecondary"));
        assertFalse(lost.invariants().get("signUpRefusedClearlyDuringOutage"));
        assertFalse(lost.passed());
        // An order placed, but served by the primary: not the secondary signing the shopper in.
        assertFalse(withSignIn(signIn(200, PRIMARY, 200, 400, "OperationNotEnabledException"))
                .invariants().get("newcomerSignedInThroughSecondaryAndOrdered"));
        assertFalse(withSignIn(signIn(200, SECONDARY, 200, 200, null)).invariants().get("signUpRefusedClearlyDuringOutage"));
        assertFalse(withSignIn(signIn(200, SECONDARY, 200, 400, "InvalidParameterException")).passed());
        assertFalse(report(true, List.of()).invariants().containsKey("signUpRefusedClearlyDuringOutage"), "not run: not reported");
    }

    @Test
    void cognitosErrorTypeIsReadWithOrWithoutItsPrefix() {
        assertEquals("OperationNotEnabledException", CognitoEndpoint.errorType("{\"__type\":\"OperationNotEnabledException\"}"));
        assertEquals("NotAuthorizedException",
                CognitoEndpoint.errorType("{\"__type\":\"com.amazonaws.cognito#NotAuthorizedException\",\"message\":\"x\"}"));
        assertEquals(null, CognitoEndpoint.errorType("<html>bad gateway</html>"));
        assertEquals(null, CognitoEndpoint.errorType("{}"));
    }

    @Test
    void anOrderMissingAfterFailbackOrBoardsThatDisagreeFailTheDrill() {
        JsonObject json = JsonParser.parseString(ReportWriter.json(report(false, List.of(LOST)))).getAsJsonObject();

        assertFalse(json.getAsJsonObject("invariants").get("everyAcknowledgedOrderAccountedFor").getAsBoolean());
        assertFalse(json.getAsJsonObject("invariants").get("boardsConverged").getAsBoolean());
        assertFalse(json.get("passed").getAsBoolean());
    }

    @Test
    void theMarkdownStatesTheNumbersAUserLooksFor() {
        String md = ReportWriter.markdown(report(true, List.of()));

        assertTrue(md.contains("| RTO (fault to sustained service by ap-southeast-1) | 4.5 s |"), md);
        assertTrue(md.contains("| failed requests during the switch | 18 of 18 |"), md);
        assertTrue(md.contains("| acknowledged orders missing in ap-southeast-1 after the switch | 1 of 60 |"), md);
        assertTrue(md.contains("| RPO (oldest missing order, before the fault) | 0.8 s |"), md);
        assertTrue(md.contains("| failback (heal to sustained service by eu-west-1) | 2.0 s |"), md);
        assertTrue(md.contains("- [x] boardsConverged"), md);
        assertTrue(md.contains("![timeline](timeline.svg)"), md);
    }

    @Test
    void theChartIsWellFormedSvgWithALinePerRegionErrorBarsAndTheMarks() throws Exception {
        DrillReport report = report(true, List.of());
        Document svg = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(TimelineChart.svg(report).getBytes(StandardCharsets.UTF_8)));

        NodeList lines = svg.getElementsByTagName("polyline");
        assertEquals(2, lines.getLength());
        for (int i = 0; i < lines.getLength(); i++) {
            assertEquals(40, ((Element) lines.item(i)).getAttribute("points").split(" ").length, "one point per second");
        }
        long errorSeconds = report.timeline().stream().filter(b -> b.errors() > 0).count();
        assertEquals(5, errorSeconds);
        assertEquals(errorSeconds, svg.getElementsByTagName("rect").getLength() - 1 - 3, "a bar per second with errors (besides background and legend)");
        String text = svg.getDocumentElement().getTextContent();
        for (String mark : List.of("fault", "failover", "heal", "failback")) {
            assertTrue(text.contains(mark), "missing mark " + mark);
        }
    }

    @Test
    void theFaultMarkSitsAtTheFaultsSecond() {
        String svg = TimelineChart.svg(report(true, List.of()));
        double expectedX = TimelineChart.LEFT + 10.0 * (TimelineChart.WIDTH - TimelineChart.LEFT - TimelineChart.RIGHT) / 40;

        assertTrue(svg.contains(String.format(java.util.Locale.ROOT, "class=\"mark fault\" x1=\"%.1f\"", expectedX)), svg);
    }

    @Test
    void writesTheThreeFiles(@TempDir Path directory) throws Exception {
        ReportWriter.write(report(true, List.of()), directory.resolve("build/drill"));

        for (String file : List.of(ReportWriter.JSON, ReportWriter.MARKDOWN, ReportWriter.CHART)) {
            assertTrue(Files.size(directory.resolve("build/drill").resolve(file)) > 100, file);
        }
    }

    @Test
    void niceCeilingsAreOneTwoOrFiveTimesAPowerOfTen() {
        assertEquals(List.of(1, 2, 5, 5, 10, 20, 50), List.of(1, 2, 3, 5, 7, 11, 21).stream().map(TimelineChart::niceCeiling).toList());
    }

    /** The heal and the failback can be a second apart: their labels must not print over each other. */
    @Test
    void aDisturbancesLabelStandsLeftOfItsLineAndItsRecoverysRightOfItsOwn() throws Exception {
        Document svg = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(TimelineChart.svg(report(true, List.of())).getBytes(StandardCharsets.UTF_8)));
        NodeList lines = svg.getElementsByTagName("line");
        NodeList texts = svg.getElementsByTagName("text");
        for (String mark : List.of("fault", "failover", "heal", "failback")) {
            double lineX = Double.NaN;
            for (int i = 0; i < lines.getLength(); i++) {
                Element line = (Element) lines.item(i);
                if (line.getAttribute("class").equals("mark " + mark)) {
                    lineX = Double.parseDouble(line.getAttribute("x1"));
                }
            }
            Element label = null;
            for (int i = 0; i < texts.getLength(); i++) {
                if (texts.item(i).getTextContent().equals(mark)) {
                    label = (Element) texts.item(i);
                }
            }
            boolean disturbance = mark.equals("fault") || mark.equals("heal");
            assertEquals(disturbance ? "end" : "start", label.getAttribute("text-anchor"), mark);
            double labelX = Double.parseDouble(label.getAttribute("x"));
            assertTrue(disturbance ? labelX < lineX : labelX > lineX, mark + " label at " + labelX + ", its line at " + lineX);
        }
    }
}
