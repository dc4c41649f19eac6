package org.rapport.ui;

import org.rapport.catalog.Catalog;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Work the first screen needs that does not need JavaFX: opening the progress store (SQLite's native library, the
 * schema check; about a quarter of a second) and reading the technique catalog, on another thread. Begun by
 * {@link RapportApp#start} once the opening frame has been drawn (begun earlier, before the toolkit started, it
 * competed with JavaFX's own start on a two-core laptop and delayed that frame; docs/performance.md). A store that
 * fails to open gives the same notice as before.
 */
final class StartupPreload {
    /** The store, or why there is none (the same message the window showed before this class existed). */
    record OpenedStore(org.rapport.store.Store store, String note, AppContext.Server server) {
        OpenedStore(org.rapport.store.Store store, String note) {
            this(store, note, null);
        }
    }

    private static volatile StartupPreload current;

    private final List<String> args;
    final Path dataDir;
    private final CompletableFuture<OpenedStore> store = new CompletableFuture<>();
    private final CompletableFuture<Catalog> catalog = new CompletableFuture<>();

    private StartupPreload(List<String> args) {
        this.args = List.copyOf(args);
        this.dataDir = org.rapport.store.DataLocation.resolve(RapportApp.option(args, AppOptions.DATA).orElse(null));
    }

    /** Starts the work for these command-line arguments. */
    static void begin(List<String> args) {
        StartupPreload p = new StartupPreload(args);
        current = p;
        Thread t = new Thread(p::run, "rapport-preload");
        t.setDaemon(true);
        t.start();
    }

    /** The work begun for {@code args}, once: null when nothing was begun (the app was launched another way). */
    static StartupPreload take(List<String> args) {
        StartupPreload p = current;
        current = null;
        return p != null && p.args.equals(args) ? p : null;
    }

    private void run() {
        complete(store, () -> openStore(args, dataDir));
        complete(catalog, Catalog::bundled);
    }

    private interface Work<T> {
        T get() throws Exception;
    }

    private static <T> void complete(CompletableFuture<T> f, Work<T> work) {
        try {
            f.complete(work.get());
        } catch (Exception | Error e) {
            f.completeExceptionally(e);
        }
    }

    /** Opens the store as the window always has: a failure to open is a note for the trainee, not a crash. */
    static OpenedStore openStore(List<String> args, Path dataDir) {
        try {
            Optional<String> db = RapportApp.option(args, AppOptions.DB);
            // Local first: every reply is saved on this laptop; with a department's server, an outbox sends it on.
            org.rapport.store.Store s = org.rapport.store.Store.openSqlite(dataDir, java.time.Clock.systemUTC());
            if (db.isEmpty()) return new OpenedStore(s, s.notice().orElse(null));
            List<String> notes = new java.util.ArrayList<>();
            s.notice().ifPresent(notes::add);
            Optional<String> typed = RapportApp.option(args, AppOptions.DB_PASSWORD);
            if (typed.isPresent()) {
                notes.add("A password given with --db-password can be read by anyone on this computer (in the list of running"
                        + " programs); use RAPPORT_DB_PASSWORD or PostgreSQL's ~/.pgpass instead.");
            }
            String unencrypted = org.rapport.store.ServerConnection.unencrypted(db.get());
            if (unencrypted != null) notes.add(unencrypted);
            AppContext.Server server = new AppContext.Server(db.get(), RapportApp.option(args, AppOptions.DB_USER).orElse(System.getenv("RAPPORT_DB_USER")),
                    typed.orElse(System.getenv("RAPPORT_DB_PASSWORD")));
            return new OpenedStore(s, notes.isEmpty() ? null : String.join(" ", notes), server);
        } catch (org.rapport.store.StoreException e) {
            return new OpenedStore(null, e.getMessage() + " You can still practise, but progress is not being saved.");
        }
    }

    OpenedStore store() {
        return join(store);
    }

    Catalog catalog() {
        return join(catalog);
    }

    /** The result, or what went wrong thrown as it was thrown (as if the work had run on the caller's thread). */
    static <T> T join(CompletableFuture<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException r) throw r;
            if (c instanceof Error err) throw err;
            throw new IllegalStateException(c);
        }
    }
}
