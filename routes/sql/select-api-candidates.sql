select a.*,
       coalesce(c.selected, true) as selected,
       false as animal_missing,
       pa.partner_code, pa.account_id, pa.secret, pa.enabled as account_enabled,
       o.api_exports_enabled, o.name as org_name, o.homepage_url, o.animal_page_url_template,
       o.website_service, o.description_links_enabled,
       st.state as export_state, st.payload_hash, st.partner_ref, st.refused_hash,
       greatest(a.updated_at, o.updated_at, pa.updated_at) as changed_at
from partner_accounts pa
join organizations o on o.id = pa.org_id
join export_animals a on a.org_id = pa.org_id
left join animal_partner_accounts c on c.animal_id = a.id and c.partner_code = pa.partner_code
left join animal_export_state st on st.animal_id = a.id and st.partner_code = pa.partner_code
left join jsonb_each(cast(:#${header.apiListable} as jsonb)) takes (partner_code, what) on takes.partner_code = pa.partner_code
where pa.partner_code = any (string_to_array(:#${header.apiPartners}, ','))
  and pa.status = 'active'
  and pa.claimed_by = :#${header.instanceId}
  and pa.org_id = :#${header.orgId}
  and (cast(:#${header.onlyAnimal} as bigint) is null or a.id = cast(:#${header.onlyAnimal} as bigint))
  and ((pa.enabled and o.api_exports_enabled) or st.state = 'listed')
  -- An animal the partner does not list is read only if the partner could take it now: for the others the
  -- planner has nothing to do (a third of the rows of a full sync in the benchmark).
  and (st.state = 'listed'
       or (a.export_enabled and coalesce(c.selected, true)
           and coalesce(takes.what -> 'statuses' @> to_jsonb(a.status), takes.what is null)
           and coalesce(takes.what -> 'species' @> to_jsonb(a.species), takes.what -> 'species' is null)))
  and (cast(:#${header.fullSync} as boolean)
       or a.updated_at > cast(:#${header.since} as timestamptz)
       or o.updated_at > cast(:#${header.since} as timestamptz)
       or pa.updated_at > cast(:#${header.since} as timestamptz))
union all
select st.animal_id, st.org_id, null, null, null, null, false, null,
       null, null, null, null, null, null, null,
       null, null, null, null, null, null,
       null, null, null, null, null, false,
       null,
       null, null, null, false,
       null, null,
       false, true,
       pa.partner_code, pa.account_id, pa.secret, pa.enabled,
       o.api_exports_enabled, o.name, o.homepage_url, o.animal_page_url_template,
       o.website_service, o.description_links_enabled,
       st.state, st.payload_hash, st.partner_ref, st.refused_hash, st.updated_at
from animal_export_state st
join partner_accounts pa on pa.org_id = st.org_id and pa.partner_code = st.partner_code
join organizations o on o.id = st.org_id
where st.partner_code = any (string_to_array(:#${header.apiPartners}, ','))
  and st.state = 'listed'
  and pa.claimed_by = :#${header.instanceId}
  and st.org_id = :#${header.orgId}
  and (cast(:#${header.onlyAnimal} as bigint) is null or st.animal_id = cast(:#${header.onlyAnimal} as bigint))
  and not exists (select 1 from animals gone where gone.id = st.animal_id)
order by 2, 1
