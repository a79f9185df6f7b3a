-- The charset each import's text was read in (detected, or given with --encoding), so the import
-- history says later how a file's titles were read. Imports recorded before it hold null: their
-- encoding was not kept.
ALTER TABLE import_batches ADD COLUMN encoding VARCHAR(40);
COMMENT ON COLUMN import_batches.encoding IS 'Java charset name the file was read in (UTF-8, windows-1252, ...); null for imports recorded before V9';
