package org.rapport.lms;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rapport.Fixtures;
import org.rapport.catalog.Catalog;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The package an LMS receives: manifests valid against the standards' schemas, complete, self-contained, deterministic. */
class LmsPackageTest {
    static final String BASE = "https://learning.example.org/rapport/";
    static final Path DIALOGUES = Path.of("dialogues");
    static final Path ONE = DIALOGUES.resolve("wedding-catering.json");
    static final Path TWO = DIALOGUES.resolve("chewed-moccasins.json");
    static final String SCORM12_NS = "http://www.imsproject.org/xsd/imscp_rootv1p1p2";
    static final String SCORM2004_NS = "http://www.imsglobal.org/xsd/imscp_v1p1";
    static final String CMI5_NS = "https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd";

    static LmsPackage pkg(LmsStandard s, Double mastery, Path... files) {
        return LmsPackage.of(List.of(files), new LmsOptions(s, mastery, LmsOptions.Mode.PRACTICE, BASE), Catalog.bundled());
    }

    static String[] xsds(LmsStandard s) {
        return switch (s) {
            case SCORM12 -> LmsTestSupport.SCORM12;
            case SCORM2004 -> LmsTestSupport.SCORM2004;
            case CMI5 -> LmsTestSupport.CMI5;
        };
    }

    @ParameterizedTest
    @EnumSource(LmsStandard.class)
    void theManifestValidatesAgainstTheStandardsSchemaWithAndWithoutAMasteryScore(LmsStandard s) throws Exception {
        for (Double mastery : new Double[]{null, 0.8, 0.0, 1.0}) {
            String xml = pkg(s, mastery, ONE, TWO).manifest(LmsTestSupport.tinyPlayer());
            assertEquals(List.of(), LmsTestSupport.schemaErrors(xml, xsds(s)), s + " mastery " + mastery + ":\n" + xml);
        }
        String all = pkg(s, 0.75, DIALOGUES).manifest(LmsTestSupport.tinyPlayer());
        assertEquals(List.of(), LmsTestSupport.schemaErrors(all, xsds(s)), "every bundled dialogue in one package");
    }

    @ParameterizedTest
    @EnumSource(LmsStandard.class)
    void theValidatorCatchesAWrongManifestSoAPassMeansSomething(LmsStandard s) throws Exception {
        String xml = pkg(s, 0.8, ONE).manifest(LmsTestSupport.tinyPlayer());
        String broken = switch (s) {
            case SCORM12 -> xml.replace("adlcp:scormtype=\"sco\"", "adlcp:scormtype=\"module\"");
            case SCORM2004 -> xml.replace("adlcp:scormType=\"sco\"", "adlcp:scormType=\"module\"");
            case CMI5 -> xml.replace("moveOn=\"Passed\"", "moveOn=\"Won\"");
        };
        assertFalse(broken.equals(xml));
        assertFalse(LmsTestSupport.schemaErrors(broken, xsds(s)).isEmpty(), "a wrong value must be refused");
    }

    @ParameterizedTest
    @EnumSource(value = LmsStandard.class, names = {"SCORM12", "SCORM2004"})
    void everyFileTheManifestNamesIsInTheZipAndEveryFileInTheZipIsNamed(LmsStandard s) throws Exception {
        Map<String, byte[]> zip = LmsTestSupport.unzip(pkg(s, 0.8, ONE, TWO).zip(LmsTestSupport.tinyPlayer()));
        Document doc = LmsTestSupport.dom(zip.get("imsmanifest.xml"));
        String ns = s == LmsStandard.SCORM12 ? SCORM12_NS : SCORM2004_NS;
        NodeList resources = doc.getElementsByTagNameNS(ns, "resource");
        assertEquals(2, resources.getLength());
        Set<String> named = new LinkedHashSet<>();
        named.add("imsmanifest.xml");
        for (int r = 0; r < resources.getLength(); r++) {
            Element res = (Element) resources.item(r);
            String href = res.getAttribute("href");
            assertTrue(href.startsWith("player/index.html?d="), href);
            assertTrue(zip.containsKey(href.substring(0, href.indexOf('?'))), href);
            List<String> files = new ArrayList<>();
            NodeList fs = res.getElementsByTagNameNS(ns, "file");
            for (int i = 0; i < fs.getLength(); i++) files.add(((Element) fs.item(i)).getAttribute("href"));
            for (String f : files) assertTrue(zip.containsKey(f), f + " is named but not in the zip");
            assertTrue(files.contains("player/index.html") && files.contains("player/engine.js") && files.contains("content/package.js")
                    && files.contains("content/catalog.js"), files.toString());
            String id = href.substring(href.indexOf("?d=") + 3);
            assertTrue(files.contains("content/dialogues/" + id + ".js") && files.contains("dialogues/" + id + ".json"), files.toString());
            named.addAll(files);
        }
        assertEquals(zip.keySet(), named, "nothing in the zip that no resource names");
        assertEquals("imsmanifest.xml", zip.keySet().iterator().next(), "the manifest comes first");
    }

    @Test
    void cmi5sAuIdsAreTheXapiExportsActivityIrisAndItsUrlsPointIntoTheZip() throws Exception {
        LmsPackage p = pkg(LmsStandard.CMI5, 0.8, ONE, TWO);
        Map<String, byte[]> zip = LmsTestSupport.unzip(p.zip(LmsTestSupport.tinyPlayer()));
        Document doc = LmsTestSupport.dom(zip.get("cmi5.xml"));
        NodeList aus = doc.getElementsByTagNameNS(CMI5_NS, "au");
        assertEquals(2, aus.getLength());
        for (int i = 0; i < aus.getLength(); i++) {
            Element au = (Element) aus.item(i);
            String url = au.getElementsByTagNameNS(CMI5_NS, "url").item(0).getTextContent();
            String id = url.substring(url.indexOf("?d=") + 3);
            assertEquals(BASE + "dialogues/" + id, au.getAttribute("id"));
            assertTrue(zip.containsKey(url.substring(0, url.indexOf('?'))), url);
            assertTrue(zip.containsKey("content/dialogues/" + id + ".js"));
            assertEquals("Passed", au.getAttribute("moveOn"));
            assertEquals("0.8", au.getAttribute("masteryScore"));
            assertEquals("AnyWindow", au.getAttribute("launchMethod"));
        }
        Element course = (Element) doc.getElementsByTagNameNS(CMI5_NS, "course").item(0);
        assertTrue(course.getAttribute("id").startsWith(BASE + "courses/"), course.getAttribute("id"));
        String none = pkg(LmsStandard.CMI5, null, ONE).manifest(LmsTestSupport.tinyPlayer());
        assertTrue(none.contains("moveOn=\"Completed\"") && !none.contains("masteryScore"), none);
    }

    @ParameterizedTest
    @EnumSource(LmsStandard.class)
    void theMasteryScoreIsWrittenAsEachStandardWantsIt(LmsStandard s) throws Exception {
        for (double m : new double[]{0, 0.005, 0.8, 0.875, 0.99999, 1}) {
            Document doc = LmsTestSupport.dom(pkg(s, m, ONE).manifest(LmsTestSupport.tinyPlayer()).getBytes(StandardCharsets.UTF_8));
            String value = switch (s) {
                case SCORM12 -> doc.getElementsByTagNameNS("http://www.adlnet.org/xsd/adlcp_rootv1p2", "masteryscore").item(0).getTextContent();
                case SCORM2004 -> doc.getElementsByTagNameNS("http://www.imsglobal.org/xsd/imsss", "minNormalizedMeasure").item(0).getTextContent();
                case CMI5 -> ((Element) doc.getElementsByTagNameNS(CMI5_NS, "au").item(0)).getAttribute("masteryScore");
            };
            if (s == LmsStandard.SCORM12) {
                assertTrue(value.matches("\\d{1,3}"), value);
                int v = Integer.parseInt(value);
                assertTrue(v >= 0 && v <= 100, value);
                assertEquals(Math.round(m * 100), v);
            } else {
                assertTrue(value.matches("0(\\.\\d{1,4})?|1"), value);
                double v = Double.parseDouble(value);
                assertTrue(v >= 0 && v <= 1, value);
                assertEquals(m, v, 0.00005);
            }
        }
        String none = pkg(s, null, ONE).manifest(LmsTestSupport.tinyPlayer());
        assertFalse(none.contains("masteryscore") || none.contains("minNormalizedMeasure") || none.contains("masteryScore"), none);
    }

    @ParameterizedTest
    @EnumSource(LmsStandard.class)
    void noPageScriptOrStyleOfThePackageLoadsAnythingFromOutsideIt(LmsStandard s) throws Exception {
        Map<String, byte[]> zip = LmsTestSupport.unzip(pkg(s, 0.8, DIALOGUES).zip(PlayerFiles.bundled()));
        assertEquals(List.of(), LmsTestSupport.externalReferences(zip, BASE));
        Map<String, byte[]> planted = new java.util.LinkedHashMap<>(zip);
        planted.put("player/x.css", "body{background:url( '//cdn.example.com/a.png')}".getBytes(StandardCharsets.UTF_8));
        planted.put("player/y.js", "fetch('https://cdn.example.com/font.woff2')".getBytes(StandardCharsets.UTF_8));
        assertEquals(2, LmsTestSupport.externalReferences(planted, BASE).size(), "the scan finds what it is for");
    }

    @Test
    void thePackageCarriesTheDialoguesExactBytesAndWhatThePlayerNeedsToKnow() throws Exception {
        Map<String, byte[]> zip = LmsTestSupport.unzip(pkg(LmsStandard.SCORM2004, 0.8, ONE).zip(LmsTestSupport.tinyPlayer()));
        assertArrayEquals(Files.readAllBytes(ONE), zip.get("dialogues/wedding-catering.json"));
        String js = new String(zip.get("content/dialogues/wedding-catering.js"), StandardCharsets.UTF_8);
        assertTrue(js.startsWith("window.RAPPORT_DIALOGUE = \"") && js.endsWith("\";\n"), js.substring(0, 40));
        String literal = js.substring("window.RAPPORT_DIALOGUE = ".length(), js.length() - 2);
        assertEquals(Files.readString(ONE), com.google.gson.JsonParser.parseString(literal).getAsString(), "the string is the file's exact text");
        String pkgJs = new String(zip.get("content/package.js"), StandardCharsets.UTF_8);
        assertTrue(pkgJs.startsWith("window.RAPPORT_PACKAGE = {") && pkgJs.endsWith("};\n"), pkgJs);
        var o = com.google.gson.JsonParser.parseString(pkgJs.substring("window.RAPPORT_PACKAGE = ".length(), pkgJs.length() - 2)).getAsJsonObject();
        assertEquals("scorm2004", o.get("standard").getAsString());
        assertEquals(0.8, o.get("mastery").getAsDouble());
        assertEquals("practice", o.get("mode").getAsString());
        assertEquals(BASE, o.get("base").getAsString());
        assertEquals(Set.of("wedding-catering"), o.getAsJsonObject("dialogues").keySet());
        assertEquals(LmsPackage.VERSION, o.get("version").getAsString());
        var noMastery = LmsPackage.of(List.of(ONE), new LmsOptions(LmsStandard.SCORM12, null, LmsOptions.Mode.ASSESSMENT, null), Catalog.bundled());
        String p2 = noMastery.packageScript();
        var o2 = com.google.gson.JsonParser.parseString(p2.substring("window.RAPPORT_PACKAGE = ".length(), p2.length() - 2)).getAsJsonObject();
        assertTrue(o2.get("mastery").isJsonNull() && o2.get("base").isJsonNull());
        assertEquals("assessment", o2.get("mode").getAsString());
        String cat = new String(zip.get("content/catalog.js"), StandardCharsets.UTF_8);
        assertTrue(cat.startsWith("window.RAPPORT_CATALOG = \""), cat.substring(0, 40));
    }

    @Test
    void packagingTwiceGivesTheSameBytes(@TempDir Path dir) throws Exception {
        byte[] a = pkg(LmsStandard.SCORM12, 0.8, DIALOGUES).zip(LmsTestSupport.tinyPlayer());
        byte[] b = pkg(LmsStandard.SCORM12, 0.8, DIALOGUES).zip(LmsTestSupport.tinyPlayer());
        assertArrayEquals(a, b);
        LmsPackage.Written w1 = pkg(LmsStandard.CMI5, 0.8, ONE).writeTo(dir.resolve("a.zip"), PlayerFiles.bundled());
        java.util.TimeZone tz = java.util.TimeZone.getDefault();
        try {
            java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("Pacific/Kiritimati"));
            pkg(LmsStandard.CMI5, 0.8, ONE).writeTo(dir.resolve("b.zip"), PlayerFiles.bundled());
        } finally {
            java.util.TimeZone.setDefault(tz);
        }
        assertArrayEquals(Files.readAllBytes(dir.resolve("a.zip")), Files.readAllBytes(dir.resolve("b.zip")), "whatever the time zone");
        assertEquals(Files.size(dir.resolve("a.zip")), w1.bytes());
        assertFalse(Files.exists(dir.resolve("a.zip.part")));
    }

    @Test
    void theSizeOfAOneDialoguePackage(@TempDir Path dir) {
        LmsPackage.Written w = pkg(LmsStandard.SCORM12, 0.8, ONE).writeTo(dir.resolve("one.zip"), PlayerFiles.bundled());
        System.out.println("one-dialogue package with this build's player: " + w.summary() + " = " + w.bytes() + " bytes");
        assertTrue(w.bytes() < 1_500_000, w.summary());
        assertEquals(1, w.units());
    }

    @Test
    void aMasteryScoreOutsideZeroToOneIsRefusedPlainly() {
        for (double bad : new double[]{-0.1, 1.01, 80, Double.NaN, Double.POSITIVE_INFINITY}) {
            LmsException e = assertThrows(LmsException.class, () -> new LmsOptions(LmsStandard.SCORM12, bad, null, null));
            assertEquals(LmsException.Kind.USAGE, e.kind());
            assertTrue(e.getMessage().contains("from 0 to 1"), e.getMessage());
        }
    }

    @Test
    void cmi5NeedsTheDepartmentsBaseAddressAndABaseMustBeAWebAddress() {
        LmsException e = assertThrows(LmsException.class, () -> new LmsOptions(LmsStandard.CMI5, 0.8, null, null));
        assertTrue(e.getMessage().contains("--base"), e.getMessage());
        assertThrows(LmsException.class, () -> new LmsOptions(LmsStandard.CMI5, 0.8, null, "  "));
        assertThrows(LmsException.class, () -> new LmsOptions(LmsStandard.SCORM12, null, null, "ftp://x.org/"));
        assertThrows(LmsException.class, () -> new LmsOptions(LmsStandard.SCORM12, null, null, "learning/rapport"));
        assertEquals(BASE, new LmsOptions(LmsStandard.CMI5, null, null, BASE.substring(0, BASE.length() - 1)).base(), "ends in /");
        assertNull(new LmsOptions(LmsStandard.SCORM12).base(), "SCORM needs none");
    }

    @Test
    void aDialogueWithErrorsIsReportedWhereItIsAndNothingIsPackaged(@TempDir Path dir) throws Exception {
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, Fixtures.minimal().replace("\"start\": \"", "\"start\": \"nowhere-"));
        Files.copy(ONE, dir.resolve("wedding-catering.json"));
        LmsException e = assertThrows(LmsException.class, () -> pkg(LmsStandard.SCORM12, 0.8, dir));
        assertEquals(LmsException.Kind.DIALOGUES, e.kind());
        assertFalse(e.problems().isEmpty());
        assertTrue(e.problems().get(0).startsWith(broken.toAbsolutePath() + ":"), e.problems().toString());
        assertTrue(e.problems().get(0).matches(".*:\\d+:\\d+: error: RAP\\d+ .*"), e.problems().get(0));
        assertTrue(e.getMessage().contains("nothing was written"), e.getMessage());
    }

    @Test
    void twoFilesWithOneIdAreRefused(@TempDir Path dir) throws Exception {
        Files.copy(ONE, dir.resolve("a.json"));
        Files.copy(ONE, dir.resolve("b.json"));
        LmsException e = assertThrows(LmsException.class, () -> pkg(LmsStandard.SCORM2004, null, dir));
        assertEquals(LmsException.Kind.DIALOGUES, e.kind());
        assertTrue(e.problems().get(0).contains("\"wedding-catering\" is also the id of"), e.problems().toString());
        assertEquals(1, pkg(LmsStandard.SCORM2004, null, ONE, ONE).items().size(), "the same file named twice is packaged once");
    }

    @Test
    void identifiersAreValidXmlIdsWhateverTheDialogueId() {
        assertEquals("item-wedding-catering", LmsPackage.xmlId("item-", "wedding-catering"));
        assertEquals("item-9-lives", LmsPackage.xmlId("item-", "9-lives"));
        String odd = LmsPackage.xmlId("resource-", "a b/ç:1");
        assertTrue(odd.matches("[A-Za-z_][A-Za-z0-9._-]*"), odd);
        assertEquals(odd, LmsPackage.xmlId("resource-", "a b/ç:1"), "deterministic");
        assertFalse(odd.equals(LmsPackage.xmlId("resource-", "a_b/ç:1")), "distinct ids stay distinct");
    }

    @Test
    void theDefaultNameAndTheLaunchUrl() {
        LmsPackage p = pkg(LmsStandard.SCORM12, null, ONE, TWO);
        assertEquals("wedding-catering-scorm12.zip", p.defaultFileName());
        assertEquals("player/index.html?d=wedding-catering", p.items().get(0).launchUrl());
        assertEquals("Rapport: 2 conversations", p.courseTitle());
        assertNotNull(p.items().get(1).title());
    }
}
