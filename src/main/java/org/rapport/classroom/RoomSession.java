package org.rapport.classroom;

import org.rapport.engine.Playthrough;
import org.rapport.engine.Transcript;
import org.rapport.model.Choice;
import org.rapport.model.CustomerNode;
import org.rapport.model.Dialogue;
import org.rapport.model.Node;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A whole room playing one dialogue together: a state machine on top of {@link Playthrough}. At each decision the
 * facilitator records the room's vote (a count per reply, or one show-of-hands pick), reveals the distribution, then
 * the grades, and continues along the room's majority or any reply they pick. {@link #back()} undoes exactly one
 * {@link #next()}, and a decision undone and taken again the same way comes back with its votes.
 *
 * <p>Thread-safe: phone votes arrive on the vote server's threads while the facilitator drives from the UI. Listeners
 * run after every change, outside the lock, on the thread that made it. With a {@link SessionFile} attached the
 * session is saved after every change, so a window closed by mistake resumes where it was.
 */
public final class RoomSession {
    /** Where the room is at the current decision. */
    public enum Phase {
        /** Votes are being collected; distribution and grades are hidden. */
        VOTING,
        /** The bar chart of the votes is shown; phones can still vote. */
        DISTRIBUTION,
        /** Grades and explanations are shown; voting is closed. */
        GRADES,
        /** The conversation reached an ending. */
        ENDED
    }

    /** Who chose the reply the room went on with. */
    public enum DecidedBy {
        ROOM, SHOW_OF_HANDS, FACILITATOR;

        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * What became of a vote sent from a phone. {@link #ACCEPTED} and {@link #CHANGED} count (a changed vote replaces the
     * phone's earlier one); {@link #REPEATED} is the same vote again, which changes nothing.
     */
    public enum PhoneVote { ACCEPTED, CHANGED, MALFORMED, LATE, OTHER_DECISION, REPEATED }

    /**
     * A decision the room made. {@code round} names this decision's voting round (phones vote for a round); {@code
     * showOfHands} is the file index of a show-of-hands pick, or null; {@code chosen} is the file index taken.
     */
    public record Step(String nodeId, String round, Tally tally, Integer showOfHands, int chosen, DecidedBy decidedBy,
                       Set<String> phones) {
        public Step {
            phones = Set.copyOf(phones);
        }
    }

    /**
     * The decision on screen: its voting round, the votes so far, and how much is revealed. {@code phones}: each phone
     * that voted in this round and the file index of its vote (-1 when a session saved by an older version did not
     * record it), so that a phone can change its vote until the votes are revealed.
     */
    record Open(String round, Tally tally, Integer showOfHands, Phase phase, Map<String, Integer> phones) {
        Open {
            phones = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(phones));
        }

        Open with(Tally t) {
            return new Open(round, t, showOfHands, phase, phones);
        }

        Open with(Phase p) {
            return new Open(round, tally, showOfHands, p, phones);
        }
    }

    /** A step undone by {@link #back()}, and the decision that followed it, to restore if the room goes the same way. */
    record Redo(Step step, Open after) {
    }

    /** Everything the screen needs, taken at one moment. {@code tally} and {@code showOfHands} are by file index. */
    public record Snapshot(Phase phase, int decisionNumber, Node node, List<Choice> offered, Tally tally, Integer showOfHands,
                           String round, int mood, List<Step> steps, String saveProblem) {
        public boolean ended() {
            return phase == Phase.ENDED;
        }

        /** The votes for the reply shown at {@code position}. */
        public int votesAt(int position) {
            return tally == null ? 0 : tally.count(offered.get(position).index());
        }

        public int percentAt(int position) {
            return tally == null ? 0 : tally.percent(offered.get(position).index());
        }

        public boolean distributionShown() {
            return phase == Phase.DISTRIBUTION || phase == Phase.GRADES;
        }

        public boolean gradesShown() {
            return phase == Phase.GRADES;
        }

        /** Phones may vote (or change their vote) now: until the votes are revealed. */
        public boolean votingOpen() {
            return phase == Phase.VOTING;
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String id;
    private final byte[] secret;
    private final Dialogue dialogue;
    private final byte[] content;
    private final String contentHash;
    private final long seed;
    private final long started;
    private final List<Step> steps = new ArrayList<>();
    private final Deque<Redo> redo = new ArrayDeque<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private Playthrough play;
    private Open open;
    private int rounds;
    private SessionFile file;
    private String saveProblem;

    private RoomSession(String id, byte[] secret, Dialogue dialogue, byte[] content, String contentHash, long seed, long started) {
        this.id = id;
        this.secret = secret.clone();
        this.dialogue = dialogue;
        this.content = content.clone();
        this.contentHash = contentHash;
        this.seed = seed;
        this.started = started;
        this.play = Playthrough.start(dialogue, seed);
    }

    /**
     * A new session at the dialogue's start.
     *
     * @param content the dialogue file's bytes, kept in the saved session so it resumes on exactly this dialogue
     */
    public static RoomSession start(Dialogue dialogue, byte[] content, String contentHash, long seed, long now) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        byte[] idBytes = new byte[6];
        RANDOM.nextBytes(idBytes);
        RoomSession s = new RoomSession(HexFormat.of().formatHex(idBytes), secret, dialogue, content, contentHash, seed, now);
        s.openNew();
        return s;
    }

    /** Rebuilds a saved session (used by {@link SessionFile}); replays every step on the dialogue. */
    static RoomSession restore(String id, byte[] secret, Dialogue dialogue, byte[] content, String contentHash, long seed,
                               long started, int rounds, List<Step> steps, Open open, List<Redo> redo) {
        RoomSession s = new RoomSession(id, secret, dialogue, content, contentHash, seed, started);
        for (Step st : steps) {
            if (s.play.ended()) throw new IllegalArgumentException("it has more decisions than the conversation had");
            if (!s.play.current().id().equals(st.nodeId())) throw new IllegalArgumentException("its decisions do not fit the dialogue it carries");
            s.checkFits(st.tally(), st.showOfHands());
            s.play.chooseIndex(st.chosen(), 0);
            s.steps.add(st);
        }
        s.rounds = rounds;
        if (s.play.ended()) {
            s.open = null;
        } else {
            if (open == null) throw new IllegalArgumentException("the decision on screen is missing");
            s.checkFits(open.tally(), open.showOfHands());
            if (open.phase() == Phase.ENDED) throw new IllegalArgumentException("it says the conversation ended, but it had not");
            s.open = open;
        }
        for (Redo r : redo) s.redo.addLast(r);
        return s;
    }

    private void checkFits(Tally t, Integer hands) {
        int n = play.offered().size();
        if (t.replies() != n) throw new IllegalArgumentException("a vote has " + t.replies() + " counts for " + n + " replies");
        if (hands != null && (hands < 0 || hands >= n)) throw new IllegalArgumentException("a show of hands picks a reply that is not there");
    }

    private void openNew() {
        if (play.ended()) {
            open = null;
            return;
        }
        rounds++;
        open = new Open(id + "-" + rounds, Tally.empty(play.offered().size()), null, Phase.VOTING, Map.of());
    }

    // == reading ==

    public String id() {
        return id;
    }

    public Dialogue dialogue() {
        return dialogue;
    }

    public long started() {
        return started;
    }

    public synchronized Snapshot snapshot() {
        return new Snapshot(phase(), steps.size() + 1, play.current(), play.offered(), open == null ? null : open.tally(),
                open == null ? null : open.showOfHands(), open == null ? null : open.round(), play.mood(), List.copyOf(steps), saveProblem);
    }

    public synchronized Phase phase() {
        return open == null ? Phase.ENDED : open.phase();
    }

    public synchronized List<Step> steps() {
        return List.copyOf(steps);
    }

    /** The room's path so far, as a transcript the engine's debrief reads. */
    public synchronized Transcript transcript() {
        return play.transcript();
    }

    public synchronized boolean ended() {
        return play.ended();
    }

    /** Why the last save failed, or null when the session is saved. */
    public synchronized String saveProblem() {
        return saveProblem;
    }

    // == listening and saving ==

    /** Runs after every change, on the thread that made it (a phone vote arrives on a server thread). */
    public void addListener(Runnable r) {
        listeners.add(r);
    }

    public void removeListener(Runnable r) {
        listeners.remove(r);
    }

    /** Saves the session to {@code f} now and after every change from now on. */
    public void autosave(SessionFile f) {
        synchronized (this) {
            this.file = f;
            save();
        }
        fire();
    }

    /** Tries the save again (after the facilitator freed some disk space, say). */
    public void retrySave() {
        synchronized (this) {
            save();
        }
        fire();
    }

    private void save() {
        if (file == null) return;
        try {
            file.save(this);
            saveProblem = null;
        } catch (java.io.IOException | RuntimeException e) {
            saveProblem = "The session could not be saved (" + e.getMessage() + "). The room's votes are kept while this window is open.";
        }
    }

    private void fire() {
        for (Runnable r : listeners) r.run();
    }

    private interface Change {
        void apply();
    }

    private void change(Change c) {
        synchronized (this) {
            c.apply();
            save();
        }
        fire();
    }

    // == recording the vote ==

    private int fileIndexAt(int position) {
        List<Choice> offered = play.offered();
        if (position < 0 || position >= offered.size()) {
            throw new RoomException("There is no reply " + (position + 1) + " here; the room has " + offered.size() + " to choose from.");
        }
        return offered.get(position).index();
    }

    private void requireOpen() {
        if (open == null) throw new RoomException("The conversation has ended; there is no vote to record. Press Back to return to the last decision.");
    }

    /** One more vote for the reply shown at {@code position} (0-based): a digit key or a click. */
    public void addVote(int position) {
        change(() -> {
            requireOpen();
            open = open.with(open.tally().plusOne(fileIndexAt(position)));
        });
    }

    /** Sets the count for the reply shown at {@code position}, as typed by the facilitator. */
    public void setVotes(int position, int count) {
        change(() -> {
            requireOpen();
            if (count < 0) throw new RoomException("A vote count cannot be negative.");
            open = open.with(open.tally().withCount(fileIndexAt(position), count));
        });
    }

    /** A quick show of hands: the room's pick is the reply at {@code position}; null clears it. */
    public void showOfHands(Integer position) {
        change(() -> {
            requireOpen();
            Integer idx = position == null ? null : fileIndexAt(position);
            open = new Open(open.round(), open.tally(), idx, open.phase(), open.phones());
        });
    }

    /** Throws the votes away and opens a new round of voting at the same decision (phones may vote again). */
    public void clearVotes() {
        change(() -> {
            requireOpen();
            rounds++;
            open = new Open(id + "-" + rounds, Tally.empty(play.offered().size()), null, Phase.VOTING, Map.of());
        });
    }

    // == phones ==

    /** Phones that voted at a decision already taken: who, but no longer what (the tally keeps the counts). */
    private static Map<String, Integer> asVotes(Set<String> phones) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (String p : phones) out.put(p, -1);
        return out;
    }

    /** A new phone token: random, signed with this session's secret so no list of tokens needs keeping. */
    public String issuePhoneToken() {
        byte[] r = new byte[12];
        RANDOM.nextBytes(r);
        String nonce = HexFormat.of().formatHex(r);
        return nonce + "." + sign(nonce);
    }

    public boolean isPhoneToken(String token) {
        if (token == null || token.length() != 24 + 1 + 32) return false;
        int dot = token.indexOf('.');
        if (dot != 24) return false;
        String nonce = token.substring(0, dot);
        if (!nonce.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
        return MessageDigest.isEqual(sign(nonce).getBytes(StandardCharsets.US_ASCII), token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII));
    }

    private String sign(String nonce) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(nonce.getBytes(StandardCharsets.US_ASCII))).substring(0, 32);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    private boolean knownRound(String round) {
        String prefix = id + "-";
        if (!round.startsWith(prefix)) return false;
        try {
            int n = Integer.parseInt(round.substring(prefix.length()));
            return n >= 1 && n <= rounds;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /**
     * A vote from a phone, for the reply shown at {@code position} in voting round {@code round}. Counts only when the
     * phone's token is genuine, the round is the decision on screen, voting is still open (the votes not yet revealed)
     * and the reply exists. A phone that voted already changes its vote: one phone, one ballot.
     */
    public PhoneVote phoneVote(String round, String token, int position) {
        PhoneVote[] result = new PhoneVote[1];
        synchronized (this) {
            result[0] = judge(round, token, position);
            if (result[0] == PhoneVote.ACCEPTED || result[0] == PhoneVote.CHANGED) {
                int index = play.offered().get(position).index();
                Map<String, Integer> phones = new LinkedHashMap<>(open.phones());
                Integer before = phones.put(token, index);
                Tally t = open.tally();
                if (before != null && before >= 0 && t.count(before) > 0) t = t.withCount(before, t.count(before) - 1);
                open = new Open(open.round(), t.plusOne(index), open.showOfHands(), open.phase(), phones);
                save();
            }
        }
        if (result[0] == PhoneVote.ACCEPTED || result[0] == PhoneVote.CHANGED) fire();
        return result[0];
    }

    private PhoneVote judge(String round, String token, int position) {
        if (round == null || !isPhoneToken(token)) return PhoneVote.MALFORMED;
        boolean current = open != null && round.equals(open.round());
        if (!current) return knownRound(round) ? PhoneVote.LATE : PhoneVote.OTHER_DECISION;
        if (open.phase() != Phase.VOTING) return PhoneVote.LATE;
        if (position < 0 || position >= play.offered().size()) return PhoneVote.MALFORMED;
        Integer before = open.phones().get(token);
        if (before == null) return PhoneVote.ACCEPTED;
        if (before == play.offered().get(position).index()) return PhoneVote.REPEATED;
        return before < 0 ? PhoneVote.REPEATED : PhoneVote.CHANGED;
    }

    /** True when this phone already voted in the round on screen. */
    public synchronized boolean hasVoted(String token) {
        return open != null && open.phones().containsKey(token);
    }

    /** The reply (shown position, counting from 0) this phone voted for in the round on screen, if any. */
    public synchronized Optional<Integer> phoneChoice(String token) {
        if (open == null || play.ended()) return Optional.empty();
        Integer index = open.phones().get(token);
        if (index == null || index < 0) return Optional.empty();
        List<Choice> offered = play.offered();
        for (int i = 0; i < offered.size(); i++) if (offered.get(i).index() == index) return Optional.of(i);
        return Optional.empty();
    }

    /** How many of these phones voted in the round on screen. */
    public synchronized int votedAmong(Set<String> tokens) {
        if (open == null) return 0;
        int n = 0;
        for (String t : open.phones().keySet()) if (tokens.contains(t)) n++;
        return n;
    }

    // == revealing and moving on ==

    public void revealDistribution() {
        change(() -> {
            requireOpen();
            if (open.phase() == Phase.VOTING) open = open.with(Phase.DISTRIBUTION);
        });
    }

    public void revealGrades() {
        change(() -> {
            requireOpen();
            open = open.with(Phase.GRADES);
        });
    }

    /**
     * The clicker's "next": reveals the distribution, then the grades, then continues along the room's choice. Returns
     * what it did, in words for the facilitator.
     */
    public String next() {
        Phase p = phase();
        switch (p) {
            case VOTING -> {
                revealDistribution();
                return "The room's votes are shown.";
            }
            case DISTRIBUTION -> {
                revealGrades();
                return "The grades and explanations are shown.";
            }
            case GRADES -> {
                return continueWithRoom();
            }
            default -> throw new RoomException("The conversation has ended. Press Back to return to the last decision.");
        }
    }

    /** The room's pick at the decision on screen: the show of hands if there was one, else the unique most-voted reply. */
    public synchronized Integer roomPick() {
        if (open == null) return null;
        if (open.showOfHands() != null) return open.showOfHands();
        return open.tally().majority().orElse(null);
    }

    /** Continues along the room's pick; refuses, saying why, when nobody voted or the vote is tied. */
    public String continueWithRoom() {
        String[] said = new String[1];
        change(() -> {
            requireOpen();
            Integer pick = roomPick();
            if (pick == null) {
                List<Integer> leaders = open.tally().leaders();
                if (leaders.isEmpty()) {
                    throw new RoomException("Nobody has voted yet. Record the room's votes (a digit adds one), or choose a reply to go on with.");
                }
                List<String> shown = leaders.stream().map(i -> String.valueOf(shownNumber(i))).sorted().toList();
                throw new RoomException("The room is tied between replies " + String.join(" and ", shown)
                        + ". Choose the one to go on with.");
            }
            DecidedBy by = open.showOfHands() != null ? DecidedBy.SHOW_OF_HANDS : DecidedBy.ROOM;
            int shown = shownNumber(pick);
            take(pick, by);
            said[0] = "The room went with reply " + shown + ".";
        });
        return said[0];
    }

    /** Continues along the reply shown at {@code position}, whatever the room chose: "let's see what happens if...". */
    public String continueWith(int position) {
        String[] said = new String[1];
        change(() -> {
            requireOpen();
            int idx = fileIndexAt(position);
            Integer pick = roomPick();
            take(idx, pick != null && pick == idx ? (open.showOfHands() != null ? DecidedBy.SHOW_OF_HANDS : DecidedBy.ROOM) : DecidedBy.FACILITATOR);
            said[0] = "Going on with reply " + (position + 1) + ".";
        });
        return said[0];
    }

    private int shownNumber(int fileIndex) {
        List<Choice> offered = play.offered();
        for (int i = 0; i < offered.size(); i++) if (offered.get(i).index() == fileIndex) return i + 1;
        return -1;
    }

    private void take(int fileIndex, DecidedBy by) {
        Step step = new Step(play.current().id(), open.round(), open.tally(), open.showOfHands(), fileIndex, by, open.phones().keySet());
        play.chooseIndex(fileIndex, 0);
        steps.add(step);
        Redo r = redo.peekFirst();
        if (r != null && r.step().nodeId().equals(step.nodeId()) && r.step().chosen() == fileIndex) {
            redo.removeFirst();
            open = r.after();
        } else {
            redo.clear();
            openNew();
        }
    }

    /**
     * The clicker's "back", the exact inverse of {@link #next()}: hides the grades, then the distribution, then returns
     * to the previous decision as it was when the room moved on (votes, show of hands and grades shown).
     */
    public String back() {
        String[] said = new String[1];
        change(() -> {
            Phase p = open == null ? Phase.ENDED : open.phase();
            switch (p) {
                case GRADES -> {
                    open = open.with(Phase.DISTRIBUTION);
                    said[0] = "The grades are hidden again.";
                }
                case DISTRIBUTION -> {
                    open = open.with(Phase.VOTING);
                    said[0] = "The votes are hidden again.";
                }
                default -> {
                    if (steps.isEmpty()) throw new RoomException("This is the first decision; there is nothing to go back to.");
                    Step last = steps.remove(steps.size() - 1);
                    redo.addFirst(new Redo(last, open));
                    play = Playthrough.replay(dialogue, play.transcript(), steps.size());
                    open = new Open(last.round(), last.tally(), last.showOfHands(), Phase.GRADES, asVotes(last.phones()));
                    said[0] = "Back to decision " + (steps.size() + 1) + ".";
                }
            }
        });
        return said[0];
    }

    // == for the session file ==

    synchronized String contentHash() {
        return contentHash;
    }

    synchronized byte[] content() {
        return content.clone();
    }

    synchronized byte[] secret() {
        return secret.clone();
    }

    synchronized long seed() {
        return seed;
    }

    synchronized int rounds() {
        return rounds;
    }

    synchronized Open open() {
        return open;
    }

    synchronized List<Redo> redo() {
        return List.copyOf(redo);
    }

    /** The facilitator's note at the node on screen, or null. */
    public synchronized String note() {
        return play.current().note();
    }

    /** The customer node on screen, or null at the ending. */
    public synchronized CustomerNode decision() {
        return play.current() instanceof CustomerNode c ? c : null;
    }
}
