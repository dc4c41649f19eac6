package org.rapport.ui.presenter;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.rapport.catalog.Catalog;
import org.rapport.classroom.QrCode;
import org.rapport.classroom.RoomDebrief;
import org.rapport.classroom.RoomException;
import org.rapport.classroom.RoomSession;
import org.rapport.classroom.SessionFile;
import org.rapport.classroom.VoteServer;
import org.rapport.ui.UiExecutor;

import java.io.IOException;
import java.util.function.Supplier;

/**
 * The presenter's state: the room session on screen (as a snapshot, refreshed after every change, including votes
 * arriving from phones on the server's threads), what the facilitator was last told, whether notes show on the
 * projector, and phone voting. Commands never throw: a refusal becomes the message.
 */
public final class PresenterViewModel {
    private final RoomSession session;
    private final Catalog catalog;
    private final SessionFile file;
    private final ReadOnlyObjectWrapper<RoomSession.Snapshot> snapshot = new ReadOnlyObjectWrapper<>();
    private final javafx.beans.property.ReadOnlyBooleanWrapper briefing = new javafx.beans.property.ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<RoomDebrief> debrief = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final BooleanProperty notesOnProjector = new SimpleBooleanProperty(false);
    private final ObjectProperty<VoteServer> phones = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<QrCode> qr = new ReadOnlyObjectWrapper<>();
    private final Runnable listener = () -> UiExecutor.onFx(this::refresh);
    private Supplier<VoteServer> phoneServer;

    /**
     * @param file where the session is saved after every step, or null to keep it in memory only
     */
    public PresenterViewModel(RoomSession session, Catalog catalog, SessionFile file) {
        this.session = session;
        this.catalog = catalog;
        this.file = file;
        this.phoneServer = () -> {
            try {
                return VoteServer.startOnLan(session);
            } catch (IOException e) {
                throw new RoomException("Phone voting could not start: " + e.getMessage(), e);
            }
        };
        session.addListener(listener);
        if (file != null) session.autosave(file);
        RoomSession.Snapshot first = session.snapshot();
        // A session that has not begun opens on the pre-brief, so the room reads it before the customer's first line.
        briefing.set(!session.dialogue().prebrief().isEmpty() && !first.ended() && first.decisionNumber() == 1
                && session.phase() == RoomSession.Phase.VOTING && (first.tally() == null || first.tally().total() == 0));
        refresh();
    }

    /** True while the room reads the pre-brief; the first decision shows after {@link #next()}. */
    public javafx.beans.property.ReadOnlyBooleanProperty briefingProperty() {
        return briefing.getReadOnlyProperty();
    }

    /** Where phone voting listens (the LAN by default; tests use loopback). */
    public void phoneServer(Supplier<VoteServer> starter) {
        this.phoneServer = starter;
    }

    private void refresh() {
        RoomSession.Snapshot s = session.snapshot();
        // The debrief first: the views render when the snapshot changes.
        debrief.set(s.ended() ? RoomDebrief.of(session, catalog) : null);
        snapshot.set(s);
        countPhones();
    }

    public RoomSession session() {
        return session;
    }

    public Catalog catalog() {
        return catalog;
    }

    public ReadOnlyObjectProperty<RoomSession.Snapshot> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    public RoomSession.Snapshot snapshot() {
        return snapshot.get();
    }

    /** The room's debrief once the conversation has ended, else null. */
    public ReadOnlyObjectProperty<RoomDebrief> debriefProperty() {
        return debrief.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** On a single screen the notes stay off the projector unless the facilitator shows them (N). */
    public BooleanProperty notesOnProjectorProperty() {
        return notesOnProjector;
    }

    public ObjectProperty<VoteServer> phonesProperty() {
        return phones;
    }

    public ReadOnlyObjectProperty<QrCode> qrProperty() {
        return qr.getReadOnlyProperty();
    }

    // == commands ==

    private void run(Supplier<String> action) {
        if (briefing.get()) {
            message.set("The room is reading the pre-brief: press \u2192 or Space to show the first decision.");
            return;
        }
        try {
            String said = action.get();
            message.set(said == null ? "" : said);
        } catch (RoomException | IllegalArgumentException e) {
            message.set(e.getMessage());
        }
        refresh();
    }

    public void next() {
        if (briefing.get()) {
            briefing.set(false);
            message.set("");
            return;
        }
        run(session::next);
    }

    public void back() {
        run(session::back);
    }

    /** Reveals what is hidden next: the distribution, then the grades. */
    public void reveal() {
        run(() -> {
            if (session.phase() == RoomSession.Phase.VOTING) {
                session.revealDistribution();
                return "The room's votes are shown.";
            }
            session.revealGrades();
            return "The grades and explanations are shown.";
        });
    }

    /** One more vote for reply {@code number} (1-based, as shown). */
    public void vote(int number) {
        run(() -> {
            session.addVote(number - 1);
            return "Reply " + number + ": " + snapshotVotes(number) + ".";
        });
    }

    /** One vote fewer for reply {@code number}, to correct a slip. */
    public void unvote(int number) {
        run(() -> {
            int now = session.snapshot().votesAt(checked(number) - 1);
            if (now > 0) session.setVotes(number - 1, now - 1);
            return "Reply " + number + ": " + snapshotVotes(number) + ".";
        });
    }

    /** Sets the count typed for reply {@code number}. */
    public void setVotes(int number, int count) {
        run(() -> {
            session.setVotes(number - 1, count);
            return "Reply " + number + ": " + snapshotVotes(number) + ".";
        });
    }

    public void showOfHands(int number) {
        run(() -> {
            session.showOfHands(number - 1);
            return "Show of hands: the room picks reply " + number + ".";
        });
    }

    /** Goes on with reply {@code number}, whatever the room chose. */
    public void goOnWith(int number) {
        run(() -> session.continueWith(number - 1));
    }

    public void clearVotes() {
        run(() -> {
            session.clearVotes();
            return "The votes are cleared; the room can vote again.";
        });
    }

    public void retrySave() {
        run(() -> {
            session.retrySave();
            return session.saveProblem() == null ? "The session is saved." : null;
        });
    }

    private int checked(int number) {
        int n = session.snapshot().offered().size();
        if (number < 1 || number > n) throw new RoomException("There is no reply " + number + " here; the room has " + n + " to choose from.");
        return number;
    }

    private String snapshotVotes(int number) {
        int v = session.snapshot().votesAt(number - 1);
        return v + (v == 1 ? " vote" : " votes");
    }

    private final javafx.beans.property.ReadOnlyStringWrapper phoneCount = new javafx.beans.property.ReadOnlyStringWrapper("");
    private final javafx.beans.property.IntegerProperty phoneCap = new javafx.beans.property.SimpleIntegerProperty(org.rapport.classroom.PhoneRoom.DEFAULT_CAP);

    /** For the facilitator: how many phones joined, how many voted on this decision, and whether joining is locked. */
    public javafx.beans.property.ReadOnlyStringProperty phoneCountProperty() {
        return phoneCount.getReadOnlyProperty();
    }

    /** How many phones may join (set before switching phones on; the default is generous). */
    public javafx.beans.property.IntegerProperty phoneCapProperty() {
        return phoneCap;
    }

    private void countPhones() {
        VoteServer s = phones.get();
        if (s == null) {
            phoneCount.set("");
            return;
        }
        int joined = s.room().joinedCount();
        phoneCount.set(joined + (joined == 1 ? " phone" : " phones") + " joined (of " + s.room().cap() + ") · " + s.votedNow()
                + " voted on this decision" + (s.room().locked() ? " · joining locked" : ""));
    }

    /** Stops new phones from joining, or lets them again; phones that joined keep voting. */
    public void toggleJoining() {
        VoteServer s = phones.get();
        if (s == null) return;
        s.room().lock(!s.room().locked());
        message.set(s.room().locked() ? "Joining is locked: no new phone can join." : "Phones can join again with code " + s.room().code() + ".");
        countPhones();
    }

    /** A new group: a new room code; phones from before count nothing and must join again. */
    public void newGroup() {
        VoteServer s = phones.get();
        if (s == null) return;
        s.room().startAfresh();
        qr.set(QrCode.of(s.joinUrl().toString()));
        message.set("New room code " + s.room().code() + ": phones join again with it.");
        countPhones();
    }

    /** Switches phone voting on (serving the page on the local network) or off. */
    public void togglePhones() {
        if (phones.get() != null) {
            stopPhones();
            message.set("Phone voting is off.");
            return;
        }
        try {
            VoteServer server = phoneServer.get();
            server.room().cap(Math.max(1, Math.min(org.rapport.classroom.PhoneRoom.MAX_CAP, phoneCap.get())));
            server.onJoin(() -> UiExecutor.onFx(this::countPhones));
            phones.set(server);
            qr.set(QrCode.of(server.joinUrl().toString()));
            message.set("Phones join at " + server.shortAddress() + " with the code " + server.room().code() + ".");
            countPhones();
        } catch (RoomException e) {
            message.set(e.getMessage());
        }
    }

    private void stopPhones() {
        VoteServer s = phones.get();
        if (s != null) s.close();
        phones.set(null);
        qr.set(null);
        countPhones();
    }

    /** Closes the presenter: phones stop; the saved session stays, to resume. */
    public void close() {
        stopPhones();
        session.removeListener(listener);
    }

    /** Ends the session for good: phones stop and the saved session is forgotten. */
    public void finish() {
        close();
        if (file != null) {
            try {
                file.delete();
            } catch (IOException e) {
                message.set("The saved session could not be removed: " + e.getMessage());
            }
        }
    }
}
