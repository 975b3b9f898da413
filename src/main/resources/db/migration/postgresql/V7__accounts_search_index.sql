-- A trigram index serves the accounts filter's "contains" (like '%term%'); pg_trgm is a trusted extension.
create extension if not exists pg_trgm;
create index accounts_search_text_trgm_ix on accounts using gin (search_text gin_trgm_ops);
