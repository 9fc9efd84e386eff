-- On embedded H2 an HL7 message is acknowledged once its transaction has committed and the message is in the
-- hub's HL7 journal; H2 writes its file about once a second. The receipt ties a stored message to its journal
-- record, so that start-up after a crash processes again exactly the journaled messages the file did not keep.
-- Null on PostgreSQL (no journal) and for older rows; the index's keys only grow, each insert appends to it.
alter table inbound_message add column journal_receipt bigint;
create unique index inbound_message_journal_receipt on inbound_message (journal_receipt);
