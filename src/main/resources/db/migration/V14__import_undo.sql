-- What an import into a store with orders is about to change, committed with its mark
-- (store_settings 'import_above') before its transaction: the orders it deletes (replaced, or withdrawn
-- by the file) with their lines, and the store's products, which it may update. The transaction empties
-- these tables as it commits; a store that opens with the mark still set deletes what lies above the
-- mark and puts these rows back (io.orderlift.store.ImportUndo, docs/reliability.md).
-- Each table has its source table's columns, in order: a migration that changes orders, order_lines or
-- products changes its copy here too (SchemaMigrationTest compares them).
CREATE TABLE import_undo_orders AS SELECT * FROM orders WITH NO DATA;
CREATE TABLE import_undo_order_lines AS SELECT * FROM order_lines WITH NO DATA;
CREATE TABLE import_undo_products AS SELECT * FROM products WITH NO DATA;
