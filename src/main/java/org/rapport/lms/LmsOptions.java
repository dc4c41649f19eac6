package org.rapport.lms;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * What a package is made for. {@code mastery}: the pass mark as a fraction of the debrief's score, 0..1, or null for
 * none (then a finished conversation is simply "completed"). {@code base}: the department's IRI base for xAPI and cmi5
 * identifiers, always ending in "/" (required for cmi5, optional for SCORM).
 */
public record LmsOptions(LmsStandard standard, Double mastery, Mode mode, String base) {
    /** How the web player runs the conversation: feedback after every reply, or only in the debrief. */
    public enum Mode {
        PRACTICE, ASSESSMENT;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Mode parse(String s) {
            String k = s == null ? "" : s.strip().toLowerCase(Locale.ROOT);
            for (Mode m : values()) if (m.id().equals(k)) return m;
            throw new LmsException(LmsException.Kind.USAGE, "\"" + s + "\" is not a mode of the web player; choose practice or assessment.");
        }
    }

    /** Checks every option and gives them in canonical form, or says plainly what is wrong. */
    public LmsOptions {
        if (standard == null) throw new LmsException(LmsException.Kind.USAGE, "Choose a standard: scorm12, scorm2004 or cmi5.");
        if (mode == null) mode = Mode.PRACTICE;
        if (mastery != null && (!Double.isFinite(mastery) || mastery < 0 || mastery > 1)) {
            throw new LmsException(LmsException.Kind.USAGE, "The mastery score is a fraction of the debrief's score from 0 to 1 (0.8 means 80%), not "
                    + (Double.isFinite(mastery) ? format(mastery) : String.valueOf(mastery)) + ".");
        }
        base = base(base);
        if (base == null && standard == LmsStandard.CMI5) {
            throw new LmsException(LmsException.Kind.USAGE, "A cmi5 package names its course and each conversation by a web address of your department's:"
                    + " give one with --base (for example --base https://learning.example.org/rapport/), the same address as your xAPI exports.");
        }
    }

    public LmsOptions(LmsStandard standard) {
        this(standard, null, Mode.PRACTICE, null);
    }

    /** The base as an absolute http(s) address ending in "/", null when blank; refused when it is something else. */
    static String base(String base) {
        if (base == null || base.isBlank()) return null;
        String b = base.strip();
        URI u;
        try {
            u = new URI(b);
        } catch (URISyntaxException e) {
            throw new LmsException(LmsException.Kind.USAGE, "The base address \"" + b + "\" is not a web address.");
        }
        if (!u.isAbsolute() || u.getHost() == null || !("https".equals(u.getScheme()) || "http".equals(u.getScheme()))
                || u.getQuery() != null || u.getFragment() != null) {
            throw new LmsException(LmsException.Kind.USAGE, "The base address must be an http or https address of your department's, such as"
                    + " https://learning.example.org/rapport/, not \"" + b + "\".");
        }
        return b.endsWith("/") ? b : b + "/";
    }

    /** The mastery score as an integer percentage (SCORM 1.2's masteryscore), or null. */
    public Integer masteryPercent() {
        return mastery == null ? null : (int) Math.round(mastery * 100);
    }

    /** The mastery score as written in manifests: at most four decimals, no exponent ("0.8", "1", "0"). */
    public String masteryText() {
        return mastery == null ? null : format(mastery);
    }

    static String format(double d) {
        java.math.BigDecimal v = java.math.BigDecimal.valueOf(d).setScale(4, java.math.RoundingMode.HALF_UP).stripTrailingZeros();
        return v.scale() < 0 ? v.setScale(0).toPlainString() : v.toPlainString();
    }
}
