package com.bookstore.local.aws;

/**
 * moto serves every AWS service on one port and picks the service from the Host header (or, failing that,
 * from the path or X-Amz-Target). The JDK HTTP client only sends a Host header of our choosing when the JVM
 * starts with {@code -Djdk.httpclient.allowRestrictedHeaders=host} (read once, when the client first loads),
 * which the launcher and the tests set; without it requests still reach the right moto backend by path.
 */
public final class MotoHost {
    private MotoHost() {
    }

    public static boolean headerAllowed() {
        String allowed = System.getProperty("jdk.httpclient.allowRestrictedHeaders", "");
        for (String header : allowed.split(",")) {
            if (header.strip().equalsIgnoreCase("host")) {
                return true;
            }
        }
        return false;
    }
}
