package org.rapport.lms;

import java.util.List;

/**
 * The manifests, as text built by hand (the shapes are small and fixed, and a test validates them against the
 * ADL/IMS and cmi5 schemas): SCORM 1.2 and SCORM 2004 4th edition {@code imsmanifest.xml}, cmi5 {@code cmi5.xml}.
 */
final class Manifests {
    static final String LANG = "en";

    private Manifests() {
    }

    static String scorm12(LmsPackage p, PlayerFiles player) {
        StringBuilder x = new StringBuilder();
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        x.append("<manifest identifier=\"").append(attr(p.manifestId())).append("\" version=\"1\"\n");
        x.append("          xmlns=\"http://www.imsproject.org/xsd/imscp_rootv1p1p2\"\n");
        x.append("          xmlns:adlcp=\"http://www.adlnet.org/xsd/adlcp_rootv1p2\"\n");
        x.append("          xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n");
        x.append("          xsi:schemaLocation=\"http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd"
                + " http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd"
                + " http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd\">\n");
        x.append("  <metadata>\n    <schema>ADL SCORM</schema>\n    <schemaversion>1.2</schemaversion>\n  </metadata>\n");
        x.append("  <organizations default=\"").append(LmsPackage.ORGANIZATION).append("\">\n");
        x.append("    <organization identifier=\"").append(LmsPackage.ORGANIZATION).append("\">\n");
        x.append("      <title>").append(text(p.courseTitle())).append("</title>\n");
        Integer percent = p.options().masteryPercent();
        for (LmsPackage.Item i : p.items()) {
            x.append("      <item identifier=\"").append(i.itemId()).append("\" identifierref=\"").append(i.resourceId())
                    .append("\" isvisible=\"true\">\n");
            x.append("        <title>").append(text(i.title())).append("</title>\n");
            if (percent != null) x.append("        <adlcp:masteryscore>").append(percent).append("</adlcp:masteryscore>\n");
            x.append("      </item>\n");
        }
        x.append("    </organization>\n  </organizations>\n  <resources>\n");
        for (LmsPackage.Item i : p.items()) {
            x.append("    <resource identifier=\"").append(i.resourceId()).append("\" type=\"webcontent\" adlcp:scormtype=\"sco\" href=\"")
                    .append(attr(i.launchUrl())).append("\">\n");
            files(x, p.filesOf(i, player));
            x.append("    </resource>\n");
        }
        x.append("  </resources>\n</manifest>\n");
        return x.toString();
    }

    static String scorm2004(LmsPackage p, PlayerFiles player) {
        StringBuilder x = new StringBuilder();
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        x.append("<manifest identifier=\"").append(attr(p.manifestId())).append("\" version=\"1\"\n");
        x.append("          xmlns=\"http://www.imsglobal.org/xsd/imscp_v1p1\"\n");
        x.append("          xmlns:adlcp=\"http://www.adlnet.org/xsd/adlcp_v1p3\"\n");
        x.append("          xmlns:adlseq=\"http://www.adlnet.org/xsd/adlseq_v1p3\"\n");
        x.append("          xmlns:adlnav=\"http://www.adlnet.org/xsd/adlnav_v1p3\"\n");
        x.append("          xmlns:imsss=\"http://www.imsglobal.org/xsd/imsss\"\n");
        x.append("          xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n");
        x.append("          xsi:schemaLocation=\"http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd"
                + " http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd"
                + " http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd"
                + " http://www.adlnet.org/xsd/adlnav_v1p3 adlnav_v1p3.xsd"
                + " http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd\">\n");
        x.append("  <metadata>\n    <schema>ADL SCORM</schema>\n    <schemaversion>2004 4th Edition</schemaversion>\n  </metadata>\n");
        x.append("  <organizations default=\"").append(LmsPackage.ORGANIZATION).append("\">\n");
        x.append("    <organization identifier=\"").append(LmsPackage.ORGANIZATION).append("\">\n");
        x.append("      <title>").append(text(p.courseTitle())).append("</title>\n");
        String measure = p.options().masteryText();
        for (LmsPackage.Item i : p.items()) {
            x.append("      <item identifier=\"").append(i.itemId()).append("\" identifierref=\"").append(i.resourceId())
                    .append("\" isvisible=\"true\">\n");
            x.append("        <title>").append(text(i.title())).append("</title>\n");
            if (measure != null) {
                x.append("        <imsss:sequencing>\n          <imsss:objectives>\n");
                x.append("            <imsss:primaryObjective objectiveID=\"").append(i.objectiveId()).append("\" satisfiedByMeasure=\"true\">\n");
                x.append("              <imsss:minNormalizedMeasure>").append(measure).append("</imsss:minNormalizedMeasure>\n");
                x.append("            </imsss:primaryObjective>\n          </imsss:objectives>\n        </imsss:sequencing>\n");
            }
            x.append("      </item>\n");
        }
        x.append("    </organization>\n  </organizations>\n  <resources>\n");
        for (LmsPackage.Item i : p.items()) {
            x.append("    <resource identifier=\"").append(i.resourceId()).append("\" type=\"webcontent\" adlcp:scormType=\"sco\" href=\"")
                    .append(attr(i.launchUrl())).append("\">\n");
            files(x, p.filesOf(i, player));
            x.append("    </resource>\n");
        }
        x.append("  </resources>\n</manifest>\n");
        return x.toString();
    }

    static String cmi5(LmsPackage p) {
        StringBuilder x = new StringBuilder();
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        x.append("<courseStructure xmlns=\"https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd\">\n");
        x.append("  <course id=\"").append(attr(p.courseIri())).append("\">\n");
        x.append("    <title>").append(lang(p.courseTitle())).append("</title>\n");
        x.append("    <description>").append(lang(p.courseDescription())).append("</description>\n");
        x.append("  </course>\n");
        String mastery = p.options().masteryText();
        for (LmsPackage.Item i : p.items()) {
            x.append("  <au id=\"").append(attr(i.activityIri())).append("\" moveOn=\"").append(mastery == null ? "Completed" : "Passed").append('"');
            if (mastery != null) x.append(" masteryScore=\"").append(mastery).append('"');
            x.append(" launchMethod=\"AnyWindow\">\n");
            x.append("    <title>").append(lang(i.title())).append("</title>\n");
            x.append("    <description>").append(lang(i.description())).append("</description>\n");
            x.append("    <url>").append(text(i.launchUrl())).append("</url>\n");
            x.append("  </au>\n");
        }
        x.append("</courseStructure>\n");
        return x.toString();
    }

    private static void files(StringBuilder x, List<String> files) {
        for (String f : files) x.append("      <file href=\"").append(attr(f)).append("\"/>\n");
    }

    private static String lang(String s) {
        return "<langstring lang=\"" + LANG + "\">" + text(s) + "</langstring>";
    }

    /** Character data: {@code & < >} escaped, characters XML 1.0 forbids left out. */
    static String text(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                default -> {
                    if (c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000) {
                        b.appendCodePoint(c);
                    }
                }
            }
        });
        return b.toString();
    }

    /** An attribute value in double quotes: as {@link #text}, and line ends as character references. */
    static String attr(String s) {
        return text(s).replace("\t", "&#9;").replace("\n", "&#10;").replace("\r", "&#13;");
    }
}
