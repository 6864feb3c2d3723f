package com.bookstore.api.catalogue;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bookstore.ops.CatalogueFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CoverArtTest {

    @Test
    void shippedCoversAreExactlyWhatTheGeneratorDraws() throws IOException {
        for (Book book : CatalogueFile.books()) {
            try (InputStream shipped = CoverArtTest.class.getResourceAsStream("/covers/" + book.id() + ".svg")) {
                assertNotNull(shipped, "no cover shipped for " + book.id() + ": run CoverGenerator (see docs/api.md)");
                assertArrayEquals(CoverArt.svg(book), shipped.readAllBytes(), "cover of " + book.id() + " is stale");
            }
        }
    }

    @Test
    void coverShowsTitleAuthorAndEscapesMarkup() {
        Book book = Book.of("b1", "Fish & <Chips>", "A \"Cook\"", "Cookbooks", java.math.BigDecimal.ONE, 4);

        String svg = new String(CoverArt.svg(book), StandardCharsets.UTF_8);

        assertTrue(svg.contains("Fish &amp; &lt;Chips&gt;"), svg);
        assertTrue(svg.contains("A &quot;Cook&quot;"), svg);
        assertTrue(svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    }

    @Test
    void longTitleWrapsAtWordsIntoLinesThatFitTheFrame() {
        CoverArt.TitleLayout layout = CoverArt.TitleLayout.of("Levantine Hummus");

        assertEquals(java.util.List.of("Levantine", "Hummus"), layout.lines());
        assertEquals(30, layout.fontSize());
        for (String line : layout.lines()) {
            assertTrue(CoverArt.width(line, layout.fontSize(), 0.72) <= CoverArt.TEXT_WIDTH, line);
        }
    }

    @Test
    void titleThatNeedsMoreThanFourLinesIsSetSmallerRatherThanCut() {
        CoverArt.TitleLayout layout = CoverArt.TitleLayout.of("Surviving Your UX Career In Large Organisations");

        assertTrue(layout.lines().size() <= 4, layout.toString());
        assertTrue(layout.fontSize() < 30, layout.toString());
        assertEquals("Surviving Your UX Career In Large Organisations", String.join(" ", layout.lines()));
    }

    // Characters per title line, floor(236 / (size * 0.72)): 10 at 30, 11 at 28, 12 at 26, 13 at 24, 14 at 22, 16 at 20.

    @Test
    void aTitleOfExactlyFourLinesKeepsTheLargestSize() {
        CoverArt.TitleLayout layout = CoverArt.TitleLayout.of("Practical Dumpling Recipes Tonight");

        assertEquals(java.util.List.of("Practical", "Dumpling", "Recipes", "Tonight"), layout.lines());
        assertEquals(30, layout.fontSize());
    }

    @Test
    void aTitleThatFitsOnlyAtTheSmallestSizeIsWrappedForThatSize() {
        // "Characterisation" (16) first fits at 20, where "Across Cultures" (15) still shares a line.
        CoverArt.TitleLayout layout = CoverArt.TitleLayout.of("Characterisation Across Cultures");

        assertEquals(java.util.List.of("Characterisation", "Across Cultures"), layout.lines());
        assertEquals(20, layout.fontSize());
    }

    @Test
    void aWordThatFitsNowhereSetsTheSmallestSizeAndOnlyAFifthLineIsCut() {
        CoverArt.TitleLayout four = CoverArt.TitleLayout.of("Supercalifragilisticexpialidocious Words for Every Occasion Imaginable");
        CoverArt.TitleLayout five = CoverArt.TitleLayout.of("Supercalifragilisticexpialidocious Words for Every Occasion Imaginable Indeed");

        assertEquals(java.util.List.of("Supercalifragilisticexpialidocious", "Words for Every", "Occasion", "Imaginable"), four.lines());
        assertEquals(20, four.fontSize());
        assertEquals(java.util.List.of("Supercalifragilisticexpialidocious", "Words for Every", "Occasion", "Imaginable\u2026"),
                five.lines());
        assertEquals(20, CoverArt.TitleLayout.of("Pneumonoultramicroscopicsilicovolcanoconiosis").fontSize(),
                "a word too long at every size is set at the smallest, then squeezed");
    }

    @Test
    void wordTooLongForTheSmallestSizeIsSqueezedToTheFrameWidth() {
        Book book = Book.of("b2", "Pneumonoultramicroscopicsilicovolcanoconiosis", "A", "Cookbooks",
                java.math.BigDecimal.ONE, 4);

        String svg = new String(CoverArt.svg(book), StandardCharsets.UTF_8);

        assertTrue(svg.contains("textLength=\"" + CoverArt.TEXT_WIDTH + "\" lengthAdjust=\"spacingAndGlyphs\">"
                + "Pneumonoultramicroscopicsilicovolcanoconiosis</text>"), svg);
    }

    @Test
    void eachCategoryHasItsOwnColour() {
        Set<String> backgrounds = new HashSet<>();
        Set<String> categories = new HashSet<>();
        for (Book book : CatalogueFile.books()) {
            if (categories.add(book.category())) {
                String svg = new String(CoverArt.svg(book), StandardCharsets.UTF_8);
                backgrounds.add(svg.substring(svg.indexOf("fill=\"#") + 6, svg.indexOf("fill=\"#") + 13));
            }
        }
        assertEquals(categories.size(), backgrounds.size(), "categories sharing a colour: " + categories);
    }

    @Test
    void bookCoverIsASiteRelativePath() {
        assertEquals("/covers/abc.svg", Book.of("abc", "n", "a", "c", java.math.BigDecimal.TEN, 1).cover());
    }
}
