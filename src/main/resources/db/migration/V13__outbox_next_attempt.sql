-- Vendor retries are scheduled in the outbox: a request that failed goes back to PENDING with the time of its next
-- attempt, and the relay puts it on the vendor's queue again once that time has come. Nothing waits in between.
-- The relay reads each vendor's pending requests in order, from their own index.
alter table outbox add column next_attempt_at timestamp with time zone;
create index outbox_vendor_pending on outbox (vendor, status, id);
