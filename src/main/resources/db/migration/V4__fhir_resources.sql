-- The latest version of every FHIR resource the hub received, so that later resources can refer to it
-- (an Encounter to its Patient, a Coverage to its payer) and a patient's current visit can be found.
-- version_id counts the versions received (meta.versionId of the answers); message_id is the stored message
-- the version came in, so that processing an older message again does not replace a newer version.
create table fhir_resource (
    resource_type varchar(64)  not null,
    resource_id   varchar(64)  not null,
    version_id    integer      not null,
    patient_ref   varchar(140),
    status        varchar(32),
    body          text         not null,
    message_id    bigint       not null,
    updated_at    timestamp with time zone not null,
    primary key (resource_type, resource_id)
);
create index fhir_resource_patient on fhir_resource (patient_ref, resource_type, updated_at);
