-- The access audit trail is append-only.
create function access_audit_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'access_audit is append-only';
end
$$;

create trigger access_audit_append_only before update or delete on access_audit
    for each row execute function access_audit_append_only();
