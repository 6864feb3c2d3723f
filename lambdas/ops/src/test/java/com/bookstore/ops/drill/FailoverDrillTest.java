package com.bookstore.ops.drill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bookstore.ops.aws.RegionalClients;
import com.bookstore.engines.MotoExtension;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * The whole drill, short: real Cognito users and a real SSM fault switch in moto, traffic through a
 * stand-in two-region bookstore ({@link ToyBookstore}). Asserts the report's invariants, not timings.
 */
class FailoverDrillTest {

    @RegisterExtension
    static final MotoExtension MOTO = new MotoExtension();

    private static final DrillSettings SHORT = new DrillSettings(3, Duration.ofMillis(50), Duration.ofSeconds(2),
            Duration.ofSeconds(2), Duration.ofSeconds(20), Duration.ofSeconds(2), Duration.ofSeconds(2),
            Duration.ofSeconds(20), Duration.ofSeconds(10), 2);

    @Test
    void aDrillDetectsFailoverAndFailbackAccountsForEveryOrderAndLeavesTheSwitchOff(@TempDir Path out) throws Exception {
        RegionalClients clients = new RegionalClients(MOTO.endpoint());
        SsmClient primarySsm = clients.ssm("eu-west-1");
        CognitoIdentityProviderClient cognito = clients.cognito("eu-west-1");
        String pool = cognito.createUserPool(b -> b.poolName("drill-test")).userPool().id();
        String client = cognito.createUserPoolClient(b -> b.userPoolId(pool).clientName("storefront")
                .explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH)).userPoolClient().clientId();
        List<ShopperAccounts.Shopper> shoppers = new ShopperAccounts(cognito, pool, client).create(SHORT.shoppers(), "test");
        List<String> progress = new ArrayList<>();

        DrillReport report;
        try (ToyBookstore bookstore = new ToyBookstore(primarySsm, clients.ssm("ap-southeast-1"), 100, 200, 3)) {
            DrillRegions regions = new DrillRegions(bookstore.frontDoorApi(), "eu-west-1", bookstore.primary.api(),
                    "ap-southeast-1", bookstore.secondary.api());
            FaultSwitchWriter faultSwitch = new FaultSwitchWriter(primarySsm, "eu-west-1", FaultSwitchWriter.DEFAULT_PARAMETER);
            report = new FailoverDrill(SHORT, regions, faultSwitch, shoppers, HttpClient.newHttpClient(),
                    FaultGuard.ShutdownHooks.JVM, progress::add).run();
            ReportWriter.write(report, out);

            assertTrue(!faultSwitch.isOn(), "the drill must leave the fault switch off");
        }

        assertTrue(report.passed(), () -> report.invariants() + "\n" + String.join("\n", progress));
        assertTrue(report.failover().millis() > 0);
        assertTrue(report.faultHealedAt() > report.failover().recoveredAt());
        assertTrue(report.failback().recoveredAt() > report.faultHealedAt());
        assertTrue(report.ordersAcknowledged() > 0);
        assertEquals(report.ordersAcknowledged(), report.finalSecondary().checked());
        assertEquals(0, report.rpo().missing().size(), "a health-check fault loses nothing: replication keeps running");
        assertTrue(report.timeline().stream().anyMatch(b -> b.successes("ap-southeast-1") > 0), "the secondary served");
        assertTrue(Files.readString(out.resolve(ReportWriter.MARKDOWN)).contains("RTO"));
        assertEquals(3, shoppers.size());
    }
}
