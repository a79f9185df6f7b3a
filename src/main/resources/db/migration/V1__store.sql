-- Orderlift store schema, version 1: catalog, customers, orders, order lines, import batches.
-- Times are UTC (TIMESTAMP without zone, always written as UTC by the importer).
-- Ids of products, customers and orders are dense integers assigned by the importer
-- (max + 1), so mining can use them as array indexes.

CREATE TABLE store_settings (
  setting_key   VARCHAR(100)  NOT NULL,
  setting_value VARCHAR(4000) NOT NULL,
  CONSTRAINT pk_store_settings PRIMARY KEY (setting_key)
);

CREATE TABLE import_batches (
  id               INT                      NOT NULL,
  file_name        VARCHAR(1000)            NOT NULL,
  checksum         VARCHAR(64)              NOT NULL,
  format           VARCHAR(20)              NOT NULL,
  imported_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  rows_read        INT                      NOT NULL,
  orders_added     INT                      NOT NULL,
  orders_replaced  INT                      NOT NULL,
  orders_unchanged INT                      NOT NULL,
  lines_added      INT                      NOT NULL,
  products_added   INT                      NOT NULL,
  customers_added  INT                      NOT NULL,
  rows_skipped     INT                      NOT NULL,
  skipped_rows     CLOB,
  CONSTRAINT pk_import_batches PRIMARY KEY (id)
);
COMMENT ON COLUMN import_batches.skipped_rows IS 'JSON list of {line, column, value, reason} for rows skipped with --skip-bad-rows';

CREATE TABLE products (
  id         INT            NOT NULL,
  sku        VARCHAR(200)   NOT NULL,
  title      VARCHAR(1000),
  category   VARCHAR(200),
  list_price NUMERIC(19, 4),
  cost       NUMERIC(19, 4),
  CONSTRAINT pk_products PRIMARY KEY (id),
  CONSTRAINT uq_products_sku UNIQUE (sku)
);

CREATE TABLE customers (
  id           INT         NOT NULL,
  customer_key VARCHAR(64) NOT NULL,
  CONSTRAINT pk_customers PRIMARY KEY (id),
  CONSTRAINT uq_customers_key UNIQUE (customer_key)
);
COMMENT ON COLUMN customers.customer_key IS 'HMAC-SHA-256 of the source customer id or email with the store salt; never the raw value';

-- Orders and order lines carry no foreign-key constraints: every index costs a B-tree write per
-- row, and the importer (the only writer) assigns every id itself. Tests check the integrity
-- (StoreIntegrityTest). Lines of one order have consecutive ids, first_line_id .. + line_count - 1,
-- so an order's lines are one range scan of the primary key.
CREATE TABLE orders (
  id            INT            NOT NULL,
  external_id   VARCHAR(200)   NOT NULL,
  customer_id   INT,
  ordered_at    TIMESTAMP      NOT NULL,
  item_count    INT            NOT NULL,
  order_value   NUMERIC(19, 4) NOT NULL,
  first_line_id BIGINT         NOT NULL,
  line_count    INT            NOT NULL,
  content_hash  BIGINT         NOT NULL,
  batch_id      INT            NOT NULL,
  CONSTRAINT pk_orders PRIMARY KEY (id),
  CONSTRAINT uq_orders_external_id UNIQUE (external_id)
);
COMMENT ON COLUMN orders.customer_id IS 'customers.id, or NULL for a guest checkout';
COMMENT ON COLUMN orders.ordered_at IS 'UTC; the earliest time among the order''s lines';
COMMENT ON COLUMN orders.item_count IS 'number of SKUs whose net quantity in the order is > 0';
COMMENT ON COLUMN orders.order_value IS 'sum of quantity x unit price over the order''s lines (returns subtract)';
COMMENT ON COLUMN orders.batch_id IS 'import_batches.id of the import that wrote the order';

CREATE TABLE order_lines (
  id         BIGINT         NOT NULL,
  order_id   INT            NOT NULL,
  product_id INT            NOT NULL,
  quantity   INT            NOT NULL,
  unit_price NUMERIC(19, 4) NOT NULL,
  CONSTRAINT pk_order_lines PRIMARY KEY (id)
);
COMMENT ON COLUMN order_lines.order_id IS 'orders.id';
COMMENT ON COLUMN order_lines.product_id IS 'products.id';
