package org.rapport.lms;

import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** Shared by the LMS package tests: a stand-in player, the schema validator, zip reading, the external-URL scan. */
final class LmsTestSupport {
    private LmsTestSupport() {
    }

    /** A player of four tiny files, so the tests depend on files.txt being honoured, not on the real player's content. */
    static PlayerFiles tinyPlayer() {
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put("index.html", "<!DOCTYPE html><html><head><link rel=\"stylesheet\" href=\"player.css\"></head><body><script src=\"engine.js\"></script><script src=\"player.js\"></script></body></html>".getBytes(StandardCharsets.UTF_8));
        m.put("player.css", "body{margin:0}".getBytes(StandardCharsets.UTF_8));
        m.put("player.js", "// the page\nvar a = 1 / 2;".getBytes(StandardCharsets.UTF_8));
        m.put("engine.js", "/* engine */".getBytes(StandardCharsets.UTF_8));
        return PlayerFiles.of(m);
    }

    /**
     * The schema errors of {@code xml} against the given XSDs (class-path names under /lms/xsd/), each "line:column: message";
     * empty when valid. External schemas load only from files (the test resources), DTDs never; the full-checking feature
     * is off because imsmd_rootv1p2p1.xsd breaks Unique Particle Attribution (../shared/research/interop.md).
     */
    static List<String> schemaErrors(String xml, String... xsds) throws Exception {
        SchemaFactory sf = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        sf.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file");
        sf.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        sf.setFeature("http://apache.org/xml/features/validation/schema-full-checking", false);
        List<Source> sources = new ArrayList<>();
        for (String x : xsds) {
            URL u = LmsTestSupport.class.getResource("/lms/xsd/" + x);
            if (u == null) throw new IllegalStateException("missing test schema " + x);
            sources.add(new StreamSource(u.toExternalForm()));
        }
        Schema schema = sf.newSchema(sources.toArray(Source[]::new));
        Validator v = schema.newValidator();
        v.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        List<String> errors = new ArrayList<>();
        v.setErrorHandler(new ErrorHandler() {
            public void warning(SAXParseException e) {
            }

            public void error(SAXParseException e) {
                errors.add(e.getLineNumber() + ":" + e.getColumnNumber() + ": " + e.getMessage());
            }

            public void fatalError(SAXParseException e) {
                errors.add(e.getLineNumber() + ":" + e.getColumnNumber() + ": " + e.getMessage());
            }
        });
        v.validate(new StreamSource(new StringReader(xml)));
        return errors;
    }

    static final String[] SCORM12 = {"scorm12/imscp_rootv1p1p2.xsd", "scorm12/imsmd_rootv1p2p1.xsd", "scorm12/adlcp_rootv1p2.xsd"};
    static final String[] SCORM2004 = {"scorm2004/imscp_v1p1.xsd", "scorm2004/adlcp_v1p3.xsd", "scorm2004/adlseq_v1p3.xsd",
            "scorm2004/adlnav_v1p3.xsd", "scorm2004/imsss_v1p0.xsd"};
    static final String[] CMI5 = {"cmi5/CourseStructure.xsd"};

    static Document dom(byte[] xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new InputSource(new ByteArrayInputStream(xml)));
    }

    /** The zip's entries in their order, with their bytes. */
    static Map<String, byte[]> unzip(byte[] zip) throws Exception {
        Map<String, byte[]> m = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) m.put(e.getName(), in.readAllBytes());
        }
        return m;
    }

    private static final Pattern ABSOLUTE = Pattern.compile("(?i)\\b(?:https?|ftp|wss?):");
    private static final Pattern PROTOCOL_RELATIVE = Pattern.compile(
            "(?i)(?:(?:src|href|action|poster|srcset|data)\\s*=\\s*[\"']?\\s*//)|(?:url\\(\\s*[\"']?\\s*//)|(?:@import\\s+[\"']//)|(?:(?:fetch|open|importScripts|import)\\s*\\(\\s*[\"'`]//)");
    /**
     * Names that are never fetched: XML namespace names (SVG and XHTML elements made by script need them), and the
     * xAPI and cmi5 vocabularies' IRIs that name verbs, categories and extensions in the statements cmi5 sends.
     */
    private static final List<String> NAMESPACES = List.of("http://www.w3.org/2000/svg", "http://www.w3.org/1999/xhtml",
            "http://www.w3.org/1999/xlink", "https://w3id.org/xapi/cmi5/", "http://adlnet.gov/expapi/");

    /**
     * Each place in an html, css or js file of the zip that names an absolute address (http:, https:, ftp:, ws:) or a
     * protocol-relative one (//host in src, href, url(), @import, fetch): the player must load nothing from outside the
     * zip. The package's own identifier base (an IRI that names things, never fetched) and XML namespace names are allowed.
     */
    static List<String> externalReferences(Map<String, byte[]> entries, String base) {
        List<String> found = new ArrayList<>();
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            String name = e.getKey();
            if (!(name.endsWith(".html") || name.endsWith(".htm") || name.endsWith(".css") || name.endsWith(".js") || name.endsWith(".mjs"))) continue;
            String text = new String(e.getValue(), StandardCharsets.UTF_8);
            if (base != null) text = text.replace(base, "");
            for (String ns : NAMESPACES) text = text.replace(ns, "");
            for (Pattern p : List.of(ABSOLUTE, PROTOCOL_RELATIVE)) {
                Matcher m = p.matcher(text);
                while (m.find()) {
                    int from = Math.max(0, m.start() - 30);
                    int to = Math.min(text.length(), m.end() + 40);
                    found.add(name + ": …" + text.substring(from, to).replace('\n', ' ') + "…");
                }
            }
        }
        return found;
    }
}
