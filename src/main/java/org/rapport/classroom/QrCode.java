package org.rapport.classroom;

import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;

/**
 * A QR code as a grid of dark and light modules (ZXing's encoder, medium error correction), without the quiet zone;
 * drawing adds {@value #QUIET} light modules around it, as scanners expect.
 */
public final class QrCode {
    public static final int QUIET = 4;
    private final boolean[][] dark;

    private QrCode(boolean[][] dark) {
        this.dark = dark;
    }

    public static QrCode of(String text) {
        try {
            ByteMatrix m = Encoder.encode(text, ErrorCorrectionLevel.M).getMatrix();
            boolean[][] d = new boolean[m.getHeight()][m.getWidth()];
            for (int y = 0; y < m.getHeight(); y++) for (int x = 0; x < m.getWidth(); x++) d[y][x] = m.get(x, y) == 1;
            return new QrCode(d);
        } catch (WriterException e) {
            throw new IllegalArgumentException("This text cannot be put in a QR code: " + e.getMessage(), e);
        }
    }

    /** Modules per side, without the quiet zone. */
    public int size() {
        return dark.length;
    }

    public boolean dark(int x, int y) {
        return dark[y][x];
    }

    /**
     * The dark modules as one SVG path, one unit per module, with the quiet zone included in the coordinates (so the
     * whole code spans {@code size() + 2 * QUIET} units). Runs of dark modules in a row are joined.
     */
    public String svgPath() {
        StringBuilder b = new StringBuilder();
        int n = size();
        for (int y = 0; y < n; y++) {
            int x = 0;
            while (x < n) {
                if (!dark[y][x]) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < n && dark[y][x]) x++;
                b.append('M').append(start + QUIET).append(',').append(y + QUIET).append('h').append(x - start).append("v1h-").append(x - start).append('z');
            }
        }
        return b.toString();
    }

    /** The code as text for a terminal: two characters per module, dark as full blocks, with the quiet zone. */
    public String toText() {
        StringBuilder b = new StringBuilder();
        int n = size();
        for (int y = -QUIET; y < n + QUIET; y++) {
            for (int x = -QUIET; x < n + QUIET; x++) {
                boolean d = y >= 0 && y < n && x >= 0 && x < n && dark[y][x];
                b.append(d ? "██" : "  ");
            }
            b.append('\n');
        }
        return b.toString();
    }
}
