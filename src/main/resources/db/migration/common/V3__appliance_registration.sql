-- Products authenticate with a token issued at registration; only its SHA-256 is stored.
alter table products add column token_hash varchar(64);
alter table products add column token_issued_at timestamp with time zone;
alter table products add column pattern_version varchar(40);
alter table products add column heartbeat_overdue boolean default false not null;
create unique index products_token_hash_uq on products (token_hash);
