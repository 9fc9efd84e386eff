-- One index for a work item's natural key instead of two (natural_key, and open_key's unique constraint). Both
-- keys are SHA-256 hashes, so every new item wrote a page of each index at a random place: on embedded H2 these
-- two indexes were a third of all bytes written. is_open is TRUE while the item is open and NULL once it is
-- closed; a unique index treats NULLs as distinct, so it allows exactly one open item per natural key and any
-- number of closed ones, as open_key did.
alter table work_item add column is_open boolean;
update work_item set is_open = true where open_key is not null;
create unique index work_item_open on work_item (natural_key, is_open);
drop index work_item_natural_key;
alter table work_item drop column open_key;
