package org.rapport.author;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** "See both": the author's text and the file's, line against line. */
class TextCompareTest {
    @Test
    void aChangedLineIsPairedAndLinesOnlyOneSideHasLeaveTheOtherBlank() {
        String mine = "{\n  \"title\": \"Late gift\",\n  \"minutes\": 3,\n  \"x\": 1\n}";
        String file = "{\n  \"title\": \"The late gift\",\n  \"minutes\": 3,\n  \"setting\": \"Phone\",\n  \"x\": 1\n}";
        TextCompare.Result r = TextCompare.compare(mine, file);
        assertEquals(2, r.changes());
        List<TextCompare.Row> rows = r.rows();
        assertEquals(new TextCompare.Row(TextCompare.Kind.SAME, 1, "{", 1, "{"), rows.get(0));
        assertEquals(new TextCompare.Row(TextCompare.Kind.CHANGED, 2, "  \"title\": \"Late gift\",", 2, "  \"title\": \"The late gift\","), rows.get(1));
        assertEquals(new TextCompare.Row(TextCompare.Kind.SAME, 3, "  \"minutes\": 3,", 3, "  \"minutes\": 3,"), rows.get(2));
        assertEquals(new TextCompare.Row(TextCompare.Kind.ONLY_FILE, 0, null, 4, "  \"setting\": \"Phone\","), rows.get(3));
        assertEquals(new TextCompare.Row(TextCompare.Kind.SAME, 4, "  \"x\": 1", 5, "  \"x\": 1"), rows.get(4));
        assertEquals(6, rows.size(), "every line of both sides is shown once");
    }

    @Test
    void theSameTextHasNoChangesAndAnEmptySideIsAllOnTheOther() {
        assertEquals(0, TextCompare.compare("a\nb", "a\nb").changes());
        TextCompare.Result r = TextCompare.compare("a\nb", "");
        assertEquals(List.of(TextCompare.Kind.ONLY_MINE, TextCompare.Kind.ONLY_MINE), r.rows().stream().map(TextCompare.Row::kind).toList());
    }
}
