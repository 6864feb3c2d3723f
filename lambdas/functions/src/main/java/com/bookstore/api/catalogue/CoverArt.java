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
    /** Width the title and author may use: the frame (x 18..282) less a margin on each side. */
    static final int TEXT_WIDTH = 236;
    private static final int TITLE_SIZE = 30;
    private static final int MIN_TITLE_SIZE = 20;
    private static final int AUTHOR_SIZE = 18;
    private static final int MAX_TITLE_LINES = 4;
    // Average advance of a glyph in em, on the wide side of the fonts a browser picks for "serif"/"sans-serif"
    // (DejaVu Serif Bold is about 0.68 em), so an estimated line is never shorter than the drawn one.
    private static final double SERIF_BOLD_EM = 0.72;
    private static final double SANS_EM = 0.62;

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
        TitleLayout title = TitleLayout.of(book.name());
        int y = 170 - (title.lines().size() - 1) * title.lineHeight() / 2;
        for (String line : title.lines()) {
            svg.append("  <text x=\"150\" y=\"").append(y).append("\" text-anchor=\"middle\" font-family=\"serif\"")
                    .append(" font-size=\"").append(title.fontSize()).append("\" font-weight=\"bold\" fill=\"#ffffff\"")
                    .append(squeezed(line, title.fontSize(), SERIF_BOLD_EM)).append('>').append(escape(line)).append("</text>\n");
            y += title.lineHeight();
        }
        svg.append("  <text x=\"150\" y=\"395\" text-anchor=\"middle\" font-family=\"sans-serif\" font-size=\"")
                .append(AUTHOR_SIZE).append("\" fill=\"").append(colours[1]).append('"')
                .append(squeezed(book.author(), AUTHOR_SIZE, SANS_EM)).append('>').append(escape(book.author())).append("</text>\n");
        svg.append("</svg>\n");
        return svg.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The title's lines and size: the largest size from {@value #TITLE_SIZE} down to {@value #MIN_TITLE_SIZE} at which
     * the words wrap into at most {@value #MAX_TITLE_LINES} lines that each fit {@link #TEXT_WIDTH}; words are never
     * cut. A word too long even at the smallest size is squeezed to fit ({@link #squeezed}).
     */
    record TitleLayout(List<String> lines, int fontSize) {

        int lineHeight() {
            return Math.round(fontSize * 1.25f);
        }

        static TitleLayout of(String title) {
            List<String> lines = List.of();
            for (int size = TITLE_SIZE; size >= MIN_TITLE_SIZE; size -= 2) {
                lines = wrap(title, (int) Math.floor(TEXT_WIDTH / (size * SERIF_BOLD_EM)));
                if (lines.size() <= MAX_TITLE_LINES && fit(lines, size)) {
                    return new TitleLayout(lines, size);
                }
            }
            if (lines.size() > MAX_TITLE_LINES) {
                lines = new ArrayList<>(lines.subList(0, MAX_TITLE_LINES));
                lines.set(MAX_TITLE_LINES - 1, lines.get(MAX_TITLE_LINES - 1) + "\u2026");
            }
            return new TitleLayout(lines, MIN_TITLE_SIZE);
        }

        private static boolean fit(List<String> lines, int fontSize) {
            return lines.stream().allMatch(line -> width(line, fontSize, SERIF_BOLD_EM) <= TEXT_WIDTH);
        }

        private static List<String> wrap(String title, int lineCharacters) {
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            for (String word : title.trim().split("\\s+")) {
                if (line.length() > 0 && line.length() + 1 + word.length() > lineCharacters) {
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
            return lines;
        }
    }

    static double width(String text, int fontSize, double em) {
        return text.codePointCount(0, text.length()) * fontSize * em;
    }

    /** For a line that would overflow: SVG's textLength makes the renderer fit it to the width exactly. */
    private static String squeezed(String line, int fontSize, double em) {
        return width(line, fontSize, em) <= TEXT_WIDTH ? ""
                : " textLength=\"" + TEXT_WIDTH + "\" lengthAdjust=\"spacingAndGlyphs\"";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
