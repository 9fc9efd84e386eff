-- The work list divided as liaisons divide their work: by the patient's facility and unit, as the rule set's
-- patient.location reads them (items opened before this have none until a message updates them).
alter table work_item add column facility varchar(255);
alter table work_item add column unit varchar(255);
create index work_item_location on work_item (facility, unit, is_open);
