package se.malspar.platform.axon;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * An Axon {@link Cache} over a size-bounded Caffeine cache. Axon's {@code WeakReferenceCache}
 * loses an aggregate at the next garbage collection, and Axon ships no bounded cache of its own.
 * Chosen over Axon's {@code JCacheAdapter} with Caffeine's JCache provider: the same Caffeine
 * underneath, without the JSR-107 layer (its configuration, its entry copying options, two more
 * dependencies) that buys nothing for an in-process cache of live aggregate objects.
 * <p>
 * Eviction is Caffeine's (W-TinyLFU: frequently and recently used entries stay), run on the
 * calling thread so that an entry over the maximum is gone when the call returns.
 */
public final class CaffeineCache implements Cache {

    private final ConcurrentMap<Object, Object> entries;
    private final Set<EntryListener> listeners = new CopyOnWriteArraySet<>();

    public CaffeineCache(long maximumEntries) {
        if (maximumEntries < 1) {
            throw new IllegalArgumentException("a cache holds at least one entry, not " + maximumEntries);
        }
        this.entries = Caffeine.newBuilder()
                .maximumSize(maximumEntries)
                .executor(Runnable::run)
                .removalListener((Object key, Object value, RemovalCause cause) -> {
                    if (key != null && cause.wasEvicted()) {
                        listeners.forEach(l -> l.onEntryExpired(key));
                    }
                })
                .build().asMap();
    }

    @Override
    public <K, V> V get(K key) {
        @SuppressWarnings("unchecked")
        V value = (V) entries.get(key);
        if (value != null) {
            listeners.forEach(l -> l.onEntryRead(key, value));
        }
        return value;
    }

    @Override
    public void put(Object key, Object value) {
        boolean existed = entries.put(key, requireValue(value)) != null;
        listeners.forEach(l -> {
            if (existed) {
                l.onEntryUpdated(key, value);
            } else {
                l.onEntryCreated(key, value);
            }
        });
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        if (entries.putIfAbsent(key, requireValue(value)) != null) {
            return false;
        }
        listeners.forEach(l -> l.onEntryCreated(key, value));
        return true;
    }

    @Override
    public <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
        boolean[] created = {false};
        @SuppressWarnings("unchecked")
        T value = (T) entries.computeIfAbsent(key, k -> {
            created[0] = true;
            return requireValue(valueSupplier.get());
        });
        if (created[0]) {
            listeners.forEach(l -> l.onEntryCreated(key, value));
        }
        return value;
    }

    @Override
    public boolean remove(Object key) {
        if (entries.remove(key) == null) {
            return false;
        }
        listeners.forEach(l -> l.onEntryRemoved(key));
        return true;
    }

    @Override
    public void removeAll() {
        for (Map.Entry<Object, Object> entry : entries.entrySet()) {
            remove(entry.getKey());
        }
    }

    @Override
    public boolean containsKey(Object key) {
        return entries.containsKey(key);
    }

    @Override
    public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        @SuppressWarnings("unchecked")
        UnaryOperator<Object> untyped = (UnaryOperator<Object>) (UnaryOperator<?>) update;
        Object[] before = {null};
        Object after = entries.computeIfPresent(key, (k, v) -> {
            before[0] = v;
            return untyped.apply(v);
        });
        if (before[0] == null) {
            return;
        }
        if (after == null) {
            listeners.forEach(l -> l.onEntryRemoved(key));
        } else {
            listeners.forEach(l -> l.onEntryUpdated(key, after));
        }
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener entryListener) {
        listeners.add(entryListener);
        return () -> listeners.remove(entryListener);
    }

    private static <T> T requireValue(T value) {
        return Objects.requireNonNull(value, "a cache holds no null values");
    }
}
