package dev.backloop.changes;

import dev.backloop.filter.FilterCoercion;
import dev.backloop.filter.Operator;
import dev.backloop.filter.Where;
import dev.backloop.filter.eval.WhereMatcher;
import dev.backloop.model.HookContext;
import dev.backloop.model.Model;
import dev.backloop.model.OperationHook;
import dev.backloop.spi.ChangeSource;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The changes of one model, for whoever subscribes: fed by the model's {@code after save} and
 * {@code after delete} hooks, so a change is announced only once it is written, or, when the model's
 * connector is a {@link ChangeSource} watching it, by the backend itself, so changes written by other app
 * instances arrive too. Listeners are called on the writing (or watching) thread and must be quick (the
 * REST stream hands events to its own sender).
 */
public final class ChangeFeed {
    private static final Map<Model, ChangeFeed> FEEDS = java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    private final Model model;
    private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
    private volatile boolean observing;

    private ChangeFeed(Model model) {
        this.model = model;
    }

    /** The feed of a model: one per model, shared by the REST change stream and Java subscribers. */
    public static ChangeFeed of(Model model) {
        return FEEDS.computeIfAbsent(model, ChangeFeed::new);
    }

    /**
     * Calls {@code listener} with every change whose data matches {@code where} (all changes for
     * {@link Where#ALL}), until the subscription is closed.
     */
    public Subscription subscribe(Where where, Consumer<Change> listener) {
        observeOnce();
        Where typed = FilterCoercion.coerce(model.definition(), where == null ? Where.ALL : where);
        Subscriber subscriber = new Subscriber(WhereMatcher.compile(typed), listener);
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }

    /** How many subscriptions are open. */
    public int subscriberCount() {
        return subscribers.size();
    }

    private synchronized void observeOnce() {
        if (observing) {
            return;
        }
        if (model.connector() instanceof ChangeSource source && source.watches(model.definition())) {
            // closed with the connector, when the app closes
            source.watch(model.definition(), this::announced);
        } else {
            model.observe(OperationHook.AFTER_SAVE, this::saved);
            model.observe(OperationHook.AFTER_DELETE, this::deleted);
        }
        observing = true;
    }

    /** A change the backend reported. */
    @SuppressWarnings("unchecked")
    private void announced(Change change) {
        publish(change.data() instanceof Map<?, ?> data ? (Map<String, Object>) data : null, change);
    }

    private void saved(HookContext context) {
        if (subscribers.isEmpty()) {
            return;
        }
        if (context.instance() != null) {
            Map<String, Object> data = context.instance().toJSON();
            Object id = context.instance().id();
            String type = context.isNewInstance() == null ? (id == null ? "create" : "update")
                    : context.isNewInstance() ? "create" : "update";
            publish(data, new Change(id, data, type));
        } else {
            // updateAll: the changes, with the id when the where names one
            publish(context.data(), new Change(idIn(context.where()), context.data(), "update"));
        }
    }

    private void deleted(HookContext context) {
        if (subscribers.isEmpty()) {
            return;
        }
        Map<String, Object> data = context.instance() == null ? null : context.instance().toJSON();
        Object target = context.instance() != null ? context.instance().id() : idIn(context.where());
        publish(data, new Change(target, data, "remove"));
    }

    private void publish(Map<String, Object> data, Change change) {
        for (Subscriber subscriber : subscribers) {
            if (subscriber.filter.test(data == null ? Map.of() : data)) {
                subscriber.listener.accept(change);
            }
        }
    }

    private Object idIn(Where where) {
        if (where instanceof Where.Condition condition && condition.operator() == Operator.EQ
                && condition.property().equals(model.definition().idName())) {
            return condition.value();
        }
        return null;
    }

    private record Subscriber(Predicate<Map<String, Object>> filter, Consumer<Change> listener) {
    }
}
