-- Notification settings (Administration › Notifications): one row; until it exists tmsp.notification.* applies.
create table notification_settings (
    id                       smallint     primary key check (id = 1),
    expiry_warning_days      varchar(200) not null,
    incident_window_days     integer      not null check (incident_window_days > 0),
    too_many_incidents       integer      not null check (too_many_incidents >= 0),
    too_few_incidents        integer      not null check (too_few_incidents >= 0),
    heartbeat_interval_secs  integer      not null check (heartbeat_interval_secs > 0),
    updated_by               varchar(100) not null,
    updated_at               timestamp with time zone not null
);

-- Configure Notifications: who of an account's recipients (AccountRecipients' key) gets which event type.
-- A recipient that leaves the account simply stops matching; the rows go with the account.
create table notification_subscriptions (
    account_id     bigint       not null,
    event_type     varchar(40)  not null,
    recipient_key  varchar(100) not null,
    primary key (account_id, event_type, recipient_key)
);

-- What a periodic check last told, per account and subject (e.g. the incident volume, a subscription's end), so
-- that a notification goes once per crossing and not at every check.
create table notification_states (
    account_id  bigint       not null,
    subject     varchar(100) not null,
    state       varchar(100) not null,
    changed_at  timestamp with time zone not null,
    primary key (account_id, subject)
);
