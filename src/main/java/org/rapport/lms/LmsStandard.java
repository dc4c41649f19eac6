package org.rapport.lms;

import java.util.Locale;

/** The learning-system standards a package can be made for. */
public enum LmsStandard {
    SCORM12("scorm12", "SCORM 1.2", "imsmanifest.xml", "SCO"),
    SCORM2004("scorm2004", "SCORM 2004 4th edition", "imsmanifest.xml", "SCO"),
    CMI5("cmi5", "cmi5", "cmi5.xml", "AU");

    private final String id;
    private final String label;
    private final String manifest;
    private final String unit;

    LmsStandard(String id, String label, String manifest, String unit) {
        this.id = id;
        this.label = label;
        this.manifest = manifest;
        this.unit = unit;
    }

    /** As written on the command line and in {@code package.js}: scorm12, scorm2004, cmi5. */
    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    /** The manifest's file name at the root of the zip. */
    public String manifest() {
        return manifest;
    }

    /** What the standard calls one launchable unit: SCO or AU. */
    public String unit() {
        return unit;
    }

    /** The standard named {@code s} (scorm12, scorm2004, cmi5; case ignored), or an IllegalArgumentException saying which exist. */
    public static LmsStandard parse(String s) {
        String k = s == null ? "" : s.strip().toLowerCase(Locale.ROOT);
        for (LmsStandard v : values()) if (v.id.equals(k)) return v;
        throw new IllegalArgumentException("\"" + s + "\" is not a standard Rapport packages for; choose scorm12, scorm2004 or cmi5.");
    }

    @Override
    public String toString() {
        return id;
    }
}
