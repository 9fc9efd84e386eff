-- The retention purge deletes a message's control id by message_id, and deleting the message makes PostgreSQL
-- check that no control id still references it. Without this index both were a scan of the whole table per
-- message: over a million messages with retention in minutes the purge fell behind for good (BENCHMARKS.md,
-- "Footprint"); with 30 days of a busy feed it would never have finished.
create index message_control_id_message on message_control_id (message_id);
