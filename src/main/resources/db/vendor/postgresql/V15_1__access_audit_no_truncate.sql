-- TRUNCATE bypasses row triggers: refuse it on the audit trail and its chain head too.
create trigger access_audit_no_truncate before truncate on access_audit
    for each statement execute function access_audit_append_only();
create trigger access_audit_head_no_truncate before truncate on access_audit_head
    for each statement execute function access_audit_append_only();
