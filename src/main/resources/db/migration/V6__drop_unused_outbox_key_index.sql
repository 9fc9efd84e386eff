-- No statement looks a request up by its idempotency key (it is sent to the vendor and shown with dead letters),
-- yet every request written kept this index too: one more B-tree page in every commit that adds requests.
-- Instances of the version before do not use it either, so this keeps the rolling upgrade.
drop index outbox_key;
