-- API partners: what went wrong with an account request, and the index the change poll reads.
alter table partner_accounts add column last_error text;
alter table partner_accounts add column last_error_at timestamptz;

create index animals_updated_at_idx on animals (updated_at);
create index organizations_updated_at_idx on organizations (updated_at);
create index animal_export_state_partner_state_idx on animal_export_state (partner_code, state);

-- The hash of a payload an API partner refused with a 4xx: the same payload is not sent again, a changed one is.
alter table animal_export_state add column refused_hash text;
