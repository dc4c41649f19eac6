package org.rapport.fuzz;

import com.google.gson.JsonParser;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import org.rapport.catalog.Catalog;
import org.rapport.diag.Diagnostic;
import org.rapport.importer.ImportResult;
import org.rapport.importer.Importer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Hostile and damaged imports: the fixtures of every format (Twee, Twine HTML, H5P package and content.json, compiled
 * ink, Yarn) truncated anywhere, with bytes flipped, inserted, deleted and duplicated, plus bytes at random. Whatever the
 * input, the import returns within the hang bound, throws nothing, locates every diagnostic (line and column 0 or
 * more), and a draft it writes is JSON. 1,750 cases by default (250 per format and 250 random); the fuzz profile
 * ({@code mvn -B -Pfuzz verify}) raises each property to its tries.
 */
@AddLifecycleHook(LongRun.class)
class ImportFuzzTest {
    private static final Importer IMPORTER = new Importer(Catalog.bundled());
    private static final byte[] TWEE = fixture("charged-twice.twee");
    private static final byte[] HTML = fixture("charged-twice.html");
    private static final byte[] CONTENT = fixture("wrong-size.content.json");
    private static final byte[] INK = fixture("late-glasses.ink.json");
    private static final byte[] H5P = h5p();
    private static final byte[] YARN = fixture("missing-parcel.yarn");
    private static final byte[] YARN_TROUBLE = fixture("kettle-trouble.yarn");

    @Property(tries = 250)
    void twee(@ForAll long seed) {
        check("fuzz.twee", mutate(TWEE, seed), seed);
    }

    @Property(tries = 250)
    void twineHtml(@ForAll long seed) {
        check("fuzz.html", mutate(HTML, seed), seed);
    }

    @Property(tries = 250)
    void h5pPackageAndContent(@ForAll long seed) {
        check("fuzz.h5p", mutate(H5P, seed), seed);
        check("content.json", mutate(CONTENT, seed), seed);
    }

    @Property(tries = 250)
    void compiledInk(@ForAll long seed) {
        check("fuzz.ink.json", mutate(INK, seed), seed);
    }

    @Property(tries = 250)
    void yarn(@ForAll long seed) {
        check("fuzz.yarn", mutate(seed % 2 == 0 ? YARN : YARN_TROUBLE, seed), seed);
    }

    @Property(tries = 250)
    void yarnWithoutItsName(@ForAll long seed) {
        check("fuzz.txt", mutate(YARN, seed), seed);
    }

    @Property(tries = 250)
    void randomBytesUnderEveryName(@ForAll long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        byte[] b = new byte[r.nextInt(0, 600)];
        for (int i = 0; i < b.length; i++) b[i] = (byte) r.nextInt(256);
        String[] names = {"x.twee", "x.html", "x.h5p", "content.json", "x.ink.json", "x.ink", "x.yarn", "x.bin"};
        check(names[r.nextInt(names.length)], b, seed);
    }

    static void check(String name, byte[] bytes, long seed) {
        String what = name + " seed " + seed + " (" + bytes.length + " bytes)";
        ImportResult r = Bounded.call(what, () -> IMPORTER.importBytes(name, bytes));
        for (Diagnostic d : r.report()) {
            if (d.line() < 0 || d.column() < 0 || d.message() == null || d.message().isBlank()) {
                throw new AssertionError("Badly located diagnostic " + d + " on " + what);
            }
        }
        if (r.dialogueJson() != null) JsonParser.parseString(r.dialogueJson());
        if (r.dialogueJson() == null && r.errors() == 0) throw new AssertionError("No draft and no error on " + what);
    }

    /** One to four damages: truncation, flipped, inserted, deleted or duplicated bytes. */
    static byte[] mutate(byte[] original, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        byte[] b = original;
        int n = 1 + r.nextInt(4);
        for (int k = 0; k < n && b.length > 0; k++) {
            int at = r.nextInt(b.length);
            switch (r.nextInt(5)) {
                case 0 -> b = Arrays.copyOf(b, at);
                case 1 -> {
                    b = b.clone();
                    b[at] = (byte) r.nextInt(256);
                }
                case 2 -> {
                    byte[] c = new byte[b.length + 1];
                    System.arraycopy(b, 0, c, 0, at);
                    c[at] = (byte) "[]{}<>:\"\\-|#\n\u0000\t=/".charAt(r.nextInt(17));
                    System.arraycopy(b, at, c, at + 1, b.length - at);
                    b = c;
                }
                case 3 -> {
                    int len = Math.min(b.length - at, 1 + r.nextInt(40));
                    byte[] c = new byte[b.length - len];
                    System.arraycopy(b, 0, c, 0, at);
                    System.arraycopy(b, at + len, c, at, b.length - at - len);
                    b = c;
                }
                default -> {
                    int len = Math.min(b.length - at, 1 + r.nextInt(200));
                    byte[] c = new byte[b.length + len];
                    System.arraycopy(b, 0, c, 0, at + len);
                    System.arraycopy(b, at, c, at + len, b.length - at);
                    b = c;
                }
            }
        }
        return b;
    }

    private static byte[] fixture(String name) {
        try (InputStream in = ImportFuzzTest.class.getResourceAsStream("/import/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] h5p() {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ZipOutputStream z = new ZipOutputStream(out)) {
                for (var e : List.of(List.of("h5p.json", "h5p.json"), List.of("content/content.json", "wrong-size.content.json"))) {
                    z.putNextEntry(new ZipEntry(e.get(0)));
                    z.write(fixture(e.get(1)));
                    z.closeEntry();
                }
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
