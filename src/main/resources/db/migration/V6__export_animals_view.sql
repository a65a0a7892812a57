-- One definition of an animal as the exports read it: its own columns, its foster's contact, its pictures in
-- position order (with the version that changes when a picture changes) and its first video. The feed and the
-- API queries in routes/sql select from it.
create view export_animals as
select a.id, a.org_id, a.name, a.species, a.primary_breed, a.secondary_breed, a.mixed, a.sex,
       a.birth_date, a.age_group, a.size, a.color, a.coat_length, a.description, a.status,
       a.altered, a.shots_current, a.housetrained, a.declawed, a.special_needs, a.special_needs_notes,
       a.ok_with_dogs, a.ok_with_cats, a.ok_with_kids, a.adoption_fee, a.arrival_date, a.export_enabled,
       a.updated_at,
       f.name as foster_name, f.email as foster_email, f.phone as foster_phone,
       coalesce(f.contact_public, false) as foster_contact_public,
       (select cast(json_agg(json_build_object('url', p.url,
                    'version', cast(floor(extract(epoch from p.updated_at) * 1000) as bigint))
                    order by p.position, p.id) as text)
          from animal_pictures p where p.animal_id = a.id) as pictures,
       (select v.url from animal_videos v where v.animal_id = a.id order by v.id limit 1) as video_url
from animals a
left join fosters f on f.id = a.foster_id;
