-- Demo data of the embedded default: three organisations with different settings (organisation 3 has its
-- API exports switched off; organisation 2 asks PetRescue for an account), 45 animals of mixed
-- species and statuses, fosters, pictures, videos and every switch in both positions.

insert into organizations (id, name, email, phone, city, state, postal_code, homepage_url, animal_page_url_template,
                           website_service, description_links_enabled, api_exports_enabled) values
  (1, 'Happy Tails Rescue', 'adopt@happytails.example.org', '555-0100', 'Trenton', 'NJ', '08601',
   'https://happytails.example.org', 'https://happytails.example.org/animals/{id}', true, true, true),
  (2, 'Second Chance Cats', 'hello@secondchance.example.org', '555-0200', 'Austin', 'TX', '73301',
   'https://secondchance.example.org', 'https://secondchance.example.org/pet?id={id}', true, false, true),
  (3, 'Farm Friends Sanctuary', 'info@farmfriends.example.org', '555-0300', 'Eugene', 'OR', '97401',
   null, null, false, true, false);

insert into partner_accounts (org_id, partner_code, enabled, account_id, username, secret, status) values
  (1, 'petfinder', true, 'NJ94', 'nj94', 'demo-secret-1', 'active'),
  (1, 'adoptapet', true, '10001', 'aap10001', 'demo-secret-2', 'active'),
  (2, 'petfinder', true, 'TX12', 'tx12', 'demo-secret-3', 'active'),
  (2, 'adoptapet', false, '10002', 'aap10002', 'demo-secret-4', 'active'),
  (3, 'petfinder', true, 'OR07', 'or07', 'demo-secret-5', 'active'),
  (3, 'adoptapet', true, '10003', 'aap10003', 'demo-secret-6', 'active'),
  (1, 'petrescue', true, 'HTR-1', null, 'demo-token-7', 'active'),
  (1, 'savourlife', true, 'HTR-SL', null, 'demo-token-8', 'active'),
  (2, 'petrescue', true, null, null, null, 'new'),
  (3, 'petrescue', true, 'FFS-3', null, 'demo-token-9', 'active');

insert into fosters (id, org_id, name, email, phone, contact_public) values
  (1, 1, 'Jane Porter', 'jane.porter@example.com', '555-0111', true),
  (2, 1, 'Sam Lee', 'sam.lee@example.com', '555-0112', false),
  (3, 2, 'Maria Gomez', 'maria@example.com', '555-0211', true);

-- 45 animals: 15 per organisation, names, species and statuses drawn in turn from the lists below.
insert into animals (id, org_id, name, species, primary_breed, secondary_breed, mixed, sex, birth_date, age_group,
                     size, color, coat_length, description, status, altered, shots_current, housetrained, declawed,
                     special_needs, special_needs_notes, ok_with_dogs, ok_with_cats, ok_with_kids, adoption_fee,
                     arrival_date, foster_id, export_enabled)
select n,
       1 + (n - 1) / 15,
       (array['Biscuit','Luna','Max','Daisy','Oreo','Pepper','Rocky','Willow','Ziggy','Hazel','Milo','Clover',
              'Bandit','Poppy','Tank'])[1 + (n - 1) % 15],
       case when n <= 15 then (array['Dog','Dog','Cat','Dog','Rabbit'])[1 + n % 5]
            when n <= 30 then 'Cat'
            else (array['Pig','Goat','Horse','Guinea Pig','Chicken','Dog'])[1 + n % 6] end,
       case when n <= 15 then (array['Labrador Retriever','Beagle','Domestic Short Hair','Pit Bull','Holland Lop'])[1 + n % 5]
            when n <= 30 then (array['Domestic Short Hair','Siamese','Maine Coon','DLH','Tabby'])[1 + n % 5]
            else null end,
       case when n % 7 = 0 then 'Boxer' when n % 11 = 0 then 'Space Wolf' else null end,
       n % 3 = 0,
       (array['Male','Female'])[1 + n % 2],
       current_date - (n * 97) % 5000,
       case when n % 4 = 0 then 'Adult' else null end,
       (array['Small','Medium','Large','X-Large'])[1 + n % 4],
       (array['Black/White','Brown','Gray and White','Orange','Tricolor'])[1 + n % 5],
       (array['Short','Medium','Long'])[1 + n % 3],
       case when n % 5 = 0 then '<p>Loves <b>walks</b> &amp; naps.</p><p>Great with kids!</p>'
            else 'A sweet companion looking for a home.' || chr(10) || 'Ask us about ' ||
                 (array['Biscuit','Luna','Max','Daisy','Oreo','Pepper','Rocky','Willow','Ziggy','Hazel','Milo','Clover',
                        'Bandit','Poppy','Tank'])[1 + (n - 1) % 15] || '.' end,
       (array['Available','Available','Available','Hold','Pending','Adopted','Available','Deceased','Unavailable'])[1 + n % 9],
       n % 2 = 0, n % 3 <> 0, n % 4 <> 0, case when n > 15 and n <= 30 then n % 5 = 0 else null end,
       n % 13 = 0, case when n % 13 = 0 then 'Needs daily medication' else null end,
       case when n % 3 = 0 then null else n % 2 = 0 end,
       case when n % 4 = 0 then null else n % 3 = 0 end,
       case when n % 5 = 0 then null else true end,
       case when n % 6 = 0 then 0 else 50 + n * 5 end,
       current_date - n * 3,
       case when n in (2, 5) then 1 when n = 8 then 2 when n in (17, 20) then 3 else null end,
       n not in (14, 29)
from generate_series(1, 45) as n;

insert into animal_pictures (id, animal_id, position, url)
select a.id * 10 + p, a.id, p, 'https://images.example.org/animals/' || a.id || '/' || p || '.jpg'
from animals a cross join generate_series(1, 3) as p
where a.id % 4 <> 0;

insert into animal_videos (id, animal_id, url)
select id, id, 'https://www.youtube.com/watch?v=demo' || id from animals where id % 6 = 1;

-- Per-animal partner choices: some animals kept off one partner.
insert into animal_partner_accounts (animal_id, partner_code, selected) values
  (3, 'adoptapet', false), (7, 'petfinder', false), (9, 'petfinder', true), (33, 'adoptapet', false);
