package com.bookstore.api.bestsellers;

import com.bookstore.api.catalogue.Book;
import com.bookstore.api.catalogue.Catalogue;
import com.bookstore.bestsellers.Leaderboard;
import com.bookstore.bestsellers.Ranking;
import com.bookstore.contract.BookstoreMetric;
import com.bookstore.platform.telemetry.Metrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The top sellers for the storefront. Redis being down is not the shopper's problem: the answer is then
 * the last board this container read, or else the catalogue's top-rated books, marked {@code stale}.
 */
public final class BestSellerBoard {

    public static final int SIZE = 20;
    private static final Logger LOG = Logger.getLogger(BestSellerBoard.class.getName());

    private final Leaderboard leaderboard;
    private final Catalogue catalogue;
    private final Metrics metrics;
    private volatile BestSellers lastFresh;

    public BestSellerBoard(Leaderboard leaderboard, Catalogue catalogue, Metrics metrics) {
        this.leaderboard = leaderboard;
        this.catalogue = catalogue;
        this.metrics = metrics;
    }

    /** {@code sold} is null in the top-rated fallback, where no sales figures are known. */
    public record Entry(Book book, Long sold) {
    }

    public record BestSellers(List<Entry> items, boolean stale) {
    }

    public BestSellers top() {
        try {
            List<Ranking> rankings = leaderboard.top(SIZE);
            Map<String, Book> books = catalogue.books(rankings.stream().map(Ranking::bookId).toList());
            List<Entry> entries = new ArrayList<>();
            for (Ranking ranking : rankings) {
                Book book = books.get(ranking.bookId());
                if (book != null) {
                    entries.add(new Entry(book, ranking.sold()));
                }
            }
            BestSellers fresh = new BestSellers(entries, false);
            lastFresh = fresh;
            return fresh;
        } catch (RuntimeException unavailable) {
            LOG.log(Level.WARNING, "best sellers unavailable, answering from the fallback: {0}", unavailable.toString());
            metrics.count(BookstoreMetric.REDIS_FALLBACKS);
            return fallback();
        }
    }

    private BestSellers fallback() {
        BestSellers last = lastFresh;
        if (last != null) {
            return new BestSellers(last.items(), true);
        }
        try {
            return new BestSellers(catalogue.topRated(SIZE).stream().map(book -> new Entry(book, null)).toList(), true);
        } catch (RuntimeException catalogueAlsoDown) {
            LOG.log(Level.WARNING, "catalogue unavailable too: {0}", catalogueAlsoDown.toString());
            return new BestSellers(List.of(), true);
        }
    }
}
