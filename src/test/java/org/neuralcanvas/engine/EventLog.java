package org.neuralcanvas.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.neuralcanvas.engine.train.TrainingEvent;
import org.neuralcanvas.engine.train.TrainingListener;

/** Records a session's events; an optional action runs on each (on the training thread). */
final class EventLog implements TrainingListener {

    private final List<TrainingEvent> events = new ArrayList<>();
    private volatile Consumer<TrainingEvent> action = e -> { };

    void onEach(Consumer<TrainingEvent> a) {
        this.action = a;
    }

    @Override
    public void onEvent(TrainingEvent event) {
        synchronized (events) {
            events.add(event);
        }
        action.accept(event);
    }

    List<TrainingEvent> all() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    <T extends TrainingEvent> List<T> of(Class<T> type) {
        return all().stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** How the session ended: its last state change (a failure while preparing is the only one). */
    TrainingEvent.StateChanged end() {
        List<TrainingEvent.StateChanged> states = of(TrainingEvent.StateChanged.class);
        return states.get(states.size() - 1);
    }

    /** A compact trace: B1.2 for epoch 1 batch 2, E1 for epoch 1, and transitions by name. */
    List<String> trace() {
        return all().stream().map(e -> {
            if (e instanceof TrainingEvent.BatchEnded b) {
                return "B" + b.epoch() + "." + b.batch();
            }
            if (e instanceof TrainingEvent.EpochEnded ep) {
                return "E" + ep.result().epoch();
            }
            return e instanceof TrainingEvent.StateChanged s ? s.transition().name() : e.getClass().getSimpleName();
        }).toList();
    }
}
