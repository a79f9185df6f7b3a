-- Mining results: one row per mining run, per product and per purchase pair. Several runs may be
-- stored while a new one is written; store_settings.active_mining_run names the one readers use,
-- and switching it is part of the same transaction that writes the new run and removes the old.

CREATE TABLE mining_runs (
  id                     INT                      NOT NULL,
  started_at             TIMESTAMP WITH TIME ZONE NOT NULL,
  duration_ms            BIGINT                   NOT NULL,
  window_days            INT                      NOT NULL,
  max_basket             INT,
  min_co                 INT                      NOT NULL,
  orders_used            INT                      NOT NULL,
  orders_empty           INT                      NOT NULL,
  orders_over_max_basket INT                      NOT NULL,
  last_order_at          TIMESTAMP,
  follow_cutoff          TIMESTAMP,
  products               INT                      NOT NULL,
  pairs_kept             BIGINT                   NOT NULL,
  pairs_dropped          BIGINT                   NOT NULL,
  CONSTRAINT pk_mining_runs PRIMARY KEY (id)
);
COMMENT ON COLUMN mining_runs.orders_used IS 'N: orders with a non-empty item set (and within --max-basket)';
COMMENT ON COLUMN mining_runs.follow_cutoff IS 'last_order_at - window_days: only orders up to this time count for follow-on evidence';
COMMENT ON COLUMN mining_runs.pairs_dropped IS 'pairs left out by --min-co';

CREATE TABLE product_stats (
  run_id      INT            NOT NULL,
  product_id  INT            NOT NULL,
  orders      INT            NOT NULL,
  follow_base INT            NOT NULL,
  price       NUMERIC(19, 4),
  CONSTRAINT pk_product_stats PRIMARY KEY (run_id, product_id)
);
COMMENT ON COLUMN product_stats.orders IS 'orders(a): orders whose item set holds the product';
COMMENT ON COLUMN product_stats.follow_base IS 'followBase(a): such orders with a known customer, up to the follow cutoff';
COMMENT ON COLUMN product_stats.price IS 'list price, else the median unit price over lines with positive quantity and price';

CREATE TABLE pair_stats (
  run_id       INT NOT NULL,
  anchor_id    INT NOT NULL,
  candidate_id INT NOT NULL,
  co           INT NOT NULL,
  follow       INT NOT NULL,
  customers    INT NOT NULL,
  CONSTRAINT pk_pair_stats PRIMARY KEY (run_id, anchor_id, candidate_id)
);
COMMENT ON COLUMN pair_stats.co IS 'co(a,c): orders holding both';
COMMENT ON COLUMN pair_stats.follow IS 'follow(a,c): anchor orders followed within the window by an order of the same customer holding c';
COMMENT ON COLUMN pair_stats.customers IS 'distinct known customers behind the pair, same-order and follow-on together';
