package io.orderlift.mining;

import io.orderlift.store.MiningRun;

/**
 * What {@code mine} did: the stored run and where the time went. JSON names are read by outside checks.
 *
 * @param run      the run as stored (settings and counts)
 * @param loadMs   reading the order lines from the store
 * @param mineMs   counting pairs in memory
 * @param saveMs   computing prices and writing the results
 */
public record MiningSummary(MiningRun run, long loadMs, long mineMs, long saveMs) {
}
