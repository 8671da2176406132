package se.malspar.platform.axon;

import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BoundedCacheTest {

    @Test
    void keepsTheMostRecentlyUsedEntriesUpToItsMaximum() {
        BoundedCache cache = new BoundedCache(2);
        List<Object> expired = new ArrayList<>();
        cache.registerCacheEntryListener(new Cache.EntryListenerAdapter() {
            @Override
            public void onEntryExpired(Object key) {
                expired.add(key);
            }
        });
        cache.put("a", 1);
        cache.put("b", 2);
        assertThat(cache.<String, Integer>get("a")).isEqualTo(1); // a is now more recent than b
        cache.put("c", 3);

        assertThat(cache.containsKey("b")).isFalse();
        assertThat(cache.<String, Integer>get("a")).isEqualTo(1);
        assertThat(cache.<String, Integer>get("c")).isEqualTo(3);
        assertThat(expired).containsExactly("b");
    }

    @Test
    void anEntryRemovedIsGoneAndRemovingItAgainSaysSo() {
        BoundedCache cache = new BoundedCache(10);
        cache.put("a", 1);
        assertThat(cache.remove("a")).isTrue();
        assertThat(cache.remove("a")).isFalse();
        assertThat(cache.<String, Object>get("a")).isNull();
    }

    @Test
    void putIfAbsentAndComputeIfAbsentKeepWhatIsThere() {
        BoundedCache cache = new BoundedCache(10);
        assertThat(cache.putIfAbsent("a", 1)).isTrue();
        assertThat(cache.putIfAbsent("a", 2)).isFalse();
        assertThat(cache.<Integer>computeIfAbsent("a", () -> 3)).isEqualTo(1);
        assertThat(cache.<Integer>computeIfAbsent("b", () -> 4)).isEqualTo(4);
        cache.<Integer>computeIfPresent("b", v -> v + 1);
        assertThat(cache.<String, Integer>get("b")).isEqualTo(5);
        cache.<Integer>computeIfPresent("b", v -> null);
        assertThat(cache.containsKey("b")).isFalse();
    }

    @Test
    void refusesNullValuesAndAnEmptyMaximum() {
        assertThatThrownBy(() -> new BoundedCache(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BoundedCache(1).put("a", null)).isInstanceOf(IllegalArgumentException.class);
    }
}
