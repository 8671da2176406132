package se.malspar.platform.axon;

import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * An Axon cache that keeps the most recently used entries, up to a maximum. Axon's
 * {@code WeakReferenceCache} loses an aggregate at the next garbage collection once no command
 * holds it, which under load is almost at once: measured, most commands still replayed their
 * aggregate. Axon ships no bounded in-memory cache of its own.
 */
public final class BoundedCache implements Cache {

    private final Map<Object, Object> entries;
    private final Set<EntryListener> listeners = new CopyOnWriteArraySet<>();

    public BoundedCache(int maximumEntries) {
        if (maximumEntries < 1) {
            throw new IllegalArgumentException("a cache holds at least one entry, not " + maximumEntries);
        }
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, Object> eldest) {
                if (size() <= maximumEntries) {
                    return false;
                }
                listeners.forEach(l -> l.onEntryExpired(eldest.getKey()));
                return true;
            }
        };
    }

    @Override
    public synchronized <K, V> V get(K key) {
        @SuppressWarnings("unchecked")
        V value = (V) entries.get(key);
        if (value != null) {
            listeners.forEach(l -> l.onEntryRead(key, value));
        }
        return value;
    }

    @Override
    public synchronized void put(Object key, Object value) {
        requireValue(value);
        boolean existed = entries.put(key, value) != null;
        listeners.forEach(l -> {
            if (existed) {
                l.onEntryUpdated(key, value);
            } else {
                l.onEntryCreated(key, value);
            }
        });
    }

    @Override
    public synchronized boolean putIfAbsent(Object key, Object value) {
        requireValue(value);
        if (entries.containsKey(key)) {
            return false;
        }
        entries.put(key, value);
        listeners.forEach(l -> l.onEntryCreated(key, value));
        return true;
    }

    @Override
    public synchronized <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
        @SuppressWarnings("unchecked")
        T existing = (T) entries.get(key);
        if (existing != null) {
            return existing;
        }
        T value = valueSupplier.get();
        requireValue(value);
        entries.put(key, value);
        listeners.forEach(l -> l.onEntryCreated(key, value));
        return value;
    }

    @Override
    public synchronized boolean remove(Object key) {
        if (entries.remove(key) == null) {
            return false;
        }
        listeners.forEach(l -> l.onEntryRemoved(key));
        return true;
    }

    @Override
    public synchronized void removeAll() {
        List<Object> keys = new ArrayList<>(entries.keySet());
        entries.clear();
        keys.forEach(key -> listeners.forEach(l -> l.onEntryRemoved(key)));
    }

    @Override
    public synchronized boolean containsKey(Object key) {
        return entries.containsKey(key);
    }

    @Override
    public synchronized <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        @SuppressWarnings("unchecked")
        V current = (V) entries.get(key);
        if (current == null) {
            return;
        }
        V updated = update.apply(current);
        if (updated == null) {
            remove(key);
        } else {
            entries.put(key, updated);
            listeners.forEach(l -> l.onEntryUpdated(key, updated));
        }
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener entryListener) {
        listeners.add(entryListener);
        return () -> listeners.remove(entryListener);
    }

    private static void requireValue(Object value) {
        if (value == null) {
            throw new IllegalArgumentException("a cache holds no null values");
        }
    }
}
