-- Spring Modulith's event publication registry: an event crossing modules is written here in the same
-- transaction as the change that caused it, and marked complete (here: deleted) when its listener succeeded.
-- What is left at start-up is resubmitted, so a crash between a change and its listener loses nothing.
create table event_publication (
    id                uuid          primary key,
    listener_id       varchar(512)  not null,
    event_type        varchar(512)  not null,
    serialized_event  varchar(1000000) not null,
    publication_date  timestamp with time zone not null,
    completion_date   timestamp with time zone
);
create index event_publication_incomplete_ix on event_publication (completion_date, publication_date);

-- Only used when completed publications are archived instead of deleted; validated all the same.
create table event_publication_archive (
    id                uuid          primary key,
    listener_id       varchar(512)  not null,
    event_type        varchar(512)  not null,
    serialized_event  varchar(1000000) not null,
    publication_date  timestamp with time zone not null,
    completion_date   timestamp with time zone
);
