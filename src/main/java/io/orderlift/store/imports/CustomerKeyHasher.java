package io.orderlift.store.imports;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import it.unimi.dsi.fastutil.ints.IntArrayList;

/**
 * Turns a file's distinct customers into customer keys ({@link CustomerKeys}) on a background
 * thread while the file is still being read, so the HMACs (a quarter of a million for a 1 M-line
 * file) do not wait for the end of the file, nor hold up the reading thread.
 */
final class CustomerKeyHasher implements AutoCloseable {

    private static final int BATCH = 4096;

    private final byte[] salt;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "orderlift-customer-keys");
        thread.setDaemon(true);
        return thread;
    });
    /** Submitted batches and the index of each one's first customer; guarded by itself. */
    private final List<Future<String[]>> batches = new ArrayList<>();
    private final IntArrayList batchStarts = new IntArrayList();
    private List<String> pending = new ArrayList<>(BATCH);
    private CustomerKeys keys;
    private int added;

    CustomerKeyHasher(byte[] salt) {
        this.salt = salt.clone();
    }

    /** Queues the next customer; its key will be at the next index of {@link #keys()}. */
    void add(String customerId) {
        pending.add(customerId);
        added++;
        if (pending.size() == BATCH) {
            submitPending();
        }
    }

    /**
     * The keys of all customers added, in the order they were added (null for an id that is blank
     * once trimmed); waits for the hashing to finish.
     */
    String[] keys() {
        submitPending();
        String[] all = new String[added];
        int at = 0;
        for (Future<String[]> batch : submitted()) {
            String[] keys = await(batch);
            System.arraycopy(keys, 0, all, at, keys.length);
            at += keys.length;
        }
        return all;
    }

    /**
     * The key of the customer added at {@code index}, waiting for its batch; callable from any
     * thread once the adding thread has {@linkplain #submitPending() submitted} that customer.
     */
    String key(int index) {
        Future<String[]> batch;
        int start;
        synchronized (batches) {
            int found = Arrays.binarySearch(batchStarts.elements(), 0, batchStarts.size(), index);
            int b = found >= 0 ? found : -found - 2;
            batch = batches.get(b);
            start = batchStarts.getInt(b);
        }
        return await(batch)[index - start];
    }

    private List<Future<String[]>> submitted() {
        synchronized (batches) {
            return List.copyOf(batches);
        }
    }

    /** Hands the customers added since the last batch to the hashing thread now. */
    void submitPending() {
        if (pending.isEmpty()) {
            return;
        }
        List<String> batch = pending;
        pending = new ArrayList<>(BATCH);
        Future<String[]> hashed = worker.submit(() -> {
            if (keys == null) {
                keys = new CustomerKeys(salt);
            }
            String[] out = new String[batch.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = keys.keyOf(batch.get(i));
            }
            return out;
        });
        synchronized (batches) {
            batchStarts.add(added - batch.size());
            batches.add(hashed);
        }
    }

    private static String[] await(Future<String[]> batch) {
        try {
            return batch.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while hashing customer ids");
        } catch (ExecutionException e) {
            throw new IllegalStateException("Hashing customer ids failed: " + e.getCause().getMessage(), e.getCause());
        }
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
