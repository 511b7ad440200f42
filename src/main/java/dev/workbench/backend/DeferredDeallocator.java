package dev.workbench.backend;

import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.lang.reflect.Field;
import java.util.ArrayDeque;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.nd4j.linalg.api.memory.Deallocatable;
import org.nd4j.linalg.api.memory.Deallocator;
import org.nd4j.linalg.api.memory.deallocation.DeallocatorService;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ND4J's deallocator service, except that an array's native memory is freed {@link #DELAY_MILLIS} after the
 * garbage collector finds the array unreachable rather than at once.
 *
 * <p>ND4J's op executioner takes the native handle out of a temporary array (a broadcast op's dimension
 * list, for one) and then passes only the handle to native code; compiled Java code no longer holds the
 * array, so a collection just before or during the call let ND4J's service free the handle while native code
 * was about to read it: a SIGSEGV in {@code sd::DataBuffer::primary()}. Four threads adding a row vector in a
 * loop, beside a thread making Java garbage, with a 2 MB young generation, crashed that way within 9 s in 4
 * of 4 runs ({@code DeferredDeallocatorTest}); a {@code cnn-grid} run crashed once in the same place. The native calls that read such handles last well under the delay, so the delay
 * closes the race; the price is that garbage arrays hold their native memory that much longer.
 */
public final class DeferredDeallocator extends DeallocatorService {

    /** How long after the collector's notice an array's memory is freed. */
    static final long DELAY_MILLIS = 500;

    private static final Logger LOG = LoggerFactory.getLogger(DeferredDeallocator.class);

    private final ReferenceQueue<Deallocatable> queue = new ReferenceQueue<>();
    /** Keeps the references themselves reachable until they are processed. */
    private final Set<Tracked> tracked = ConcurrentHashMap.newKeySet();

    private DeferredDeallocator() {
        Thread thread = new Thread(this::run, "workbench-deallocator");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Makes ND4J use this service for every array created from now on; call before ND4J creates arrays.
     * Calling it again is harmless.
     */
    public static void install() {
        synchronized (Nd4j.class) { // Nd4j.getDeallocatorService() is static synchronized
            try {
                Field field = Nd4j.class.getDeclaredField("deallocatorService");
                field.setAccessible(true);
                if (!(field.get(null) instanceof DeferredDeallocator)) {
                    field.set(null, new DeferredDeallocator());
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot replace ND4J's deallocator service", e);
            }
        }
    }

    @Override
    public void pickObject(Deallocatable deallocatable) {
        tracked.add(new Tracked(deallocatable, queue));
    }

    private void run() {
        ArrayDeque<Tracked> due = new ArrayDeque<>();
        while (true) {
            try {
                Tracked first = due.peek();
                long waitMillis =
                        first == null ? 0 : Math.max(1, TimeUnit.NANOSECONDS.toMillis(first.dueAt - System.nanoTime()));
                Reference<? extends Deallocatable> found = queue.remove(waitMillis);
                for (; found != null; found = queue.poll()) {
                    Tracked reference = (Tracked) found;
                    reference.dueAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(DELAY_MILLIS);
                    due.add(reference);
                }
                while (!due.isEmpty() && due.peek().dueAt - System.nanoTime() <= 0) {
                    Tracked reference = due.poll();
                    tracked.remove(reference);
                    reference.deallocator.deallocate();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warn("freeing an ND4J array failed; later ones are still freed", e);
            }
        }
    }

    /** A weak reference to an array's buffer with what frees it; compared by identity. */
    private static final class Tracked extends WeakReference<Deallocatable> {
        private final Deallocator deallocator;
        private long dueAt;

        Tracked(Deallocatable referent, ReferenceQueue<Deallocatable> queue) {
            super(referent, queue);
            this.deallocator = referent.deallocator();
        }
    }
}
