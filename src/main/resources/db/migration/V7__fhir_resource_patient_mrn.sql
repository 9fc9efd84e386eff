-- The MRN of the patient a kept FHIR resource is about, when the hub knew it, so that the retention purge can
-- tell whether an open work item still needs the patient's resources. Rows kept before this column existed have
-- none and are judged by the other rows of the same patient (patient_ref).
alter table fhir_resource add column patient_mrn varchar(255);
create index fhir_resource_updated on fhir_resource (updated_at);
