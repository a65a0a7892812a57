select a.id, a.org_id, a.name, a.species, a.primary_breed, a.secondary_breed, a.mixed, a.sex,
       a.birth_date, a.age_group, a.size, a.color, a.coat_length, a.description, a.status,
       a.altered, a.shots_current, a.housetrained, a.declawed, a.special_needs, a.special_needs_notes,
       a.ok_with_dogs, a.ok_with_cats, a.ok_with_kids, a.adoption_fee, a.arrival_date,
       f.name as foster_name, f.email as foster_email, f.phone as foster_phone,
       coalesce(f.contact_public, false) as foster_contact_public,
       (select cast(json_agg(json_build_object('url', p.url,
                    'version', cast(floor(extract(epoch from p.updated_at) * 1000) as bigint))
                    order by p.position, p.id) as text)
          from animal_pictures p where p.animal_id = a.id) as pictures,
       (select v.url from animal_videos v where v.animal_id = a.id order by v.id limit 1) as video_url
from animals a
left join fosters f on f.id = a.foster_id
where a.org_id = :#${header.orgId}
  and a.export_enabled
  and not exists (select 1 from animal_partner_accounts c
                  where c.animal_id = a.id and c.partner_code = :#${header.partnerCode} and not c.selected)
order by a.id
