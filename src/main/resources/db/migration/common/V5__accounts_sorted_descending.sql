-- "Highest first" sorts keep empty values last (AccountListQuery): indexes in that order serve them.
create index accounts_incident_count_desc_ix on accounts (incident_count desc nulls last);
create index accounts_last_received_desc_ix on accounts (last_received desc nulls last);
