-- Callback signatures already taken: a signed callback is applied once; the same signature again is a replay and
-- is refused. Kept a little longer than callbacks are accepted (hub.dispatch.callback-max-age), then purged.
create table vendor_callback (
    signature   varchar(64)  primary key,
    vendor      varchar(64)  not null,
    received_at timestamp with time zone not null
);
create index vendor_callback_received on vendor_callback (received_at);

-- What the vendor reported it learned (a pickup time, a trip reference, an eligibility result), apart from the
-- details the mapping rules write, so that the next message updating the item neither overwrites nor resends it.
alter table work_item add column vendor_report text;
