-- PostgreSQL only: V1 and V2 were written for H2 and say CLOB and BLOB, which PostgreSQL lacks. These
-- domains let the same files run here; V2_1 turns every such column into TEXT or BYTEA and drops them.
CREATE DOMAIN clob AS TEXT;
CREATE DOMAIN blob AS BYTEA;
