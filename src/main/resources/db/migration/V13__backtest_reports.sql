-- The last backtest run on the store, so that the Reports view shows it when the store is opened again
-- (io.orderlift.store.BacktestStore). One row: a new backtest replaces it.
CREATE TABLE backtest_reports (
  id               INT                      NOT NULL,
  ran_at           TIMESTAMP WITH TIME ZONE NOT NULL,
  orders_basis     VARCHAR(100)             NOT NULL,
  exclusions_basis VARCHAR(100)             NOT NULL,
  profile_basis    VARCHAR(100)             NOT NULL,
  report           CLOB                     NOT NULL,
  CONSTRAINT pk_backtest_reports PRIMARY KEY (id)
);
COMMENT ON COLUMN backtest_reports.orders_basis IS 'the import batches the backtest read: how many, and the newest id';
COMMENT ON COLUMN backtest_reports.exclusions_basis IS 'SHA-256 of the SKU and category exclusions it honoured';
COMMENT ON COLUMN backtest_reports.profile_basis IS 'SHA-256 of the settings of the active profile its search started from';
COMMENT ON COLUMN backtest_reports.report IS 'the report as backtest --json writes it';
