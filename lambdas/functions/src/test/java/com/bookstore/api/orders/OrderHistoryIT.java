package com.bookstore.api.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bookstore.api.ApiHandler;
import com.bookstore.api.BookstoreApi;
import com.bookstore.api.catalogue.Book;
import com.bookstore.ops.CatalogueFile;
import com.bookstore.platform.LazyRedisPool;
import com.bookstore.platform.TableNames;
import com.bookstore.testing.ApiEvent;
import com.bookstore.testing.ApiResult;
import com.bookstore.testing.Engines;
import com.bookstore.testing.LocalEngines;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A customer whose orders fill more than one DynamoDB Query page (1 MB, which moto enforces too). */
@ExtendWith(LocalEngines.class)
class OrderHistoryIT {

    private static final List<Book> BOOKS = CatalogueFile.books();
    /** About 100 KB each (fifty lines with long titles): a dozen orders pass the 1 MB page. */
    private static final int ORDERS = 12;
    private static final String LONG_TITLE = "A Title Long Enough to Fill the Page ".repeat(50);

    @Test
    void anOrderHistoryLongerThanOneQueryPageIsListedWholeNewestFirst(Engines engines) {
        TableNames tables = engines.freshTables();
        String customer = UUID.randomUUID().toString();
        List<String> written = writeOrders(engines, tables, customer);
        var firstPage = engines.dynamo().query(r -> r.tableName(tables.orders())
                .keyConditionExpression("customerId = :c")
                .expressionAttributeValues(Map.of(":c", AttributeValue.fromS(customer))));
        assertTrue(firstPage.hasLastEvaluatedKey() && !firstPage.lastEvaluatedKey().isEmpty(),
                "the fixture must span more than one page, was " + firstPage.count() + " items in one");

        var api = new BookstoreApi(engines.settings(tables, Engines.deadRedisUrl()), engines.dynamo(),
                new LazyRedisPool(Engines.deadRedisUrl()), Clock.systemUTC());
        ApiResult history = ApiResult.of(new ApiHandler(api).handleRequest(
                ApiEvent.signedIn(customer, "GET", "/orders").build(), null));

        assertEquals(200, history.status());
        List<String> listed = new ArrayList<>();
        history.body().getAsJsonArray("items").forEach(o -> listed.add(o.getAsJsonObject().get("orderId").getAsString()));
        List<String> newestFirst = new ArrayList<>(written);
        java.util.Collections.reverse(newestFirst);
        assertEquals(newestFirst, listed);
    }

    /** Orders of fifty lines each, oldest first, written straight to the table in the checkout's item layout. */
    private static List<String> writeOrders(Engines engines, TableNames tables, String customer) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < ORDERS; i++) {
            List<OrderLine> lines = BOOKS.subList(0, 50).stream().map(book -> new OrderLine(book.id(),
                    book.name() + " / " + LONG_TITLE, book.author(), 1, book.price(), book.price())).toList();
            String orderId = "ord-" + UUID.randomUUID().toString().replace("-", "");
            Order order = new Order(orderId, "2026-01-01T00:00:%02d.000000Z".formatted(i), Order.PLACED, lines, 50,
                    lines.stream().map(OrderLine::lineTotal).reduce(BigDecimal.ZERO, BigDecimal::add), Engines.REGION);
            engines.dynamo().putItem(r -> r.tableName(tables.orders())
                    .item(OrderTable.OrderItems.toItem(customer, "key-" + orderId, new StoredOrder(order, "f"))));
            ids.add(orderId);
        }
        return ids;
    }
}
