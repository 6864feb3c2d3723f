package com.bookstore.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.bookstore.api.ApiHandler;
import com.bookstore.api.catalogue.Book;
import com.bookstore.bestsellers.BestSellerStreamHandler;
import com.bookstore.local.aws.LocalAws;
import com.bookstore.local.cognito.ConfirmationCodes;
import com.bookstore.local.cognito.LocalUserPool;
import com.bookstore.local.gateway.LocalGateway;
import com.bookstore.local.lambda.LocalFunction;
import com.bookstore.local.streams.StreamPoller;
import com.bookstore.ops.CatalogueFile;
import com.bookstore.ops.CatalogueSeeder;
import com.bookstore.ops.TableSetup;
import com.bookstore.platform.FunctionSettings;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The whole bookstore in one process on top of moto and redis-server: creates the tables, seeds the
 * catalogue, creates the user pool and a demo account, then runs the API function behind the local
 * gateway and the best-seller consumer behind the stream poller until SIGTERM/SIGINT.
 *
 * <p>Its environment is the functions' environment (docs/interfaces.md: BOOKS_TABLE, CART_TABLE,
 * ORDERS_TABLE, REDIS_URL, BOOKSTORE_ROLE, AWS_REGION, AWS_ENDPOINT_URL), since the handlers read it
 * exactly as on Lambda, plus the gateway's own settings (BOOKSTORE_PORT, BOOKSTORE_UI_DIST,
 * BOOKSTORE_BLOG_URL, BOOKSTORE_DEMO_EMAIL, BOOKSTORE_DEMO_PASSWORD). scripts/local.sh sets all of them.
 * Two-region mode (scripts/drill.sh) adds BOOKSTORE_USER_POOL_ID / _CLIENT_ID / _REGION (the secondary trusts,
 * and its Cognito endpoint replicates, the primary's pool) and BOOKSTORE_OTHER_COGNITO_ENDPOINTS.
 */
public final class LocalBookstore implements AutoCloseable {
    /** Lambda's limits as the stack configures them: the API answers within API Gateway's 30 s. */
    private static final int API_TIMEOUT_MS = 29_000;
    private static final int CONSUMER_TIMEOUT_MS = 60_000;
    /** Printed at start-up; it has to pass the pool's password policy like any shopper's password. */
    public static final String DEFAULT_DEMO_PASSWORD = "Demo-passw0rd!";

    private final LocalGateway gateway;
    private final StreamPoller poller;
    private final List<AutoCloseable> clients;

    private LocalBookstore(LocalGateway gateway, StreamPoller poller, List<AutoCloseable> clients) {
        this.gateway = gateway;
        this.poller = poller;
        this.clients = clients;
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = System.out;
        LocalBookstore bookstore = start(System.getenv(), out);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.println("[local] stopping the gateway and the stream poller");
            bookstore.close();
            stopped.countDown();
        }, "shutdown"));
        out.println("Bookstore is running at " + bookstore.gateway.baseUri());
        out.flush();
        stopped.await();
    }

    public static LocalBookstore start(Map<String, String> env, PrintStream out) throws Exception {
        FunctionSettings functions = FunctionSettings.from(env);
        URI moto = functions.aws().endpoint()
                .orElseThrow(() -> new IllegalStateException("AWS_ENDPOINT_URL must point at moto for the local bookstore"));
        LocalAws aws = new LocalAws(moto, functions.region());
        DynamoDbClient dynamoDb = aws.dynamoDb();
        DynamoDbStreamsClient streams = aws.streams();
        CognitoIdentityProviderClient cognito = aws.cognito();

        List<String> created = new TableSetup(dynamoDb).ensure(functions.tables());
        out.println("[local] tables " + (created.isEmpty() ? "already present" : "created: " + String.join(", ", created)));
        List<Book> catalogue = CatalogueFile.books();
        out.println("[local] " + new CatalogueSeeder(dynamoDb, functions.tables().books()).seed(catalogue));

        LocalUserPool pool;
        String demoEmail = env.getOrDefault("BOOKSTORE_DEMO_EMAIL", "demo@bookstore.local");
        String demoPassword = env.getOrDefault("BOOKSTORE_DEMO_PASSWORD", DEFAULT_DEMO_PASSWORD);
        if (env.containsKey("BOOKSTORE_USER_POOL_ID")) {
            pool = LocalUserPool.existing(env.get("BOOKSTORE_USER_POOL_REGION"), env.get("BOOKSTORE_USER_POOL_ID"),
                    env.get("BOOKSTORE_USER_POOL_CLIENT_ID"));
        } else {
            pool = LocalUserPool.create(cognito, functions.region(), "bookstore-local");
            pool.createConfirmedUser(cognito, demoEmail, demoPassword);
        }
        out.println("[local] user pool " + pool.userPoolId() + ", app client " + pool.clientId());
        out.println("[local] demo account: " + demoEmail + " / " + demoPassword);

        RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> api = new ApiHandler();
        RequestHandler<DynamodbEvent, StreamsEventResponse> bestSellers = new BestSellerStreamHandler();
        String streamArn = dynamoDb.describeTable(r -> r.tableName(functions.tables().orders())).table().latestStreamArn();
        StreamPoller poller = new StreamPoller(streams, streamArn, functions.region(),
                new LocalFunction<>("bookstore-best-sellers", bestSellers, CONSUMER_TIMEOUT_MS),
                StreamPoller.Settings.defaults(), out).start();
        out.println("[local] stream poller reading " + streamArn);

        ConfirmationCodes codes = new ConfirmationCodes();
        LocalGateway gateway = LocalGateway.start(new LocalGateway.Settings(
                        Integer.parseInt(env.getOrDefault("BOOKSTORE_PORT", "8080")), moto, pool,
                        Path.of(env.getOrDefault("BOOKSTORE_UI_DIST", "ui/dist")), functions.region(), functions.role(),
                        env.getOrDefault("BOOKSTORE_BLOG_URL", ""), catalogue, otherCognitoEndpoints(env)),
                new LocalFunction<>("bookstore-api", api, API_TIMEOUT_MS), codes, out);
        return new LocalBookstore(gateway, poller, List.of(dynamoDb, streams, cognito));
    }

    public URI baseUri() {
        return gateway.baseUri();
    }

    /** BOOKSTORE_OTHER_COGNITO_ENDPOINTS: the other region's Cognito endpoint(s), comma-separated (two-region mode). */
    static List<String> otherCognitoEndpoints(Map<String, String> env) {
        String listed = env.getOrDefault("BOOKSTORE_OTHER_COGNITO_ENDPOINTS", "");
        return java.util.Arrays.stream(listed.split(",")).map(String::strip).filter(e -> !e.isEmpty()).toList();
    }

    @Override
    public void close() {
        gateway.close();
        poller.close();
        for (AutoCloseable client : clients) {
            try {
                client.close();
            } catch (Exception ignored) {
                // closing at exit: nothing left to do about it
            }
        }
    }
}
