-- Incidents a rule exception matches are kept but suppressed: hidden from lists, counts and notifications by
-- default. The exception's id (of rule_set_exceptions; no foreign key, so a deleted draft never touches incidents)
-- and a readable reason (kind, pattern, rule set version, comment) are those of the latest correlation's verdict.
alter table incidents add column suppressed_by_exception bigint;
alter table incidents add column suppressed_reason varchar(300);
create index incidents_rule_last_seen_ix on incidents (rule_id, last_seen);
