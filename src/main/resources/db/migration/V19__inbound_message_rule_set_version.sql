-- The version of the mapping rules (a hash of the mapping files) that handled each message: rules are reloaded
-- while the hub runs, so a message's outcome names the rules that decided it.
alter table inbound_message add column rule_set_version varchar(12);
