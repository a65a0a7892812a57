select a.*
from export_animals a
where a.org_id = :#${header.orgId}
  and a.export_enabled
  and not exists (select 1 from animal_partner_accounts c
                  where c.animal_id = a.id and c.partner_code = :#${header.partnerCode} and not c.selected)
order by a.id
