-- Named sample carts a merchandiser keeps per store to preview recommendations on.
CREATE TABLE sample_carts (
  name       VARCHAR(200)             NOT NULL,
  items      VARCHAR(20000)           NOT NULL,
  saved_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT pk_sample_carts PRIMARY KEY (name)
);
COMMENT ON COLUMN sample_carts.items IS 'JSON list of {sku, quantity}, in cart order';
