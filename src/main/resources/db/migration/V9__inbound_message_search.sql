-- The message browser's searches: by the patient's MRN (read from the message when it is stored; messages stored
-- before this have none) and by sender (MSH-3, MSH-4), each an index range rather than a scan of every message.
alter table inbound_message add column patient_mrn varchar(255);
create index inbound_message_mrn on inbound_message (patient_mrn, received_at);
create index inbound_message_sender on inbound_message (sending_application, sending_facility, received_at);
