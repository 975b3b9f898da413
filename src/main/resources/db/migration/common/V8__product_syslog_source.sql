-- Where an administrator has configured it, the address a product's syslog must come from. A message
-- naming the product's GUID from elsewhere is quarantined; a message without a GUID from this address
-- is the product's.
alter table products add column syslog_source varchar(45);
create index products_syslog_source_ix on products (syslog_source);
