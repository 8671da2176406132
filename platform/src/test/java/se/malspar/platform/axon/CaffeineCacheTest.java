package se.malspar.platform.axon;

import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CaffeineCacheTest {

    @Test
    void holdsNoMoreThanItsMaximumAndTellsListenersWhatItEvicted() {
        CaffeineCache cache = new CaffeineCache(2);
        List<Object> expired = new ArrayList<>();
        cache.registerCacheEntryListener(new Cache.EntryListenerAdapter() {
            @Override
            public void onEntryExpired(Object key) {
                expired.add(key);
            }
        });
        for (int i = 0; i < 50; i++) {
            cache.put("k" + i, i);
        }
        long held = java.util.stream.IntStream.range(0, 50).filter(i -> cache.containsKey("k" + i)).count();
        assertThat(held).isLessThanOrEqualTo(2);
        assertThat(expired).hasSize(50 - (int) held);
    }

    @Test
    void anEntryRemovedIsGoneAndRemovingItAgainSaysSo() {
        CaffeineCache cache = new CaffeineCache(10);
        cache.put("a", 1);
        assertThat(cache.remove("a")).isTrue();
        assertThat(cache.remove("a")).isFalse();
        assertThat(cache.<String, Object>get("a")).isNull();
    }

    @Test
    void putIfAbsentAndComputeIfAbsentKeepWhatIsThere() {
        CaffeineCache cache = new CaffeineCache(10);
        assertThat(cache.putIfAbsent("a", 1)).isTrue();
        assertThat(cache.putIfAbsent("a", 2)).isFalse();
        assertThat(cache.<Integer>computeIfAbsent("a", () -> 3)).isEqualTo(1);
        assertThat(cache.<Integer>computeIfAbsent("b", () -> 4)).isEqualTo(4);
        cache.<Integer>computeIfPresent("b", v -> v + 1);
        assertThat(cache.<String, Integer>get("b")).isEqualTo(5);
        cache.<Integer>computeIfPresent("b", v -> null);
        assertThat(cache.containsKey("b")).isFalse();
        cache.removeAll();
        assertThat(cache.containsKey("a")).isFalse();
    }

    @Test
    void refusesNullValuesAndAnEmptyMaximum() {
        assertThatThrownBy(() -> new CaffeineCache(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CaffeineCache(1).put("a", null)).isInstanceOf(NullPointerException.class);
    }
}
