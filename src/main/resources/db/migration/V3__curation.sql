-- Curation and weighting profiles. Curation refers to SKUs and category names, not to mining runs,
-- so it survives a re-mine and an import that renumbers nothing.

CREATE TABLE curated_pairs (
  placement     VARCHAR(20)              NOT NULL,
  anchor_sku    VARCHAR(200)             NOT NULL,
  candidate_sku VARCHAR(200)             NOT NULL,
  status        VARCHAR(20)              NOT NULL,
  pin_order     INT,
  reason        VARCHAR(1000),
  updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT pk_curated_pairs PRIMARY KEY (placement, anchor_sku, candidate_sku),
  CONSTRAINT ck_curated_pairs_status CHECK (status IN ('approved', 'rejected', 'pinned'))
);
COMMENT ON COLUMN curated_pairs.placement IS 'cart or confirmation';
COMMENT ON COLUMN curated_pairs.pin_order IS 'position among the anchor''s pins, for status pinned';

CREATE TABLE exclusions (
  kind       VARCHAR(20)              NOT NULL,
  first_key  VARCHAR(200)             NOT NULL,
  second_key VARCHAR(200)             NOT NULL,
  reason     VARCHAR(1000),
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT pk_exclusions PRIMARY KEY (kind, first_key, second_key),
  CONSTRAINT ck_exclusions_kind CHECK (kind IN ('sku', 'category', 'category-pair', 'pair'))
);
COMMENT ON COLUMN exclusions.second_key IS 'the second category or SKU of a category-pair or pair; empty otherwise';

CREATE TABLE curation_audit (
  id        INT                      NOT NULL,
  at        TIMESTAMP WITH TIME ZONE NOT NULL,
  action    VARCHAR(40)              NOT NULL,
  target    VARCHAR(600)             NOT NULL,
  old_value VARCHAR(2000),
  new_value VARCHAR(2000),
  undone    BOOLEAN                  NOT NULL,
  CONSTRAINT pk_curation_audit PRIMARY KEY (id)
);
COMMENT ON COLUMN curation_audit.old_value IS 'the row before the change as JSON, or NULL when there was none';

CREATE TABLE weighting_profiles (
  name     VARCHAR(100)  NOT NULL,
  settings VARCHAR(4000) NOT NULL,
  active   BOOLEAN       NOT NULL,
  CONSTRAINT pk_weighting_profiles PRIMARY KEY (name)
);
COMMENT ON COLUMN weighting_profiles.settings IS 'the profile as JSON (see docs/ranking.md)';
