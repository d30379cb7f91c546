-- strikebot schema 8 (postgres): each feed is polled by one process at a time.
-- A process about to poll a due feed leases it until lease_until; the poll's
-- saved state ends the lease, and a lease whose process died runs out, so
-- another takes the feed over. NULL: not leased.
ALTER TABLE feeds ADD COLUMN lease_until timestamptz;
