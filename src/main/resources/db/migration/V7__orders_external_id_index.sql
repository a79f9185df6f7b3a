-- Order ids of the source system are unique by construction, as customer keys are since V6: the
-- importer reads every order id of the store into memory, compares each imported order with it
-- (unchanged, replaced, or a conflict) and gives new orders the next ids. The unique index cost a
-- random B-tree insert per order (about a fifth of a new store's import; docs/benchmarks.md).
-- Nothing looks orders up by their source id: the workbench reads an order by its own id.
-- StoreIntegrityTest checks the ids stay unique.
ALTER TABLE orders DROP CONSTRAINT uq_orders_external_id;
