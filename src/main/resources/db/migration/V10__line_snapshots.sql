-- Every order line as mining and the backtest read them, packed into one value per version of the
-- lines: reading 525,429 lines back from order_lines row by row takes 1.5 s, the packed copy a
-- few milliseconds. Derived data: written by the first full read after an import, dropped when
-- a newer version of the lines replaces it, and never the only copy of anything.
CREATE TABLE line_snapshots (
  lines_version INT  NOT NULL,
  packed        BLOB NOT NULL,
  CONSTRAINT pk_line_snapshots PRIMARY KEY (lines_version)
);
COMMENT ON COLUMN line_snapshots.lines_version IS 'the newest import_batches.id when the lines were read (0 before any import)';
COMMENT ON COLUMN line_snapshots.packed IS 'io.orderlift.store.LineSnapshot: a format byte, then every order with its lines in order id order, then the median sold price of each product without a list price';
