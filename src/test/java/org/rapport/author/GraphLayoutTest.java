package org.rapport.author;

import org.junit.jupiter.api.Test;
import org.rapport.Fixtures;
import org.rapport.catalog.Catalog;
import org.rapport.check.Validated;
import org.rapport.check.Validator;
import org.rapport.library.DialogueLibrary;
import org.rapport.model.Dialogue;
import org.rapport.model.Grade;
import org.rapport.model.Outcome;
import org.rapport.author.GraphLayout.Box;
import org.rapport.author.GraphLayout.Direction;
import org.rapport.author.GraphLayout.Layout;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rapport.author.Graphs.decision;
import static org.rapport.author.Graphs.dialogue;
import static org.rapport.author.Graphs.ending;
import static org.rapport.author.Graphs.reply;

class GraphLayoutTest {

    private static List<Dialogue> bundled() throws IOException {
        return DialogueLibrary.load(new Validator(Catalog.bundled()), List.of(Path.of("dialogues"))).playable().stream()
                .map(Validated::dialogue).toList();
    }

    /** Every node has a box, no two boxes share any area, and every box lies inside the layout's size. */
    private static void assertReadable(Dialogue d, Layout l) {
        assertEquals(d.nodes().keySet(), l.boxes().keySet(), d.id() + ": every node is drawn");
        List<Box> boxes = new ArrayList<>(l.boxes().values());
        boxes.sort(Comparator.comparingDouble(Box::x));
        for (int i = 0; i < boxes.size(); i++) {
            Box a = boxes.get(i);
            assertTrue(a.x() >= 0 && a.y() >= 0 && a.right() <= l.width() + 1e-6 && a.bottom() <= l.height() + 1e-6,
                    d.id() + ": " + a + " inside " + l.width() + "x" + l.height());
            for (int j = i + 1; j < boxes.size() && boxes.get(j).x() < a.right(); j++) {
                assertFalse(a.overlaps(boxes.get(j)), d.id() + ": " + a + " overlaps " + boxes.get(j));
            }
        }
    }

    @Test
    void noBundledDialogueHasOverlappingNodesInEitherDirection() throws IOException {
        List<Dialogue> all = bundled();
        assertTrue(all.size() >= 10);
        for (Dialogue d : all) {
            for (Direction dir : Direction.values()) {
                Layout l = GraphLayout.of(d, GraphLayout.Options.DEFAULT.withDirection(dir));
                assertReadable(d, l);
                assertEquals(0, l.box(d.start()).layer(), d.id() + ": the start is the first layer");
                for (GraphLayout.EdgeRoute r : l.edges()) {
                    if (r.back()) continue;
                    assertTrue(l.box(r.edge().to()).layer() > l.box(r.edge().from()).layer(), d.id() + ": replies lead onwards " + r.edge());
                }
            }
        }
    }

    @Test
    void noReplyLabelIsHiddenUnderANode() throws IOException {
        for (Dialogue d : bundled()) {
            for (Direction dir : Direction.values()) {
                Layout l = GraphLayout.of(d, GraphLayout.Options.DEFAULT.withDirection(dir));
                for (GraphLayout.EdgeRoute r : l.edges()) {
                    double w = GraphExport.edgeLabel(d, r.edge()).length() * GraphLayout.LABEL_CHAR + GraphLayout.LABEL_PAD;
                    Box label = new Box("label", r.label().x() - w / 2, r.label().y() - GraphLayout.LABEL_HEIGHT / 2, w,
                            GraphLayout.LABEL_HEIGHT, -1, -1);
                    for (Box b : l.boxes().values()) {
                        assertFalse(label.overlaps(b), d.id() + " " + dir + ": the label of " + r.edge() + " covers " + b.id());
                    }
                }
            }
        }
    }

    @Test
    void noTwoReplyLabelsCoverEachOther() throws IOException {
        for (Dialogue d : bundled()) {
            for (Direction dir : Direction.values()) {
                Layout l = GraphLayout.of(d, GraphLayout.Options.DEFAULT.withDirection(dir));
                List<Box> labels = new java.util.ArrayList<>();
                for (GraphLayout.EdgeRoute r : l.edges()) {
                    double w = GraphExport.edgeLabel(d, r.edge()).length() * GraphLayout.LABEL_CHAR + GraphLayout.LABEL_PAD;
                    labels.add(new Box(r.edge().toString(), r.label().x() - w / 2, r.label().y() - GraphLayout.LABEL_HEIGHT / 2, w,
                            GraphLayout.LABEL_HEIGHT, -1, -1));
                }
                for (int i = 0; i < labels.size(); i++) {
                    for (int j = i + 1; j < labels.size(); j++) {
                        assertFalse(labels.get(i).overlaps(labels.get(j)), d.id() + " " + dir + ": " + labels.get(i).id() + " and " + labels.get(j).id());
                    }
                }
            }
        }
    }

    @Test
    void everyReplyIsDrawnFromItsNodeToItsTarget() throws IOException {
        Dialogue d = bundled().get(0);
        Layout l = GraphLayout.of(d);
        assertEquals(GraphFacts.of(d).edges().size(), l.edges().size());
        for (GraphLayout.EdgeRoute r : l.edges()) {
            Box from = l.box(r.edge().from());
            Box to = l.box(r.edge().to());
            GraphLayout.Point first = r.points().get(0);
            GraphLayout.Point last = r.points().get(r.points().size() - 1);
            assertEquals(from.right(), first.x(), 1e-9, "leaves from the right side of its node");
            assertEquals(to.x(), last.x(), 1e-9, "arrives at the left side of its target");
            assertTrue(last.y() >= to.y() && last.y() <= to.bottom());
        }
    }

    @Test
    void repliesToTheSameNodeGetLabelsApart() {
        Dialogue d = dialogue("a", 0, List.of(
                decision("a", reply(0, Grade.BEST, 1, "won"), reply(1, Grade.GOOD, 0, "won"), reply(2, Grade.HARMFUL, -1, "lost")),
                ending("won", Outcome.WON), ending("lost", Outcome.LOST)));
        Layout l = GraphLayout.of(d);
        assertNotEquals(l.edges().get(0).label(), l.edges().get(1).label());
    }

    @Test
    void twoThousandNodeDialoguesAreLaidOutWithoutOverlaps() {
        Dialogue random = Graphs.random(7, 2000);
        assertReadable(random, GraphLayout.of(random));
        Dialogue wide = Graphs.layered(26, 100);
        assertTrue(wide.nodes().size() >= 2000);
        Layout l = GraphLayout.of(wide, GraphLayout.Options.DEFAULT.withDirection(Direction.TOP_TO_BOTTOM));
        assertReadable(wide, l);
    }

    @Test
    void loopsAreDrawnAsRepliesLeadingBack() {
        Dialogue d = dialogue("opening", 0, List.of(
                decision("opening", reply(0, Grade.BEST, 1, "calmer"), reply(1, Grade.HARMFUL, -1, "lost")),
                decision("calmer", reply(0, Grade.BEST, 1, "won"), reply(1, Grade.WEAK, 0, "opening"), reply(2, Grade.WEAK, 0, "calmer")),
                ending("won", Outcome.WON), ending("lost", Outcome.LOST)));
        Layout l = GraphLayout.of(d);
        assertReadable(d, l);
        List<GraphLayout.EdgeRoute> back = l.edges().stream().filter(GraphLayout.EdgeRoute::back).toList();
        assertEquals(2, back.size(), "calmer → opening and calmer → calmer lead back");
        assertTrue(l.box("opening").layer() < l.box("calmer").layer());
    }

    @Test
    void aBrokenDialogueStillHasABoxForEveryNode() {
        Validated v = Fixtures.validate(Fixtures.replaceOnce(Fixtures.minimal(), "\"next\": \"won\"", "\"next\": \"wonn\""));
        Layout l = GraphLayout.of(v.dialogue());
        assertReadable(v.dialogue(), l);
        assertTrue(l.edges().stream().noneMatch(r -> r.edge().to().equals("wonn")), "a reply to no node is not drawn");
    }

    @Test
    void theSameDialogueAlwaysGetsTheSameLayout() throws IOException {
        Dialogue d = bundled().get(1);
        assertEquals(GraphLayout.of(d), GraphLayout.of(d));
    }

    @Test
    void theNodeUnderAPointIsFound() {
        Validated v = Fixtures.validate(Fixtures.minimal());
        Layout l = GraphLayout.of(v.dialogue());
        Box b = l.box("calmer");
        assertEquals("calmer", l.nodeAt(b.centerX(), b.centerY()));
        assertEquals(null, l.nodeAt(-10, -10));
    }
}
