-- What the accounts filter matches — name, company, services and the managing administrator — in one
-- lower-case column the application keeps current (Account.refreshSearchText).
alter table accounts add column search_text varchar(1000) default '' not null;
update accounts a set search_text = lower(a.name || ' ' || a.company_name || ' ' || a.services_label || ' '
    || coalesce((select coalesce(u.display_name, '') || ' ' || u.username from users u where u.id = a.managed_by_id), ''));
