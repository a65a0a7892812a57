-- Deleted animals, for the change poll: a deletion changes no row the poll can read by updated_at, and finding
-- them by comparing the export state with animals read the whole export state on every poll (560 ms a poll with
-- 100,000 animals). Full syncs still compare everything; they also prune this log.
create table animal_deletions (
    animal_id  bigint      not null,
    org_id     bigint      not null,
    deleted_at timestamptz not null default now()
);
create index animal_deletions_deleted_at_idx on animal_deletions (deleted_at);

create function log_animal_deletion() returns trigger language plpgsql as $$
begin
    insert into animal_deletions (animal_id, org_id) values (old.id, old.org_id);
    return old;
end
$$;

create trigger animals_log_deletion after delete on animals
    for each row execute function log_animal_deletion();

-- Every acknowledged push resolves the animal's open dead letter for that partner, if any: found by animal
-- here, not by scanning every open dead letter of the partner.
create index dead_letters_open_animal_idx on dead_letters (animal_id, partner_code) where status = 'open' and kind = 'animal';
