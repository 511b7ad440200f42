-- PostgreSQL only: long strings are TEXT and the refit model BYTEA, as in every later migration.
ALTER TABLE experiment ALTER COLUMN spec_json TYPE TEXT;
ALTER TABLE experiment ALTER COLUMN spec_yaml TYPE TEXT;
ALTER TABLE experiment ALTER COLUMN provenance_json TYPE TEXT;
ALTER TABLE trial ALTER COLUMN error TYPE TEXT;
ALTER TABLE trial ALTER COLUMN provenance_json TYPE TEXT;
ALTER TABLE fold_run ALTER COLUMN error TYPE TEXT;
ALTER TABLE refit ALTER COLUMN error TYPE TEXT;
ALTER TABLE refit ALTER COLUMN model_zip TYPE BYTEA;
ALTER TABLE reproduction ALTER COLUMN detail TYPE TEXT;
ALTER TABLE reproduction ALTER COLUMN provenance_json TYPE TEXT;
DROP DOMAIN clob;
DROP DOMAIN blob;
