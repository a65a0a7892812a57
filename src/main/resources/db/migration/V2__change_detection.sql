-- Every change that can alter what a partner receives moves a timestamp, so the service notices it
-- without any other program writing to the database (SPEC section 2, last paragraph).
-- animals.updated_at moves for the animal itself and for its pictures, videos, foster and partner
-- choices; organizations.updated_at and partner_accounts.updated_at move for settings.

alter table organizations add column updated_at timestamptz not null default now();
alter table partner_accounts add column updated_at timestamptz not null default now();
alter table fosters add column updated_at timestamptz not null default now();

-- A writer that sets updated_at itself (an import, a data fix) keeps its value.
create function touch_updated_at() returns trigger language plpgsql as $$
begin
    if new.updated_at is not distinct from old.updated_at then
        new.updated_at := now();
    end if;
    return new;
end $$;

create trigger organizations_touch before update on organizations
    for each row when (old is distinct from new) execute function touch_updated_at();
create trigger partner_accounts_touch before update on partner_accounts
    for each row when (old is distinct from new) execute function touch_updated_at();
create trigger fosters_touch before update on fosters
    for each row when (old is distinct from new) execute function touch_updated_at();
create trigger animals_touch before update on animals
    for each row when (old is distinct from new) execute function touch_updated_at();
create trigger animal_pictures_touch before update on animal_pictures
    for each row when (old is distinct from new) execute function touch_updated_at();

-- A change to a child row (picture, video, partner choice) touches its animal.
create function touch_parent_animal() returns trigger language plpgsql as $$
begin
    if tg_op in ('UPDATE', 'DELETE') then
        update animals set updated_at = now() where id = old.animal_id;
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        update animals set updated_at = now() where id = new.animal_id;
    end if;
    return null;
end $$;

create trigger animal_pictures_touch_animal after insert or update or delete on animal_pictures
    for each row execute function touch_parent_animal();
create trigger animal_videos_touch_animal after insert or update or delete on animal_videos
    for each row execute function touch_parent_animal();
create trigger animal_partner_accounts_touch_animal after insert or update or delete on animal_partner_accounts
    for each row execute function touch_parent_animal();

-- A foster's contact details open the description of every animal in that foster home.
create function touch_fostered_animals() returns trigger language plpgsql as $$
begin
    update animals set updated_at = now() where foster_id = new.id;
    return null;
end $$;

create trigger fosters_touch_animals after update on fosters
    for each row when (old is distinct from new) execute function touch_fostered_animals();
