package com.bookstore.ops.drill;

import com.bookstore.ops.aws.RegionalClients;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/** The {@code fault} and {@code drill} commands of the operator tool. */
public final class DrillCommand {

    public static final String FAULT_USAGE = """
            usage: bookstore-ops fault on|off|status --region REGION [--parameter /bookstore/fault-injection]
                                                     [--local-endpoint http://127.0.0.1:PORT]
              Sets (or reads) the region's fault switch: while it is on, that region's /health answers 503
              and Route 53 sends traffic to the other region. Nothing else is touched.
            """;

    public static final String DRILL_USAGE = """
            usage: bookstore-ops drill --front-door URL --primary-region R --primary-api URL
                                       --secondary-region R --secondary-api URL
                                       (--config-url URL | --user-pool-id ID --client-id ID [--cognito-region R])
                                       [--parameter NAME | --inject-command CMD --heal-command CMD [--fault-description TEXT]]
                                       [--local-endpoint http://127.0.0.1:PORT] [--out build/drill]
                                       [--secondary-cognito URL]
                                       [--shoppers 4] [--think-millis 250] [--warm-up-seconds 15] [--hold-seconds 15]
                                       [--settle-seconds 10] [--sustain-seconds 3] [--failover-timeout-seconds 300]
                                       [--failback-timeout-seconds 300] [--convergence-timeout-seconds 120]
              Drives shoppers through the front door (the API base URL users reach), injects the fault in the
              primary, measures RTO, RPO and failback, and writes report.json, report.md and timeline.svg.
              The *-api URLs are each region's own API base URL, used to audit the regions directly.
              --secondary-cognito: the secondary's Cognito endpoint (the user pool's replica), where shoppers sign
              in, refresh and try to sign up during the outage; default https://cognito-idp.<secondary-region>.amazonaws.com/,
              and with --local-endpoint the checks run only when it is given.
              Exit code 0 when every invariant held, 1 when one did not.
            """;

    /** The options of {@link #FAULT_USAGE} and {@link #DRILL_USAGE}, as the commands read them. */
    public static final Set<String> FAULT_OPTIONS = Set.of("region", "parameter", "local-endpoint");
    public static final Set<String> DRILL_OPTIONS = Set.of("front-door", "primary-region", "primary-api",
            "secondary-region", "secondary-api", "config-url", "user-pool-id", "client-id", "cognito-region",
            "parameter", "inject-command", "heal-command", "fault-description", "local-endpoint", "out",
            "shoppers", "think-millis", "warm-up-seconds", "hold-seconds", "settle-seconds", "sustain-seconds",
            "failover-timeout-seconds", "failback-timeout-seconds", "convergence-timeout-seconds", "secondary-cognito");

    private DrillCommand() {}

    /** {@code fault on|off|status}: exit 0 done, 1 AWS refused, 2 command line wrong. */
    public static int fault(String action, Map<String, String> options, PrintStream out, PrintStream err,
                            Function<String, SsmClient> ssmFor) {
        String region = options.get("region");
        if (region == null || !List.of("on", "off", "status").contains(action)) {
            err.print(FAULT_USAGE);
            return 2;
        }
        String parameter = options.getOrDefault("parameter", FaultSwitchWriter.DEFAULT_PARAMETER);
        try (SsmClient ssm = ssmFor.apply(region)) {
            FaultSwitchWriter faultSwitch = new FaultSwitchWriter(ssm, region, parameter);
            switch (action) {
                case "on" -> faultSwitch.inject();
                case "off" -> faultSwitch.heal();
                default -> { }
            }
            out.println(parameter + " in " + region + " is " + (faultSwitch.isOn() ? "on" : "off"));
            return 0;
        } catch (SdkException e) {
            err.println("fault: " + e.getMessage());
            return 1;
        }
    }

    /** {@code drill}: exit 0 passed, 1 an invariant failed or the drill could not run, 2 command line wrong. */
    public static int drill(Map<String, String> options, PrintStream out, PrintStream err) {
        for (String required : List.of("front-door", "primary-region", "primary-api", "secondary-region", "secondary-api")) {
            if (!options.containsKey(required)) {
                err.println("missing --" + required);
                err.print(DRILL_USAGE);
                return 2;
            }
        }
        boolean commandFault = options.containsKey("inject-command") || options.containsKey("heal-command");
        if (commandFault && !(options.containsKey("inject-command") && options.containsKey("heal-command"))) {
            err.println("--inject-command and --heal-command go together");
            return 2;
        }
        DrillSettings settings;
        try {
            DrillSettings d = DrillSettings.defaults();
            settings = new DrillSettings(
                    integer(options, "shoppers", d.shoppers()),
                    Duration.ofMillis(integer(options, "think-millis", (int) d.thinkTime().toMillis())),
                    d.requestTimeout(),
                    seconds(options, "warm-up-seconds", d.warmUp()),
                    seconds(options, "failover-timeout-seconds", d.failoverTimeout()),
                    seconds(options, "hold-seconds", d.hold()),
                    seconds(options, "settle-seconds", d.settle()),
                    seconds(options, "failback-timeout-seconds", d.failbackTimeout()),
                    seconds(options, "convergence-timeout-seconds", d.convergenceTimeout()),
                    integer(options, "sustain-seconds", d.sustainSeconds()));
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        }
        URI localEndpoint = options.containsKey("local-endpoint") ? URI.create(options.get("local-endpoint")) : null;
        RegionalClients clients = new RegionalClients(localEndpoint);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        DrillRegions regions = new DrillRegions(URI.create(options.get("front-door")),
                options.get("primary-region"), URI.create(options.get("primary-api")),
                options.get("secondary-region"), URI.create(options.get("secondary-api")));

        SsmClient ssm = null;
        try {
            Map<String, String> cognitoSettings = cognitoSettings(options, http);
            Fault fault;
            if (commandFault) {
                fault = new CommandFault(options.getOrDefault("fault-description", "command: " + options.get("inject-command")),
                        options.get("inject-command"), options.get("heal-command"));
            } else {
                ssm = clients.ssm(regions.primary());
                fault = new FaultSwitchWriter(ssm, regions.primary(), options.getOrDefault("parameter", FaultSwitchWriter.DEFAULT_PARAMETER));
            }
            try (CognitoIdentityProviderClient cognito = clients.cognito(cognitoSettings.get("region"))) {
                ShopperAccounts accounts = new ShopperAccounts(cognito, cognitoSettings.get("userPoolId"), cognitoSettings.get("clientId"));
                String runId = UUID.randomUUID().toString().substring(0, 8);
                out.println("drill " + runId + ": creating " + settings.shoppers() + " shoppers in " + cognitoSettings.get("userPoolId"));
                List<ShopperAccounts.Shopper> shoppers = accounts.create(settings.shoppers(), runId);
                List<String> outageAccounts = new java.util.ArrayList<>();
                DrillReport report;
                try {
                    OutageSignIn outageSignIn = outageSignIn(options, regions, accounts, cognitoSettings.get("clientId"), runId,
                            http, settings.requestTimeout(), outageAccounts);
                    report = new FailoverDrill(settings, regions, fault, shoppers, http, FaultGuard.ShutdownHooks.JVM,
                            line -> out.println("drill: " + line), outageSignIn).run();
                } finally {
                    try {
                        accounts.delete(shoppers);
                        accounts.deleteAccounts(outageAccounts);
                    } catch (SdkException e) {
                        err.println("drill: could not delete the drill's shoppers (" + e.getMessage() + ")");
                    }
                }
                Path directory = Path.of(options.getOrDefault("out", "build/drill"));
                ReportWriter.write(report, directory);
                out.print(ReportWriter.markdown(report));
                out.println("report: " + directory.resolve(ReportWriter.MARKDOWN) + ", chart: " + directory.resolve(ReportWriter.CHART));
                return report.passed() ? 0 : 1;
            }
        } catch (SdkException | IOException | IllegalStateException e) {
            err.println("drill: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("drill: interrupted");
            return 1;
        } finally {
            if (ssm != null) {
                ssm.close();
            }
        }
    }

    /**
     * The outage's sign-in checks, their accounts made now in the primary (the only region that creates users):
     * one never signed in, one signed in now whose refresh token is used during the outage. Null when a local drill
     * names no secondary Cognito endpoint. {@code created} collects the usernames to delete afterwards, including
     * the refused sign-up's, should a region ever accept it.
     */
    static OutageSignIn outageSignIn(Map<String, String> options, DrillRegions regions, ShopperAccounts accounts, String clientId,
                                     String runId, HttpClient http, Duration timeout, List<String> created) {
        String endpoint = options.get("secondary-cognito");
        if (endpoint == null && options.containsKey("local-endpoint")) {
            return null;
        }
        URI secondaryCognito = URI.create(endpoint != null ? endpoint : "https://cognito-idp." + regions.secondary() + ".amazonaws.com/");
        String prefix = "drill-" + runId + "-outage-";
        created.add(prefix + "newcomer@example.com");
        OutageSignIn.Account newcomer = accounts.createNeverSignedIn(prefix + "newcomer@example.com");
        created.add(prefix + "returning@example.com");
        OutageSignIn.Account returning = accounts.createNeverSignedIn(prefix + "returning@example.com");
        String refreshToken = accounts.signIn(returning).refreshToken();
        created.add(prefix + "sign-up@example.com");
        OutageSignIn.Account signUp = new OutageSignIn.Account(prefix + "sign-up@example.com", accounts.newPassword());
        return new OutageSignIn(new CognitoEndpoint(secondaryCognito, clientId, http, timeout), newcomer, returning, refreshToken, signUp);
    }

    /** The pool and app client: from the options, or from the storefront's config.json. */
    static Map<String, String> cognitoSettings(Map<String, String> options, HttpClient http) throws IOException, InterruptedException {
        if (options.containsKey("user-pool-id") && options.containsKey("client-id")) {
            String pool = options.get("user-pool-id");
            return Map.of("userPoolId", pool, "clientId", options.get("client-id"),
                    "region", options.getOrDefault("cognito-region", pool.substring(0, Math.max(0, pool.indexOf('_')))));
        }
        if (!options.containsKey("config-url")) {
            throw new IllegalStateException("name the Cognito pool: --config-url URL of config.json, or --user-pool-id and --client-id");
        }
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(options.get("config-url"))).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException(options.get("config-url") + " answered " + answer.statusCode());
        }
        JsonObject cognito = JsonParser.parseString(answer.body()).getAsJsonObject().getAsJsonObject("cognito");
        return Map.of("userPoolId", cognito.get("userPoolId").getAsString(), "clientId", cognito.get("clientId").getAsString(),
                "region", cognito.get("region").getAsString());
    }

    private static int integer(Map<String, String> options, String name, int fallback) {
        try {
            return options.containsKey(name) ? Integer.parseInt(options.get(name)) : fallback;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " takes a whole number");
        }
    }

    private static Duration seconds(Map<String, String> options, String name, Duration fallback) {
        return options.containsKey(name) ? Duration.ofSeconds(integer(options, name, 0)) : fallback;
    }
}
