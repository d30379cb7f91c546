-- strikebot schema 12 (PostgreSQL): article text compressed with lz4.
--
-- An article's text and summary are usually over the 2 KB at which
-- PostgreSQL compresses a row's long values, and with the default pglz
-- that compression was the largest single cost of an insert (a fifth of
-- the server's time on a first ingest of 50,000 articles); lz4 does the
-- same job several times faster, and decompresses faster too. Rows stored
-- before keep pglz; both read the same. A server built without lz4 (or
-- older than PostgreSQL 14) keeps the default: the change is only about
-- speed, so it must not stop the migration.
DO $$
BEGIN
	EXECUTE 'ALTER TABLE articles ALTER COLUMN text SET COMPRESSION lz4, ALTER COLUMN summary SET COMPRESSION lz4';
EXCEPTION WHEN OTHERS THEN
	RAISE NOTICE 'strikebot: lz4 compression not available (%); articles keep the default', SQLERRM;
END
$$;
