-- Each audit row carries a SHA-256 hash of its content and of the row before it: changing or removing a row
-- breaks the chain from there on (GET /api/audit/verify). access_audit_head holds the chain's last link; every
-- insert locks it, so rows are chained one after the other, also across hub instances. Rows recorded before this
-- migration stay unchained.
alter table access_audit add column previous_hash varchar(64);
alter table access_audit add column row_hash varchar(64);

create table access_audit_head (
    id        integer     primary key,
    last_id   bigint,
    last_hash varchar(64) not null
);
insert into access_audit_head (id, last_id, last_hash)
    values (1, null, '0000000000000000000000000000000000000000000000000000000000000000');
