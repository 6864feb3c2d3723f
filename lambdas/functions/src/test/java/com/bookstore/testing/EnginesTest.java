package com.bookstore.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bookstore.platform.RedisClients;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.JedisPooled;

/** The shared harness itself: what every Lambda test relies on to stay apart from the others. */
@ExtendWith(LocalEngines.class)
class EnginesTest {

    @Test
    void freshRedisDatabasesKeepComingPastWhatOneServerHolds(Engines engines) {
        Set<String> urls = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            String url = engines.freshRedisUrl();
            try (JedisPooled redis = RedisClients.pooled(url)) {
                assertEquals(0, redis.dbSize(), url + " must be empty");
                redis.set("owner", url);
            }
            urls.add(url);
        }

        assertEquals(20, urls.size(), "every caller gets a database of its own: " + urls);
        for (String url : urls) {
            try (JedisPooled redis = RedisClients.pooled(url)) {
                assertEquals(url, redis.get("owner"), "another caller wrote into " + url);
            }
        }
        assertTrue(urls.stream().map(url -> url.replaceAll("/\\d+$", "")).distinct().count() >= 2,
                "20 databases take more than one redis-server of 16: " + urls);
    }
}
