-- Every published rule set is kept, so any two can be compared and any can be exported again.
CREATE TABLE published_rulesets (
  version      INT                      NOT NULL,
  published_at TIMESTAMP WITH TIME ZONE NOT NULL,
  note         VARCHAR(4000)            NOT NULL,
  content_hash VARCHAR(80)              NOT NULL,
  file_name    VARCHAR(1000)            NOT NULL,
  size_bytes   BIGINT                   NOT NULL,
  content      BLOB                     NOT NULL,
  CONSTRAINT pk_published_rulesets PRIMARY KEY (version)
);
COMMENT ON COLUMN published_rulesets.content IS 'the file exactly as written (compact JSON, UTF-8)';
