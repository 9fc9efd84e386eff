-- The acknowledgement as the sender got it (HL7 v2; null when none was asked for or the channel has none),
-- written with the message, so that the message browser shows what was sent rather than a rebuilt likeness.
alter table inbound_message add column acknowledgement text;
