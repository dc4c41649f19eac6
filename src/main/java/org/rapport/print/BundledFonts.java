package org.rapport.print;

import org.apache.fontbox.FontBoxFont;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.font.CIDFontMapping;
import org.apache.pdfbox.pdmodel.font.FontMapper;
import org.apache.pdfbox.pdmodel.font.FontMapping;
import org.apache.pdfbox.pdmodel.font.PDCIDSystemInfo;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;

/**
 * Gives PDFBox our bundled DejaVu fonts wherever it asks for a font it does not have (the standard 14 PDF fonts it
 * sets up on first use). Without it PDFBox scans every font installed on the machine and caches the result: seconds on
 * a first export, a file in the user's home, and warnings on the terminal, for fonts our documents never use.
 */
final class BundledFonts implements FontMapper {
    private final Map<String, TrueTypeFont> loaded = new ConcurrentHashMap<>();

    static String fileFor(String baseFont) {
        String name = baseFont == null ? "" : baseFont.toLowerCase(Locale.ROOT);
        boolean bold = name.contains("bold");
        boolean slanted = name.contains("italic") || name.contains("oblique");
        // DejaVu Sans Bold Oblique is not bundled: bold is the more visible of the two.
        return bold ? "fonts/DejaVuSans-Bold.ttf" : slanted ? "fonts/DejaVuSans-Oblique.ttf" : "fonts/DejaVuSans.ttf";
    }

    private TrueTypeFont font(String baseFont) {
        return loaded.computeIfAbsent(fileFor(baseFont), file -> {
            try (InputStream in = BundledFonts.class.getResourceAsStream(file)) {
                if (in == null) throw new IllegalStateException(file + " is missing from the build");
                return new TTFParser().parse(new RandomAccessReadBuffer(in.readAllBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Override
    public FontMapping<TrueTypeFont> getTrueTypeFont(String baseFont, PDFontDescriptor descriptor) {
        return new FontMapping<>(font(baseFont), true);
    }

    @Override
    public FontMapping<FontBoxFont> getFontBoxFont(String baseFont, PDFontDescriptor descriptor) {
        return new FontMapping<>(font(baseFont), true);
    }

    @Override
    public CIDFontMapping getCIDFont(String baseFont, PDFontDescriptor descriptor, PDCIDSystemInfo cidSystemInfo) {
        return new CIDFontMapping(null, font(baseFont), true);
    }
}
