-- One organisation's animals for all its FTP partners at once: each feed of the organisation in this cycle builds
-- from these rows, leaving out the animals deselected for its partner (deselected_for, comma-separated codes).
select a.*,
       array_to_string(array(select c.partner_code from animal_partner_accounts c
                             where c.animal_id = a.id and not c.selected order by c.partner_code), ',') as deselected_for
from export_animals a
where a.org_id = :#${header.orgId}
  and a.export_enabled
order by a.id
