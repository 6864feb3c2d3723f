package com.bookstore.ops;

import com.bookstore.ops.failover.GlobalDatabasePromotion;
import com.bookstore.ops.failover.PromotionException;
import com.bookstore.ops.failover.PromotionMode;
import java.io.PrintStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.rds.RdsClient;

/** Entry point of the operator tools: {@code java -jar bookstore-ops.jar <command> [--option value ...]}. */
public final class OpsCommand {

    static final String USAGE = """
            usage: bookstore-ops promote-blog-db --global-cluster ID --target-region REGION --mode planned|unplanned
                                                 [--timeout-minutes 30]
              Makes the cluster in REGION the writer of the blog's Aurora global database and waits for it.
              planned   = switchover (both regions healthy, no data loss): drills and failback
              unplanned = failover (primary region impaired, unreplicated writes lost)
            """;

    private OpsCommand() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err, OpsCommand::rdsClient));
    }

    /** Exit codes: 0 done, 1 the operation failed, 2 the command line is wrong. */
    static int run(String[] args, PrintStream out, PrintStream err, java.util.function.Function<String, RdsClient> rdsFor) {
        if (args.length == 0 || !args[0].equals("promote-blog-db")) {
            err.print(USAGE);
            return 2;
        }
        Map<String, String> options;
        try {
            options = options(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.print(USAGE);
            return 2;
        }
        for (String required : new String[] {"global-cluster", "target-region", "mode"}) {
            if (!options.containsKey(required)) {
                err.println("missing --" + required);
                err.print(USAGE);
                return 2;
            }
        }
        PromotionMode mode;
        Duration timeout;
        try {
            mode = PromotionMode.parse(options.get("mode"));
            timeout = Duration.ofMinutes(Long.parseLong(options.getOrDefault("timeout-minutes", "30")));
        } catch (NumberFormatException e) {
            err.println("--timeout-minutes takes a whole number");
            return 2;
        } catch (PromotionException e) {
            err.println(e.getMessage());
            return 2;
        }
        try {
            String region = options.get("target-region");
            try (RdsClient rds = rdsFor.apply(region)) {
                new GlobalDatabasePromotion(rds, d -> Thread.sleep(d.toMillis()), out::println, Duration.ofSeconds(15), timeout)
                        .promote(options.get("global-cluster"), region, mode);
            }
            return 0;
        } catch (PromotionException e) {
            err.println("promote-blog-db: " + e.getMessage());
            return 1;
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --option value pairs, got '" + args[i] + "'");
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }

    private static RdsClient rdsClient(String region) {
        return RdsClient.builder().region(Region.of(region)).httpClient(UrlConnectionHttpClient.create()).build();
    }
}
