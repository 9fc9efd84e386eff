-- The access audit trail is append-only.
create trigger access_audit_append_only before update, delete on access_audit
    for each row call 'org.liaisonhub.platform.audit.AppendOnlyTrigger';
