package com.bookstore.ops.drill;

import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

/**
 * The drill, start to end: steady shoppers through the front door; the fault; wait for the secondary
 * to serve; read the acknowledged orders back from the secondary (RPO); heal; wait for the primary to
 * serve again; stop; read every order back from both regions; wait for the best-seller boards to agree.
 * Once the secondary serves, shoppers sign in, refresh and sign up through its Cognito endpoint ({@link OutageSignIn}).
 * The fault is injected through a {@link FaultGuard}, so it is healed on every path out.
 */
public final class FailoverDrill {

    private static final Duration POLL = Duration.ofMillis(500);

    private final DrillSettings settings;
    private final DrillRegions regions;
    private final Fault fault;
    private final List<ShopperAccounts.Shopper> shoppers;
    private final HttpClient http;
    private final FaultGuard.ShutdownHooks hooks;
    private final Consumer<String> progress;
    /** Sign-in through the secondary during the outage; null: not checked. */
    private final OutageSignIn outageSignIn;

    public FailoverDrill(DrillSettings settings, DrillRegions regions, Fault fault, List<ShopperAccounts.Shopper> shoppers,
                         HttpClient http, FaultGuard.ShutdownHooks hooks, Consumer<String> progress) {
        this(settings, regions, fault, shoppers, http, hooks, progress, null);
    }

    public FailoverDrill(DrillSettings settings, DrillRegions regions, Fault fault, List<ShopperAccounts.Shopper> shoppers,
                         HttpClient http, FaultGuard.ShutdownHooks hooks, Consumer<String> progress, OutageSignIn outageSignIn) {
        this.outageSignIn = outageSignIn;
        this.settings = settings;
        this.regions = regions;
        this.fault = fault;
        this.shoppers = shoppers;
        this.http = http;
        this.hooks = hooks;
        this.progress = progress;
    }

    public DrillReport run() throws InterruptedException {
        Instant startedAt = Instant.now();
        long origin = System.nanoTime();
        DrillLog log = new DrillLog(() -> (System.nanoTime() - origin) / 1_000_000);
        ShopperClient frontDoor = new ShopperClient(regions.frontDoorApi(), http, settings.requestTimeout());
        RegionAudit audit = new RegionAudit(Map.of(
                regions.primary(), new ShopperClient(regions.primaryApi(), http, settings.requestTimeout()),
                regions.secondary(), new ShopperClient(regions.secondaryApi(), http, settings.requestTimeout())),
                shoppers, log::now, d -> Thread.sleep(d.toMillis()));

        Traffic traffic = new Traffic(frontDoor, log);
        Recovery failover;
        Recovery failback;
        OrderCheck rpo;
        OutageSignIn.Result signIn = null;
        try {
            traffic.start();
            progress.accept("warming up for " + settings.warmUp().toSeconds() + " s with " + shoppers.size() + " shoppers");
            Thread.sleep(settings.warmUp().toMillis());

            // The fault counts from the moment injection starts: what it takes is part of the outage.
            log.faultInjected();
            try (FaultGuard guard = FaultGuard.inject(fault, hooks, progress)) {
                long faultAt = log.faultInjectedAt();
                failover = awaitRecovery(log, regions.secondary(), faultAt, settings.failoverTimeout());
                progress.accept(failover.recovered()
                        ? regions.secondary() + " serves: RTO " + ReportWriter.seconds(failover.millis())
                        : regions.secondary() + " did not take over within " + settings.failoverTimeout().toSeconds() + " s");
                if (outageSignIn != null && failover.recovered()) {
                    signIn = outageSignIn.check(frontDoor);
                    progress.accept("during the outage, through " + signIn.cognitoEndpoint() + ": new sign-in " + signIn.newcomerSignIn()
                            + ", its order " + signIn.newcomerOrderId() + " (" + signIn.newcomerOrderRegion() + "); refresh "
                            + signIn.refresh() + ", then add-to-cart " + signIn.returningAddToCart() + "; sign-up " + signIn.signUp()
                            + " " + signIn.signUpError());
                }
                Thread.sleep(Math.max(settings.hold().toMillis(), faultAt + settings.settle().toMillis() - log.now()));
                List<AcknowledgedOrder> byPrimary = log.orders().stream()
                        .filter(o -> regions.primary().equals(o.region())).toList();
                rpo = audit.checkOrders(regions.secondary(), byPrimary, faultAt);
                progress.accept(rpo.missing().size() + " of " + rpo.checked() + " orders acknowledged by "
                        + regions.primary() + " are missing in " + regions.secondary());
                log.faultHealed();
                guard.heal();
            }
            failback = awaitRecovery(log, regions.primary(), log.faultHealedAt(), settings.failbackTimeout());
            progress.accept(failback.recovered()
                    ? regions.primary() + " serves again after " + ReportWriter.seconds(failback.millis())
                    : regions.primary() + " did not take traffic back within " + settings.failbackTimeout().toSeconds() + " s");
            Thread.sleep(settings.hold().toMillis());
        } finally {
            traffic.stop();
        }

        progress.accept("traffic stopped; letting replication settle for " + settings.settle().toSeconds() + " s");
        Thread.sleep(settings.settle().toMillis());
        List<AcknowledgedOrder> orders = log.orders();
        OrderCheck finalPrimary = audit.checkOrders(regions.primary(), orders, log.faultInjectedAt());
        OrderCheck finalSecondary = audit.checkOrders(regions.secondary(), orders, log.faultInjectedAt());
        BoardConvergence boards = audit.awaitBoards(regions.primary(), regions.secondary(), settings.convergenceTimeout(), POLL);

        List<RequestRecord> requests = log.requests();
        long duration = log.now();
        // Recompute over the whole timeline: the live wait looked only at traffic up to its own moment.
        failover = DrillAnalysis.recovery(requests, regions.secondary(), log.faultInjectedAt(), log.faultHealedAt(), settings.sustainSeconds());
        failback = DrillAnalysis.recovery(requests, regions.primary(), log.faultHealedAt(), duration, settings.sustainSeconds());
        return new DrillReport(startedAt.toString(), regions.primary(), regions.secondary(), fault.description(),
                settings.describe(), duration, requests.size(), (int) requests.stream().filter(r -> !r.succeeded()).count(),
                orders.size(), log.faultInjectedAt(), log.faultHealedAt(), failover, failback, rpo, finalPrimary, finalSecondary,
                boards, DrillAnalysis.perSecond(requests), signIn);
    }

    /** Watches the live timeline until {@code region} serves sustainedly, or the timeout passes. */
    private Recovery awaitRecovery(DrillLog log, String region, long since, Duration timeout) throws InterruptedException {
        long deadline = since + timeout.toMillis();
        while (true) {
            long now = log.now();
            Recovery recovery = DrillAnalysis.recovery(log.requests(), region, since, now, settings.sustainSeconds());
            if (recovery.recovered() || now >= deadline) {
                return recovery;
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    /** The shoppers' threads. */
    private final class Traffic {
        private final ShopperClient frontDoor;
        private final DrillLog log;
        private final List<Thread> threads = new ArrayList<>();
        private volatile boolean running = true;

        Traffic(ShopperClient frontDoor, DrillLog log) {
            this.frontDoor = frontDoor;
            this.log = log;
        }

        void start() {
            Random seeds = new Random();
            for (ShopperAccounts.Shopper shopper : shoppers) {
                Thread thread = new Thread(new VirtualShopper(shopper, frontDoor, log, () -> running,
                        settings.thinkTime(), new Random(seeds.nextLong())), "shopper-" + shopper.index());
                thread.setDaemon(true);
                threads.add(thread);
                thread.start();
            }
        }

        void stop() throws InterruptedException {
            running = false;
            for (Thread thread : threads) {
                thread.join(settings.requestTimeout().toMillis() * (VirtualShopper.CHECKOUT_ATTEMPTS + 3));
            }
        }
    }
}
