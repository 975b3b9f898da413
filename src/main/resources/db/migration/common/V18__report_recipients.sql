-- Who receives which reports of an account (by the recipient key of tmsp.account.AccountRecipients), and which
-- mails went out, so a retried send job never mails a recipient twice.
create table report_recipients (
    account_id     bigint      not null,
    recipient_key  varchar(64) not null,
    daily          boolean     not null,
    weekly         boolean     not null,
    monthly        boolean     not null,
    primary key (account_id, recipient_key)
);

create table report_deliveries (
    report_id      bigint      not null references reports (id) on delete cascade,
    recipient_key  varchar(64) not null,
    delivered_at   timestamp with time zone not null,
    primary key (report_id, recipient_key)
);
