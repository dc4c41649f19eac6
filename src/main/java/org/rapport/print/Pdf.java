package org.rapport.print;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import org.apache.pdfbox.pdmodel.font.FontMappers;

import java.io.IOException;
import java.io.OutputStream;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Renders a printable XHTML page to PDF with openhtmltopdf. The fonts (DejaVu Sans, see {@code fonts/LICENSE-DejaVu.txt})
 * ship inside the app and are embedded in the file, so quotes, dashes and accented names print the same on every
 * machine, with no network and nothing installed. The files are tagged (PDF/UA): a structure tree of headings,
 * paragraphs, lists and tables, the document's language and its title, so a screen reader can read them.
 */
public final class Pdf {
    static final String FONT = "DejaVu Sans";

    /** Held so the setting sticks (java.util.logging keeps loggers weakly). */
    private static final Logger PDFBOX_LOG = Logger.getLogger("org.apache.pdfbox");

    static {
        XRLog.setLoggingEnabled(false);
        // PDFBox reports through java.util.logging; what it says about fonts is no business of a trainee's terminal.
        PDFBOX_LOG.setLevel(Level.SEVERE);
        FontMappers.set(new BundledFonts());
    }

    private Pdf() {
    }

    public static void write(String xhtml, OutputStream out) throws IOException {
        PdfRendererBuilder b = new PdfRendererBuilder();
        b.useFastMode();
        // Tagged PDF/UA: a structure tree, the language and the title, so a screen reader can read the page in order.
        b.usePdfUaAccessbility(true);
        b.useFont(() -> Pdf.class.getResourceAsStream("fonts/DejaVuSans.ttf"), FONT, 400, FontStyle.NORMAL, true);
        b.useFont(() -> Pdf.class.getResourceAsStream("fonts/DejaVuSans-Bold.ttf"), FONT, 700, FontStyle.NORMAL, true);
        b.useFont(() -> Pdf.class.getResourceAsStream("fonts/DejaVuSans-Oblique.ttf"), FONT, 400, FontStyle.ITALIC, true);
        b.withHtmlContent(xhtml, null);
        b.toStream(out);
        try {
            b.run();
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("The PDF could not be made: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        }
    }
}
