package org.rapport.author;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;

import java.util.ArrayList;
import java.util.List;

/**
 * Two versions of one dialogue file side by side, line against line: the author's unsaved text and the file as it is
 * on disk now. Lines both share are paired; a changed stretch pairs its lines in order and leaves the shorter side
 * blank. Built on java-diff-utils' Myers diff.
 */
public final class TextCompare {
    /** How a row differs: the same on both sides, changed, only in mine, only in the file. */
    public enum Kind { SAME, CHANGED, ONLY_MINE, ONLY_FILE }

    /** One row: the line numbers (1-based, 0 when that side has no line here) and the texts (null when absent). */
    public record Row(Kind kind, int mineLine, String mine, int fileLine, String file) {
    }

    /** The rows, and how many stretches differ. */
    public record Result(List<Row> rows, int changes) {
    }

    private TextCompare() {
    }

    public static Result compare(String mine, String file) {
        List<String> a = lines(mine);
        List<String> b = lines(file);
        Patch<String> patch = DiffUtils.diff(a, b);
        List<Row> rows = new ArrayList<>();
        int i = 0;
        int j = 0;
        for (AbstractDelta<String> d : patch.getDeltas()) {
            int from = d.getSource().getPosition();
            while (i < from) {
                rows.add(new Row(Kind.SAME, i + 1, a.get(i), j + 1, b.get(j)));
                i++;
                j++;
            }
            List<String> left = d.getSource().getLines();
            List<String> right = d.getTarget().getLines();
            for (int k = 0; k < Math.max(left.size(), right.size()); k++) {
                boolean l = k < left.size();
                boolean r = k < right.size();
                Kind kind = l && r ? Kind.CHANGED : l ? Kind.ONLY_MINE : Kind.ONLY_FILE;
                rows.add(new Row(kind, l ? i + k + 1 : 0, l ? left.get(k) : null, r ? j + k + 1 : 0, r ? right.get(k) : null));
            }
            i += left.size();
            j += right.size();
        }
        while (i < a.size() && j < b.size()) {
            rows.add(new Row(Kind.SAME, i + 1, a.get(i), j + 1, b.get(j)));
            i++;
            j++;
        }
        return new Result(List.copyOf(rows), patch.getDeltas().size());
    }

    private static List<String> lines(String text) {
        if (text == null || text.isEmpty()) return List.of();
        return List.of(text.split("\\R", -1));
    }
}
