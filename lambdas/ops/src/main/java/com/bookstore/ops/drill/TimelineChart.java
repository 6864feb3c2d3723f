package com.bookstore.ops.drill;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The drill as a picture: successful requests per second for each region (one line each), failed
 * requests per second (bars), and vertical marks at the fault, the failover, the heal and the
 * failback. Hand-written SVG: a few dozen elements do not need a chart library.
 */
public final class TimelineChart {

    static final int WIDTH = 1000;
    static final int HEIGHT = 400;
    static final int LEFT = 60;
    static final int RIGHT = 220;
    static final int TOP = 40;
    static final int BOTTOM = 50;
    static final String PRIMARY_COLOUR = "#1f77b4";
    static final String SECONDARY_COLOUR = "#ff7f0e";
    static final String ERROR_COLOUR = "#d62728";

    private TimelineChart() {}

    public static String svg(DrillReport report) {
        List<SecondBucket> buckets = report.timeline();
        int seconds = Math.max(1, buckets.size());
        int peak = 1;
        for (SecondBucket b : buckets) {
            peak = Math.max(peak, Math.max(b.errors(), Math.max(b.successes(report.primaryRegion()), b.successes(report.secondaryRegion()))));
        }
        int yMax = niceCeiling(peak);
        Scale scale = new Scale(seconds, yMax);

        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n",
                WIDTH, HEIGHT, WIDTH, HEIGHT));
        svg.append("<title>Failover drill: requests per second by serving region</title>\n");
        svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", WIDTH, HEIGHT));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"22\" font-size=\"15\" font-weight=\"bold\">%s</text>%n", LEFT,
                escape("Failover drill " + report.primaryRegion() + " -> " + report.secondaryRegion() + " (" + report.startedAt() + ")")));
        axes(svg, scale, seconds, yMax);
        errorBars(svg, scale, buckets);
        line(svg, scale, buckets, report.primaryRegion(), PRIMARY_COLOUR, "primary");
        line(svg, scale, buckets, report.secondaryRegion(), SECONDARY_COLOUR, "secondary");
        marks(svg, scale, report);
        legend(svg, report);
        svg.append("</svg>\n");
        return svg.toString();
    }

    /** Maps drill seconds and counts to pixels. */
    private record Scale(int seconds, int yMax) {
        double x(double second) {
            return LEFT + second * (WIDTH - LEFT - RIGHT) / seconds;
        }

        double y(double count) {
            return HEIGHT - BOTTOM - count * (HEIGHT - TOP - BOTTOM) / yMax;
        }
    }

    private static void axes(StringBuilder svg, Scale scale, int seconds, int yMax) {
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>%n",
                LEFT, HEIGHT - BOTTOM, WIDTH - RIGHT, HEIGHT - BOTTOM));
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>%n",
                LEFT, TOP, LEFT, HEIGHT - BOTTOM));
        int step = niceCeiling(Math.max(1, seconds / 10));
        for (int s = 0; s <= seconds; s += step) {
            svg.append(String.format(Locale.ROOT,
                    "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%d</text>%n", scale.x(s), HEIGHT - BOTTOM + 16, s));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">seconds since the drill started</text>%n",
                scale.x(seconds / 2.0), HEIGHT - 12));
        for (int i = 0; i <= 4; i++) {
            double value = yMax * i / 4.0;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#eee\"/>%n",
                    LEFT, scale.y(value), WIDTH - RIGHT, scale.y(value)));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n",
                    LEFT - 6, scale.y(value) + 4, trim(value)));
        }
        svg.append(String.format(Locale.ROOT,
                "<text x=\"16\" y=\"%.1f\" transform=\"rotate(-90 16 %.1f)\" text-anchor=\"middle\">requests per second</text>%n",
                scale.y(yMax / 2.0), scale.y(yMax / 2.0)));
    }

    private static void errorBars(StringBuilder svg, Scale scale, List<SecondBucket> buckets) {
        svg.append("<g class=\"errors\" fill=\"").append(ERROR_COLOUR).append("\" fill-opacity=\"0.6\">\n");
        for (SecondBucket b : buckets) {
            if (b.errors() > 0) {
                svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"><title>%d s: %d failed</title></rect>%n",
                        scale.x(b.second()), scale.y(b.errors()), scale.x(b.second() + 1) - scale.x(b.second()),
                        scale.y(0) - scale.y(b.errors()), b.second(), b.errors()));
            }
        }
        svg.append("</g>\n");
    }

    private static void line(StringBuilder svg, Scale scale, List<SecondBucket> buckets, String region, String colour, String role) {
        List<String> points = new ArrayList<>();
        for (SecondBucket b : buckets) {
            points.add(String.format(Locale.ROOT, "%.1f,%.1f", scale.x(b.second() + 0.5), scale.y(b.successes(region))));
        }
        svg.append(String.format(Locale.ROOT,
                "<polyline class=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\" points=\"%s\"/>%n",
                role, colour, String.join(" ", points)));
    }

    /**
     * A disturbance's label stands left of its line and its recovery's right of its own: a recovery
     * always follows its disturbance, so the two never print over each other however close they are.
     */
    private static void marks(StringBuilder svg, Scale scale, DrillReport report) {
        mark(svg, scale, report.faultInjectedAt(), "fault", ERROR_COLOUR, "6,4", "end");
        if (report.failover() != null) {
            mark(svg, scale, report.failover().recoveredAt(), "failover", "#2ca02c", null, "start");
        }
        mark(svg, scale, report.faultHealedAt(), "heal", "#9467bd", "6,4", "end");
        if (report.failback() != null) {
            mark(svg, scale, report.failback().recoveredAt(), "failback", "#2ca02c", null, "start");
        }
    }

    private static void mark(StringBuilder svg, Scale scale, Long atMillis, String label, String colour, String dash,
                             String anchor) {
        if (atMillis == null) {
            return;
        }
        double x = scale.x(atMillis / 1000.0);
        svg.append(String.format(Locale.ROOT, "<line class=\"mark %s\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"%s\" stroke-width=\"1.5\"%s/>%n",
                label, x, TOP, x, HEIGHT - BOTTOM, colour, dash == null ? "" : " stroke-dasharray=\"" + dash + "\""));
        double labelX = "end".equals(anchor) ? x - 3 : x + 3;
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" fill=\"%s\" text-anchor=\"%s\">%s</text>%n",
                labelX, TOP - 4, colour, anchor, label));
    }

    private static void legend(StringBuilder svg, DrillReport report) {
        int x = WIDTH - RIGHT + 16;
        String[][] entries = {
                {PRIMARY_COLOUR, "served by " + report.primaryRegion()},
                {SECONDARY_COLOUR, "served by " + report.secondaryRegion()},
                {ERROR_COLOUR, "failed requests"}};
        for (int i = 0; i < entries.length; i++) {
            int y = TOP + 10 + i * 22;
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"14\" height=\"10\" fill=\"%s\"/>%n", x, y - 9, entries[i][0]));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>%n", x + 20, y, escape(entries[i][1])));
        }
    }

    /** 1, 2, 5, 10, 20, 50 ... at or above {@code value}. */
    static int niceCeiling(int value) {
        int magnitude = 1;
        while (true) {
            for (int factor : new int[] {1, 2, 5}) {
                if (factor * magnitude >= value) {
                    return factor * magnitude;
                }
            }
            magnitude *= 10;
        }
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
