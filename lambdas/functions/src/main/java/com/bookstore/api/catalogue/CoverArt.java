package com.bookstore.api.catalogue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Draws a book's cover as SVG from its title, author and category: the same book always gets the same
 * bytes, so covers are generated once (CoverGenerator) and served as static files.
 */
public final class CoverArt {

    private static final Map<String, String[]> PALETTE = Map.of(
            "Cookbooks", new String[] {"#b5502d", "#f6e3c7"},
            "Database", new String[] {"#1f4e79", "#d9e8f5"},
            "Science Fiction", new String[] {"#2d1b4e", "#c9b8f0"},
            "Cars", new String[] {"#8a1c1c", "#f2d0c4"},
            "Home Improvement", new String[] {"#3b6b35", "#dcefd2"},
            "Fairy Tales", new String[] {"#a3275f", "#f8d5e5"},
            "Woodwork", new String[] {"#6d4c2f", "#efdcc3"});
    private static final String[] FALLBACK = {"#4a4a4a", "#eeeeee"};
    private static final int LINE_CHARACTERS = 16;
    private static final int MAX_TITLE_LINES = 4;

    private CoverArt() {
    }

    public static byte[] svg(Book book) {
        String[] colours = PALETTE.getOrDefault(book.category(), FALLBACK);
        // A second hue derived from the id gives books of one category distinct, stable covers.
        int hue = Math.floorMod(book.id().hashCode(), 360);
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"300\" height=\"450\" viewBox=\"0 0 300 450\"")
                .append(" role=\"img\" aria-label=\"").append(escape(book.name())).append("\">\n");
        svg.append("  <rect width=\"300\" height=\"450\" fill=\"").append(colours[0]).append("\"/>\n");
        svg.append("  <rect x=\"0\" y=\"330\" width=\"300\" height=\"120\" fill=\"hsl(").append(hue)
                .append(", 45%, 35%)\" opacity=\"0.55\"/>\n");
        svg.append("  <rect x=\"18\" y=\"18\" width=\"264\" height=\"414\" fill=\"none\" stroke=\"").append(colours[1])
                .append("\" stroke-width=\"2\"/>\n");
        svg.append("  <text x=\"150\" y=\"60\" text-anchor=\"middle\" font-family=\"sans-serif\" font-size=\"14\"")
                .append(" letter-spacing=\"3\" fill=\"").append(colours[1]).append("\">")
                .append(escape(book.category().toUpperCase(java.util.Locale.ROOT))).append("</text>\n");
        List<String> lines = wrap(book.name());
        int y = 170 - (lines.size() - 1) * 18;
        for (String line : lines) {
            svg.append("  <text x=\"150\" y=\"").append(y).append("\" text-anchor=\"middle\" font-family=\"serif\"")
                    .append(" font-size=\"30\" font-weight=\"bold\" fill=\"#ffffff\">").append(escape(line)).append("</text>\n");
            y += 38;
        }
        svg.append("  <text x=\"150\" y=\"395\" text-anchor=\"middle\" font-family=\"sans-serif\" font-size=\"18\"")
                .append(" fill=\"").append(colours[1]).append("\">").append(escape(book.author())).append("</text>\n");
        svg.append("</svg>\n");
        return svg.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> wrap(String title) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : title.split("\\s+")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > LINE_CHARACTERS) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines.size() <= MAX_TITLE_LINES ? lines : lines.subList(0, MAX_TITLE_LINES);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
