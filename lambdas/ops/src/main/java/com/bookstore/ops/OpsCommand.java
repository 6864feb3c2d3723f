package com.bookstore.ops;

import com.bookstore.ops.aws.RegionalClients;
import com.bookstore.ops.blog.BlogSeeding;
import com.bookstore.ops.blog.SeedingException;
import com.bookstore.ops.catalogue.BooksTable;
import com.bookstore.ops.drill.DrillCommand;
import com.bookstore.ops.failover.GlobalDatabasePromotion;
import com.bookstore.ops.failover.PromotionException;
import com.bookstore.ops.failover.PromotionMode;
import com.bookstore.ops.failover.Sleeper;
import com.bookstore.ops.failover.UploadsFailover;
import com.bookstore.ops.regionswitch.RegionSwitchCommand;
import java.io.PrintStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.efs.EfsClient;
import software.amazon.awssdk.services.rds.RdsClient;

/** Entry point of the operator tools: {@code java -jar bookstore-ops.jar <command> [--option value ...]}. */
public final class OpsCommand {

    static final String USAGE = """
            usage: bookstore-ops promote-blog-db --global-cluster ID --target-region REGION --mode planned|unplanned
                                                 [--uploads-file-system FS_ID [--uploads-deletion both|local-only]]
                                                 [--timeout-minutes 30]
              Makes the cluster in REGION the writer of the blog's Aurora global database and waits for it.
              planned   = switchover (both regions healthy, no data loss): drills and failback; the uploads
                          replication is left running (uploads stay read-only in REGION, nothing is lost)
              unplanned = failover (primary region impaired, unreplicated writes lost); with
                          --uploads-file-system (REGION's blogUploadsFileSystemId stack output) it also ends
                          the uploads replication and waits until that copy is writable
            usage: bookstore-ops seed-blog --task JSON [--timeout-minutes 15]
              Runs the blog's one-off seeding task and checks its result; JSON is the primary stack's output:
              --task "$(pulumi stack output blogSeedTask --json -s primary)"
            usage: bookstore-ops seed-catalogue --table-arn ARN
              Loads the shipped catalogue into the Books table (safe to re-run: unchanged books are not written)
              and reads every book back; ARN is the primary stack's output:
              --table-arn "$(pulumi stack output booksTableArn -s primary)"
            """ + RegionSwitchCommand.USAGE + DrillCommand.FAULT_USAGE + DrillCommand.DRILL_USAGE;

    /**
     * The options each command takes. Anything else is refused with the list: a mistyped option in a runbook
     * (say {@code --uploads-filesystem} during an unplanned promotion) must stop the command, not be ignored.
     */
    static final Map<String, Set<String>> OPTIONS = Map.of(
            "promote-blog-db", Set.of("global-cluster", "target-region", "mode", "uploads-file-system",
                    "uploads-deletion", "timeout-minutes"),
            "seed-blog", Set.of("task", "timeout-minutes"),
            "seed-catalogue", Set.of("table-arn"),
            "fault", DrillCommand.FAULT_OPTIONS,
            "drill", DrillCommand.DRILL_OPTIONS,
            "region-switch", RegionSwitchCommand.OPTIONS);

    /** How often a promotion step looks at the resource it waits for. */
    private static final Duration POLL_INTERVAL = Duration.ofSeconds(15);

    private OpsCommand() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err, PromotionClients.AWS));
    }

    /** The failover drill's commands; {@code ssmFor} builds the SSM client of a region. */
    static int runDrillCommands(String[] args, PrintStream out, PrintStream err,
                                java.util.function.Function<String, software.amazon.awssdk.services.ssm.SsmClient> ssmFor) {
        try {
            if (args[0].equals("fault")) {
                if (args.length < 2) {
                    err.print(DrillCommand.FAULT_USAGE);
                    return 2;
                }
                return DrillCommand.fault(args[1], options(args, 2), out, err, ssmFor);
            }
            return DrillCommand.drill(options(args, 1), out, err);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.print(args[0].equals("fault") ? DrillCommand.FAULT_USAGE : DrillCommand.DRILL_USAGE);
            return 2;
        }
    }

    /** Exit codes: 0 done, 1 the operation failed, 2 the command line is wrong. */
    static int run(String[] args, PrintStream out, PrintStream err, PromotionClients promotionClients) {
        if (args.length > 0 && (args[0].equals("fault") || args[0].equals("drill"))) {
            return runDrillCommands(args, out, err, region -> localOrAws(args).ssm(region));
        }
        if (args.length > 0 && args[0].equals("region-switch")) {
            return regionSwitch(args, out, err, RegionSwitchCommand.Apis.AWS, Sleeper.REAL);
        }
        if (args.length > 0 && args[0].equals("seed-blog")) {
            return seedBlog(args, out, err, BlogSeedingClients.AWS);
        }
        if (args.length > 0 && args[0].equals("seed-catalogue")) {
            return seedCatalogue(args, out, err, RegionalClients.AWS);
        }
        if (args.length == 0 || !args[0].equals("promote-blog-db")) {
            err.print(USAGE);
            return 2;
        }
        return promoteBlogDb(args, out, err, promotionClients);
    }

    /** The clients promote-blog-db needs, for the target region; a seam for tests. */
    interface PromotionClients {
        PromotionClients AWS = new PromotionClients() {
            @Override
            public RdsClient rds(String region) {
                return RegionalClients.AWS.rds(region);
            }

            @Override
            public EfsClient efs(String region) {
                return RegionalClients.AWS.efs(region);
            }
        };

        RdsClient rds(String region);

        EfsClient efs(String region);
    }

    static int promoteBlogDb(String[] args, PrintStream out, PrintStream err, PromotionClients clients) {
        Map<String, String> options;
        PromotionMode mode;
        Duration timeout;
        Optional<String> uploads;
        UploadsFailover.Scope scope;
        try {
            options = options(args, 1);
            for (String required : new String[] {"global-cluster", "target-region", "mode"}) {
                if (!options.containsKey(required)) {
                    throw new IllegalArgumentException("missing --" + required);
                }
            }
            mode = PromotionMode.parse(options.get("mode"));
            timeout = Duration.ofMinutes(Long.parseLong(options.getOrDefault("timeout-minutes", "30")));
            uploads = Optional.ofNullable(options.get("uploads-file-system"));
            scope = UploadsFailover.Scope.parse(options.getOrDefault("uploads-deletion", "both"));
            if (mode == PromotionMode.PLANNED && uploads.isPresent()) {
                throw new IllegalArgumentException("--uploads-file-system belongs to --mode unplanned only: a planned"
                        + " switchover keeps the uploads replication (the target's copy stays read-only and complete)");
            }
        } catch (NumberFormatException e) {
            err.println("--timeout-minutes takes a whole number");
            return 2;
        } catch (IllegalArgumentException | PromotionException e) {
            err.println(e.getMessage());
            err.print(USAGE);
            return 2;
        }
        String region = options.get("target-region");
        try {
            try (RdsClient rds = clients.rds(region)) {
                new GlobalDatabasePromotion(rds, Sleeper.REAL, out::println, POLL_INTERVAL, timeout)
                        .promote(options.get("global-cluster"), region, mode);
            }
            if (uploads.isPresent()) {
                try (EfsClient efs = clients.efs(region)) {
                    new UploadsFailover(efs, Sleeper.REAL, out::println, POLL_INTERVAL, timeout)
                            .makeWritable(uploads.get(), scope);
                }
            } else if (mode == PromotionMode.UNPLANNED) {
                out.println("Uploads: not touched, so they stay read-only in " + region + ". To make them writable, rerun"
                        + " with --uploads-file-system \"$(pulumi stack output blogUploadsFileSystemId --stack secondary)\"");
            } else {
                out.println("Uploads: the replication from the primary keeps running; they stay read-only in " + region
                        + " until failback (posts can be written, media uploads cannot).");
            }
            return 0;
        } catch (PromotionException e) {
            err.println("promote-blog-db: " + e.getMessage());
            return 1;
        }
    }

    /** {@code region-switch}; {@code --local} is the one option without a value. */
    public static int regionSwitch(String[] args, PrintStream out, PrintStream err, RegionSwitchCommand.Apis apis,
                                   Sleeper sleeper) {
        boolean local = java.util.Arrays.asList(args).contains("--local");
        String[] pairs = java.util.Arrays.stream(args).filter(a -> !a.equals("--local")).toArray(String[]::new);
        Map<String, String> options;
        try {
            options = options(pairs, 1);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.print(RegionSwitchCommand.USAGE);
            return 2;
        }
        return RegionSwitchCommand.run(options, local, out, err, apis, localOrAws(pairs)::ssm, sleeper);
    }

    /** The AWS clients seed-blog needs in a region; a seam for tests (ECS tasks cannot run here). */
    interface BlogSeedingClients {
        BlogSeedingClients AWS = (region, timeout) -> new BlogSeeding(
                EcsClient.builder().region(Region.of(region)).httpClient(UrlConnectionHttpClient.create()).build(),
                CloudWatchLogsClient.builder().region(Region.of(region)).httpClient(UrlConnectionHttpClient.create()).build(),
                d -> Thread.sleep(d.toMillis()), System.out::println, Duration.ofSeconds(10), timeout);

        /** Seeding in the region, giving the task {@code timeout} to stop. */
        BlogSeeding in(String region, Duration timeout);
    }

    static int seedBlog(String[] args, PrintStream out, PrintStream err, BlogSeedingClients clients) {
        BlogSeeding.SeedTask task;
        Duration timeout;
        try {
            Map<String, String> options = options(args, 1);
            if (!options.containsKey("task")) {
                throw new IllegalArgumentException("missing --task");
            }
            task = BlogSeeding.SeedTask.parse(options.get("task"));
            timeout = Duration.ofMinutes(Long.parseLong(options.getOrDefault("timeout-minutes", "15")));
        } catch (NumberFormatException e) {
            err.println("--timeout-minutes takes a whole number");
            return 2;
        } catch (IllegalArgumentException | SeedingException e) {
            err.println(e.getMessage());
            err.print(USAGE);
            return 2;
        }
        try {
            BlogSeeding.Result result = clients.in(task.region(), timeout).seed(task);
            out.println("seed-blog: " + result.published() + " posts published (task " + result.taskArn() + ")");
            return 0;
        } catch (SeedingException e) {
            err.println("seed-blog: " + e.getMessage());
            return 1;
        }
    }

    /**
     * The catalogue of the deployed stacks: the functions' own seeder, so AWS gets exactly what the local mode and
     * the tests load. The table is global, so seeding the primary's replicates to the secondary.
     */
    static int seedCatalogue(String[] args, PrintStream out, PrintStream err, RegionalClients clients) {
        BooksTable table;
        try {
            Map<String, String> options = options(args, 1);
            if (!options.containsKey("table-arn")) {
                throw new IllegalArgumentException("missing --table-arn");
            }
            table = BooksTable.fromArn(options.get("table-arn"));
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.print(USAGE);
            return 2;
        }
        out.println("seed-catalogue: loading " + table.name() + " in " + table.region());
        try (DynamoDbClient dynamo = clients.dynamoDb(table.region())) {
            out.println("seed-catalogue: " + new CatalogueSeeder(dynamo, table.name()).seed(CatalogueFile.books()));
            return 0;
        } catch (SdkException | IllegalStateException e) {
            err.println("seed-catalogue: " + e.getMessage());
            return 1;
        }
    }

    /** {@code --local-endpoint URL} points the drill's clients at the local AWS (moto). */
    private static RegionalClients localOrAws(String[] args) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("--local-endpoint")) {
                return new RegionalClients(java.net.URI.create(args[i + 1]));
            }
        }
        return RegionalClients.AWS;
    }

    /** The {@code --option value} pairs of a command line from {@code from} on, each one the command takes. */
    private static Map<String, String> options(String[] args, int from) {
        Set<String> known = OPTIONS.getOrDefault(args[0], Set.of());
        Map<String, String> options = new HashMap<>();
        for (int i = from; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --option value pairs, got '" + args[i] + "'");
            }
            String name = args[i].substring(2);
            if (!known.contains(name)) {
                throw new IllegalArgumentException("unknown option --" + name + " for " + args[0] + "; it takes "
                        + known.stream().sorted().map(o -> "--" + o).collect(Collectors.joining(", ")));
            }
            options.put(name, args[i + 1]);
        }
        return options;
    }

    /**
     * Why this command line would be refused before doing anything (unknown command, fault action or option, an
     * option without a value), or empty: what the runbooks' commands are checked with.
     */
    static Optional<String> problem(String[] args) {
        if (args.length == 0 || !OPTIONS.containsKey(args[0])) {
            return Optional.of("unknown command " + (args.length == 0 ? "(none)" : args[0]) + "; the commands are "
                    + OPTIONS.keySet().stream().sorted().collect(Collectors.joining(", ")));
        }
        boolean fault = args[0].equals("fault");
        if (fault && (args.length < 2 || !Set.of("on", "off", "status").contains(args[1]))) {
            return Optional.of("fault takes on, off or status first");
        }
        try {
            String[] pairs = args[0].equals("region-switch")
                    ? java.util.Arrays.stream(args).filter(a -> !a.equals("--local")).toArray(String[]::new) : args;
            options(pairs, fault ? 2 : 1);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

}
