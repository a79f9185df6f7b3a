-- Packed pairs in a denser form (io.orderlift.store.PackedPairs): a tag byte per pair holding the
-- usual small counts, varints only for what does not fit; 1.8 bytes a pair on the wholesale store
-- instead of four, so a run is saved, read back and replaced in about half the bytes.
-- Runs packed the old way cannot be read as such: they are removed, and the store asks to be mined
-- again (the orders, curation, profiles and published versions stay).
DELETE FROM anchor_pairs;
DELETE FROM product_stats;
DELETE FROM mining_runs;
DELETE FROM store_settings WHERE setting_key IN ('active_mining_run', 'active_run_prices_at_lines');
COMMENT ON COLUMN anchor_pairs.packed IS 'per pair, by increasing candidate id: a tag byte (bit 7: candidate = previous + 1; bits 4-6: co, 7 = co - 7 follows; bits 2-3: follow, 3 = follow - 3 follows; bits 0-1: customers = co, = co + follow, or follows), then those unsigned LEB128 varints (distance, co - 7, follow - 3, customers) the tag asks for';
