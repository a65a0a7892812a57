-- The animal database of SPEC section 2: the input contract. Names are the contract; do not rename.

create table organizations (
    id                          bigint primary key,
    name                        text not null,
    email                       text,
    phone                       text,
    city                        text,
    state                       text,
    postal_code                 text,
    country                     text default 'US',
    homepage_url                text,
    animal_page_url_template    text,
    website_service             boolean not null default false,
    description_links_enabled   boolean not null default true,
    api_exports_enabled         boolean not null default false
);

create table partner_accounts (
    org_id          bigint not null references organizations (id) on delete cascade,
    partner_code    text not null,
    enabled         boolean not null default false,
    account_id      text,
    username        text,
    secret          text,
    status          text not null default 'new' check (status in ('new', 'requested', 'active', 'rejected')),
    primary key (org_id, partner_code)
);

create table fosters (
    id              bigint primary key,
    org_id          bigint not null references organizations (id) on delete cascade,
    name            text,
    email           text,
    phone           text,
    contact_public  boolean not null default false
);

create table animals (
    id                  bigint primary key,
    org_id              bigint not null references organizations (id) on delete cascade,
    name                text not null,
    species             text not null,
    primary_breed       text,
    secondary_breed     text,
    mixed               boolean not null default false,
    sex                 text not null,
    birth_date          date,
    age_group           text,
    size                text,
    color               text,
    coat_length         text,
    description         text,
    status              text not null,
    altered             boolean,
    shots_current       boolean,
    housetrained        boolean,
    declawed            boolean,
    special_needs       boolean,
    special_needs_notes text,
    ok_with_dogs        boolean,
    ok_with_cats        boolean,
    ok_with_kids        boolean,
    adoption_fee        numeric(10, 2),
    arrival_date        date,
    foster_id           bigint references fosters (id) on delete set null,
    export_enabled      boolean not null default true,
    updated_at          timestamptz not null default now()
);
create index animals_org_idx on animals (org_id);
create index animals_foster_idx on animals (foster_id);

create table animal_pictures (
    id          bigint primary key,
    animal_id   bigint not null references animals (id) on delete cascade,
    position    int not null,
    url         text not null,
    updated_at  timestamptz not null default now()
);
create index animal_pictures_animal_idx on animal_pictures (animal_id, position);

create table animal_videos (
    id          bigint primary key,
    animal_id   bigint not null references animals (id) on delete cascade,
    url         text not null
);
create index animal_videos_animal_idx on animal_videos (animal_id);

create table animal_partner_accounts (
    animal_id       bigint not null references animals (id) on delete cascade,
    partner_code    text not null,
    selected        boolean not null,
    primary key (animal_id, partner_code)
);
