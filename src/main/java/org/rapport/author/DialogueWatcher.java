package org.rapport.author;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Follows one dialogue file, or the dialogue files of one folder, and reports which changed once they have been
 * quiet for a moment (editors often write a file in several steps).
 * <p>
 * It watches the folder, not the file, so it survives what editors do on save: rewrite in place, write a temporary file
 * and rename it over the old one, delete and recreate. A file renamed away or deleted is reported (reading it then
 * fails, and the author view says so); one that comes back is reported again. If the folder itself disappears, the
 * watcher waits for it to return. Some file systems deliver no events (network drives) or deliver them late (the
 * polling watch service of some platforms), so a light check of sizes and modification times backs the events up.
 * <p>
 * The listener runs on the watcher's own daemon thread; it receives the changed paths (absolute).
 */
public final class DialogueWatcher implements AutoCloseable {
    /** The quiet time that counts as "the save is over". */
    public static final Duration DEFAULT_QUIET = Duration.ofMillis(150);
    private static final System.Logger LOG = System.getLogger(DialogueWatcher.class.getName());
    private static final long POLL_MILLIS = 50;
    private static final long STAT_EVERY_MILLIS = 400;

    private final Path folder;
    private final Path file;                 // null when following a whole folder
    private final long quietNanos;
    private final Consumer<Set<Path>> listener;
    private final Thread thread;
    private volatile boolean closed;
    private WatchService service;
    private WatchKey key;
    private final Set<Path> pending = new LinkedHashSet<>();
    private long lastEventNanos;
    private long lastStatNanos;
    private Map<Path, Stamp> stamps = new HashMap<>();

    /** What a stat of a file said; a file that is not there is {@code null} in the map. */
    private record Stamp(long size, long modified, Object fileKey) {
    }

    private DialogueWatcher(Path target, Duration quiet, Consumer<Set<Path>> listener) throws IOException {
        Path abs = target.toAbsolutePath().normalize();
        if (Files.isDirectory(abs)) {
            this.folder = abs;
            this.file = null;
        } else {
            this.folder = abs.getParent();
            this.file = abs;
        }
        if (folder == null || !Files.isDirectory(folder)) throw new NoSuchFileException(String.valueOf(folder), null, "no such folder to watch");
        this.quietNanos = quiet.toNanos();
        this.listener = Objects.requireNonNull(listener);
        this.service = FileSystems.getDefault().newWatchService();
        register();
        this.stamps = snapshot();
        this.thread = new Thread(this::loop, "rapport-watcher " + abs.getFileName());
        this.thread.setDaemon(true);
    }

    /** Starts following {@code fileOrFolder}; {@code onChange} receives the changed dialogue files. */
    public static DialogueWatcher start(Path fileOrFolder, Duration quiet, Consumer<Set<Path>> onChange) throws IOException {
        DialogueWatcher w = new DialogueWatcher(fileOrFolder, quiet, onChange);
        w.thread.start();
        return w;
    }

    public static DialogueWatcher start(Path fileOrFolder, Consumer<Set<Path>> onChange) throws IOException {
        return start(fileOrFolder, DEFAULT_QUIET, onChange);
    }

    /** What is being followed: the file, or the folder. */
    public Path target() {
        return file != null ? file : folder;
    }

    private void register() {
        try {
            key = folder.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                    StandardWatchEventKinds.ENTRY_DELETE);
        } catch (IOException | ClosedWatchServiceException e) {
            key = null; // the folder is gone for now; the loop tries again
        }
    }

    /** True for the file followed, or for a dialogue file of the folder followed ({@code *.json}, not schemas). */
    boolean relevant(Path p) {
        if (file != null) return p.equals(file);
        String name = p.getFileName().toString();
        return p.getParent() != null && p.getParent().equals(folder) && name.endsWith(".json") && !name.endsWith(".schema.json");
    }

    private void loop() {
        while (!closed) {
            try {
                WatchKey k = service.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                long now = System.nanoTime();
                if (k != null) {
                    for (WatchEvent<?> event : k.pollEvents()) {
                        if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                            // Too many events to tell apart: report everything followed.
                            pending.addAll(stamps.keySet());
                            if (file != null) pending.add(file);
                        } else if (event.context() instanceof Path name) {
                            Path p = folder.resolve(name);
                            if (relevant(p)) pending.add(p);
                        }
                        lastEventNanos = now;
                    }
                    if (!k.reset()) key = null;
                }
                if (key == null || !key.isValid()) {
                    register();
                    if (key != null) lastStatNanos = 0; // back: compare at once
                }
                if (now - lastStatNanos >= TimeUnit.MILLISECONDS.toNanos(STAT_EVERY_MILLIS)) {
                    lastStatNanos = now;
                    Map<Path, Stamp> fresh = snapshot();
                    Set<Path> all = new LinkedHashSet<>(stamps.keySet());
                    all.addAll(fresh.keySet());
                    for (Path p : all) {
                        if (!Objects.equals(stamps.get(p), fresh.get(p))) {
                            pending.add(p);
                            lastEventNanos = now;
                        }
                    }
                    stamps = fresh;
                }
                if (!pending.isEmpty() && now - lastEventNanos >= quietNanos) {
                    Set<Path> changed = Set.copyOf(pending);
                    pending.clear();
                    stamps = snapshot();
                    try {
                        listener.accept(changed);
                    } catch (RuntimeException e) {
                        // A failing listener must not stop the watching; the next save is reported as usual.
                        LOG.log(System.Logger.Level.WARNING, "A dialogue watcher listener failed on " + changed, e);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ClosedWatchServiceException e) {
                return;
            }
        }
    }

    /** Size, time and identity of every file followed; a followed file that does not exist maps to null. */
    private Map<Path, Stamp> snapshot() {
        Map<Path, Stamp> out = new HashMap<>();
        if (file != null) {
            out.put(file, stamp(file));
            return out;
        }
        if (!Files.isDirectory(folder)) return out;
        try (Stream<Path> s = Files.list(folder)) {
            s.filter(this::relevant).forEach(p -> out.put(p, stamp(p)));
        } catch (IOException | RuntimeException e) {
            return stamps;
        }
        return out;
    }

    private static Stamp stamp(Path p) {
        try {
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return new Stamp(a.size(), a.lastModifiedTime().toMillis(), a.fileKey());
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            service.close();
        } catch (IOException e) {
            // closing a watch service only fails if it is already closed
        }
        thread.interrupt();
    }
}
