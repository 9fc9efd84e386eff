-- The role the hub runs as, apart from the schema's owner that runs these migrations: everything it needs on the
-- hub's tables, but the audit trail only to append to and read (its chain head only to read and move on), and
-- the migration history not at all. The hub connects as a login role that is a member of it (docs/operations.md).
-- Created once per database cluster; each schema grants it its own rights.
do $$
begin
    create role ${appRole} nologin;
exception
    when duplicate_object then
        null;
    when insufficient_privilege then
        raise exception 'create role ${appRole} nologin first, as an administrator: the migrations may not create'
            ' roles (docs/operations.md, Database roles)';
end
$$;

grant usage on schema ${flyway:defaultSchema} to ${appRole};
grant select, insert, update, delete on all tables in schema ${flyway:defaultSchema} to ${appRole};
grant usage, select on all sequences in schema ${flyway:defaultSchema} to ${appRole};
revoke update, delete, truncate on access_audit from ${appRole};
revoke insert, delete, truncate on access_audit_head from ${appRole};
revoke all on ${flyway:table} from ${appRole};

-- tables and sequences later migrations add
alter default privileges in schema ${flyway:defaultSchema}
    grant select, insert, update, delete on tables to ${appRole};
alter default privileges in schema ${flyway:defaultSchema}
    grant usage, select on sequences to ${appRole};
