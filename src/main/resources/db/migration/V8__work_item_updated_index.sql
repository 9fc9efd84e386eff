-- The console's work list sorts by the last change and asks, every few seconds, whether anything changed since
-- it last looked (the newest id and change time): both read this index instead of the whole table.
create index work_item_updated on work_item (updated_at);
