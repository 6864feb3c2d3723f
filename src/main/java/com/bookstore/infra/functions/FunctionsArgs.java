package com.bookstore.infra.functions;

import com.bookstore.infra.data.TableRef;
import com.bookstore.infra.region.RegionContext;
import com.pulumi.core.Output;

import java.util.List;

/**
 * What the region's {@link Functions} run with. Every field is required; the numbers come from the stack's sizing
 * (docs/configuration.md), which carries their defaults.
 *
 * @param region                 names the functions and the fault switch, and gives the roles' permissions boundary
 * @param stackRole              {@code primary} or {@code secondary}, handed to the handlers as {@code BOOKSTORE_ROLE}
 * @param codeJar                the functions' shaded jar, relative to the project directory
 * @param subnetIds              the private subnets the functions run in
 * @param securityGroupId        the functions' security group (egress to DynamoDB and Redis only)
 * @param tables                 the tables the grants and the environment name
 * @param redisUrl               the leaderboard's {@code rediss://} URL
 * @param logKeyArn              the KMS key of the functions' log groups
 * @param logRetentionDays       how long the functions' logs are kept
 * @param memoryMb               memory of each function (CPU scales with it)
 * @param apiTimeoutSeconds      the API handler's timeout, below API Gateway's 30 s integration limit
 * @param consumerTimeoutSeconds the stream consumer's timeout
 * @param streamPolling          how the consumer reads the Orders stream
 * @param checkoutLimits         the API's per-customer checkout rate limit, handed over as CHECKOUT_LIMIT and
 *                               CHECKOUT_WINDOW_SECONDS
 */
public record FunctionsArgs(RegionContext region, String stackRole, String codeJar, Output<List<String>> subnetIds,
                            Output<String> securityGroupId, Tables tables, Output<String> redisUrl,
                            Output<String> logKeyArn, int logRetentionDays, int memoryMb, int apiTimeoutSeconds,
                            int consumerTimeoutSeconds, StreamPolling streamPolling, CheckoutLimits checkoutLimits) {

    /** The three global tables of the region. */
    public record Tables(TableRef books, TableRef cart, TableRef orders) {
    }

    /**
     * @param limit         new orders one customer may place per window
     * @param windowSeconds the window's length
     */
    public record CheckoutLimits(int limit, int windowSeconds) {
    }

    /**
     * @param batchSize           records per invocation
     * @param maxRetries          retries of a failing batch (halved each time) before it goes to the failure queue
     * @param maxRecordAgeSeconds older records go to the failure queue instead of being processed
     */
    public record StreamPolling(int batchSize, int maxRetries, int maxRecordAgeSeconds) {
    }
}
