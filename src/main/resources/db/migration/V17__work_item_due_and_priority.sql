-- When each piece of work is due and how urgent it is, as the mapping rules set them (an interpreter two hours
-- after admission, transport at the expected discharge, an appointment's pickup before its start); overdue_at
-- records the moment an open item was found past its due time, so that it is marked (and counted) once.
alter table work_item add column due_at timestamp with time zone;
alter table work_item add column priority varchar(8) not null default 'routine';
alter table work_item add column overdue_at timestamp with time zone;
-- The overdue check reads only the open items not yet marked, in due order.
create index work_item_due on work_item (due_at) where is_open and overdue_at is null and due_at is not null;
-- The open overdue items: a gauge counts them, the work list filters by them.
create index work_item_overdue on work_item (type) where is_open and overdue_at is not null;
