package org.rapport.ui.profiles;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.rapport.store.Store;
import org.rapport.store.StoreException;
import org.rapport.store.Trainee;
import org.rapport.ui.AppContext;

import java.util.function.Consumer;

/** Who is practising: the trainees on this laptop (or shared store), and creating, renaming, deleting one. */
public final class ProfilesViewModel {
    private final AppContext ctx;
    private final Store store;
    private final Consumer<Trainee> onChosen;
    private final ObservableList<Trainee> trainees = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper();

    public ProfilesViewModel(AppContext ctx, Store store, Consumer<Trainee> onChosen) {
        this.ctx = ctx;
        this.store = store;
        this.onChosen = onChosen;
        refresh();
    }

    public ObservableList<Trainee> trainees() {
        return trainees;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public Trainee current() {
        return ctx.traineeProperty().get();
    }

    private void refresh() {
        trainees.setAll(store.trainees());
    }

    public void create(String name) {
        try {
            Trainee t = store.createTrainee(name);
            refresh();
            message.set(null);
            choose(t);
        } catch (StoreException e) {
            message.set(e.getMessage());
        }
    }

    public void rename(Trainee t, String name) {
        try {
            store.renameTrainee(t.id(), name);
            refresh();
            if (current() != null && current().id().equals(t.id())) {
                ctx.traineeProperty().set(trainees.stream().filter(x -> x.id().equals(t.id())).findFirst().orElse(null));
            }
            message.set(null);
        } catch (StoreException e) {
            message.set(e.getMessage());
        }
    }

    /** How many finished attempts would go with the trainee, for the confirmation. */
    public int attemptsOf(Trainee t) {
        return store.history(t.id()).size();
    }

    public void delete(Trainee t) {
        try {
            store.deleteTrainee(t.id());
            if (current() != null && current().id().equals(t.id())) ctx.traineeProperty().set(null);
            refresh();
            message.set(t.name() + " and their attempts were deleted.");
        } catch (StoreException e) {
            message.set(e.getMessage());
        }
    }

    public void choose(Trainee t) {
        onChosen.accept(t);
    }
}
