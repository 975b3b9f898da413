-- The mail server notifications and reports go out through: one row, set by an administrator in the portal.
-- Until it exists the portal uses TMSP_SMTP_* from its configuration.
create table smtp_servers (
    id          smallint     primary key check (id = 1),
    host        varchar(255) not null,
    port        integer      not null check (port between 1 and 65535),
    security    varchar(16)  not null,
    sender      varchar(320) not null,
    username    varchar(255),
    password    varchar(255),
    updated_by  varchar(100) not null,
    updated_at  timestamp with time zone not null
);
