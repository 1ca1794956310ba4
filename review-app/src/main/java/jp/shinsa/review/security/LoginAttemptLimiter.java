package jp.shinsa.review.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Login throttling: after {@code maxFailures} failed logins for one user name within {@code window},
 * that name is locked for {@code lock} (even the right password is refused meanwhile); the same for
 * one client address with a higher bound, against guessing many names from one place. In memory on
 * purpose: one instance serves the workbench, and a restart ending a lock is acceptable. Memory stays
 * bounded: at most {@value #MAX_KEYS} keys are tracked (oldest evicted).
 */
public final class LoginAttemptLimiter {
    static final int MAX_KEYS = 10_000;
    private final Clock clock;
    private final int maxFailuresPerUser;
    private final int maxFailuresPerAddress;
    private final Duration window;
    private final Duration lock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final Map<String, Instant> lockedUntil = new ConcurrentHashMap<>();

    public LoginAttemptLimiter(Clock clock, int maxFailuresPerUser, int maxFailuresPerAddress, Duration window,
                               Duration lock) {
        this.clock = clock;
        this.maxFailuresPerUser = maxFailuresPerUser;
        this.maxFailuresPerAddress = maxFailuresPerAddress;
        this.window = window;
        this.lock = lock;
    }

    /** True when this name or this address is locked now. */
    public boolean isLocked(String username, String address) {
        Instant now = clock.instant();
        return locked(userKey(username), now) || locked(addressKey(address), now);
    }

    /** Records a failed login; true when it started a lock. */
    public boolean failed(String username, String address) {
        Instant now = clock.instant();
        boolean user = count(userKey(username), now, maxFailuresPerUser);
        boolean addr = address != null && count(addressKey(address), now, maxFailuresPerAddress);
        return user || addr;
    }

    /** A successful login clears the name's failures (not the address's: one good account should not unlock guessing). */
    public void succeeded(String username) {
        failures.remove(userKey(username));
    }

    public Duration lockDuration() {
        return lock;
    }

    private boolean locked(String key, Instant now) {
        if (key == null) {
            return false;
        }
        Instant until = lockedUntil.get(key);
        if (until == null) {
            return false;
        }
        if (!now.isBefore(until)) {
            lockedUntil.remove(key, until);
            failures.remove(key);
            return false;
        }
        return true;
    }

    private boolean count(String key, Instant now, int max) {
        if (key == null) {
            return false;
        }
        if (failures.size() > MAX_KEYS) {
            evictOldest();
        }
        Deque<Instant> q = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (q) {
            q.addLast(now);
            while (!q.isEmpty() && q.peekFirst().isBefore(now.minus(window))) {
                q.removeFirst();
            }
            if (q.size() >= max && !locked(key, now)) {
                lockedUntil.put(key, now.plus(lock));
                return true;
            }
        }
        return false;
    }

    private void evictOldest() {
        Instant cutoff = clock.instant().minus(window);
        for (Iterator<Map.Entry<String, Deque<Instant>>> it = failures.entrySet().iterator(); it.hasNext(); ) {
            var e = it.next();
            synchronized (e.getValue()) {
                if (e.getValue().isEmpty() || e.getValue().peekLast().isBefore(cutoff)) {
                    it.remove();
                }
            }
        }
        if (failures.size() > MAX_KEYS) {
            failures.clear();
        }
        lockedUntil.entrySet().removeIf(e -> !e.getValue().isAfter(clock.instant()));
    }

    private static String userKey(String username) {
        return username == null || username.isBlank() ? null : "user:" + username.strip().toLowerCase(java.util.Locale.ROOT);
    }

    private static String addressKey(String address) {
        return address == null || address.isBlank() ? null : "addr:" + address;
    }
}
