package org.rapport.ui.conversation;

import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.rapport.catalog.Catalog;
import org.rapport.model.Choice;
import org.rapport.model.Dialogue;
import org.rapport.model.Prebrief;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.List;
import org.rapport.ui.Widgets;
import org.rapport.ui.conversation.ConversationViewModel.Line;

import java.util.function.Consumer;

/** How transcript lines look, wherever a conversation is shown: the trainee's screen and the author's play panel. */
public final class TranscriptLines {
    private TranscriptLines() {
    }

    /** A speech bubble with the speaker above it, on the customer's (left) or the trainee's (right) side. */
    public static Node bubble(String speaker, String text, String style, Pos side, double maxWidth) {
        Label who = new Label(speaker);
        who.getStyleClass().add("speaker");
        Label words = new Label(text);
        words.getStyleClass().addAll("bubble", style);
        words.setWrapText(true);
        words.setMaxWidth(maxWidth);
        VBox box = new VBox(2, who, words);
        box.setAlignment(side == Pos.CENTER_LEFT ? Pos.TOP_LEFT : Pos.TOP_RIGHT);
        box.setFillWidth(false);
        box.setAccessibleRole(AccessibleRole.TEXT);
        box.setAccessibleText(speaker + " said: " + text);
        box.setFocusTraversable(false);
        HBox row = new HBox(box);
        row.setAlignment(side);
        return row;
    }

    /**
     * Say-it-first: the trainee's own words (or that they said them aloud), on their side, with what the phrase coach
     * saw in them underneath: found, missing and pitfall phrases, and its limits.
     */
    public static Node ownWords(Line l, double maxWidth) {
        boolean aloud = l.text() == null;
        Label who = new Label("In your own words");
        who.getStyleClass().add("speaker");
        Label words = new Label(aloud ? "You said your reply aloud." : l.text());
        words.getStyleClass().addAll("bubble", "trainee", "own-words");
        words.setWrapText(true);
        words.setMaxWidth(maxWidth);
        VBox box = new VBox(2, who, words);
        box.setAlignment(Pos.TOP_RIGHT);
        box.setFillWidth(false);
        StringBuilder spoken = new StringBuilder(aloud ? "You said your reply aloud." : "In your own words, you said: " + l.text());
        if (!l.coach().isEmpty()) {
            VBox notes = new VBox(2);
            notes.getStyleClass().add("coach-notes");
            notes.setMaxWidth(maxWidth);
            Label head = new Label("What the phrase coach saw in your words (words only, not tone):");
            head.getStyleClass().add("muted");
            head.setWrapText(true);
            notes.getChildren().add(head);
            for (String n : l.coach()) {
                Label note = new Label(n);
                note.setWrapText(true);
                notes.getChildren().add(note);
                spoken.append(' ').append(n);
            }
            box.getChildren().add(notes);
        }
        box.setAccessibleRole(AccessibleRole.TEXT);
        box.setAccessibleText(spoken.toString());
        box.setFocusTraversable(false);
        box.setId("own-words");
        HBox row = new HBox(box);
        row.setAlignment(Pos.CENTER_RIGHT);
        return row;
    }

    /**
     * Who the customer is and the pre-brief, before the customer's first line: what the trainee is here to do, and
     * what the agent may and may not do in this scenario. It stays at the top of the transcript, so the trainee can
     * look back at it.
     */
    public static Node prebrief(Dialogue d, double maxWidth) {
        Label title = new Label("Before you start");
        title.getStyleClass().add("section-title");
        VBox box = new VBox(title);
        box.getStyleClass().add("prebrief");
        box.setId("prebrief");
        StringBuilder spoken = new StringBuilder("Before you start. ");
        Prebrief p = d.prebrief();
        section(box, spoken, "Who you are talking to", List.of(d.customer().persona()), "mdi2a-account-outline");
        section(box, spoken, "In this conversation, aim to", p.objectives(), "mdi2t-target");
        section(box, spoken, "What you may do", p.mayDo(), "mdi2c-check-circle-outline");
        section(box, spoken, "What you may not do", p.mayNotDo(), "mdi2c-close-circle-outline");
        box.setMaxWidth(maxWidth);
        // Its long lines wrap: it must never widen the transcript, or the trainee's bubbles on the right go off screen.
        box.setMinWidth(0);
        box.setAccessibleRole(AccessibleRole.TEXT);
        box.setAccessibleText(spoken.toString().strip());
        return box;
    }

    private static void section(VBox box, StringBuilder spoken, String heading, List<String> items, String icon) {
        if (items.isEmpty()) return;
        Label h = new Label(heading, new FontIcon(icon));
        h.getStyleClass().add("strong");
        VBox list = new VBox(2);
        for (String item : items) {
            Label l = new Label(items.size() == 1 ? item : "\u2022  " + item);
            l.setWrapText(true);
            l.setMinWidth(0);
            list.getChildren().add(l);
        }
        box.getChildren().addAll(h, list);
        spoken.append(heading).append(": ").append(String.join("; ", items)).append(". ");
    }

    /** Practice-mode feedback on a reply: its grade, why, the steps and pitfalls as chips, and the better reply. */
    public static Node feedback(Line l, Catalog catalog, Consumer<String> openTechnique, double maxWidth) {
        Choice c = l.choice();
        HBox top = new HBox(8, new Label("Feedback"), Widgets.grade(c.grade()));
        top.setAlignment(Pos.CENTER_LEFT);
        Label why = new Label(c.why());
        why.setWrapText(true);
        VBox box = new VBox(top, why);
        box.getStyleClass().add("feedback");
        if (!c.uses().isEmpty()) box.getChildren().add(Widgets.chips(c.uses(), Widgets.ChipKind.USED, catalog, openTechnique));
        if (!c.pitfalls().isEmpty()) box.getChildren().add(Widgets.chips(c.pitfalls(), Widgets.ChipKind.PITFALL, catalog, openTechnique));
        if (l.better() != null) {
            Label betterSay = new Label("A better reply: \"" + l.better().say() + "\"");
            betterSay.setWrapText(true);
            betterSay.getStyleClass().add("quote");
            Label betterWhy = new Label(l.better().why());
            betterWhy.setWrapText(true);
            VBox better = new VBox(betterSay, betterWhy);
            better.getStyleClass().add("better");
            box.getChildren().add(better);
        }
        box.setAccessibleRole(AccessibleRole.TEXT);
        box.setAccessibleText("Feedback: " + c.grade().word() + ". " + c.why() + (l.better() != null ? " A better reply: " + l.better().say() : ""));
        box.setMaxWidth(maxWidth);
        return box;
    }
}
