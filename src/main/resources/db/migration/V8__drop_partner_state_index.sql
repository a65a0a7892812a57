-- animal_export_state (partner_code, state) served the change poll's old search for deleted animals, which
-- compared a partner's whole export state with animals; the deletion log (V7) replaced that search. Every
-- query left reads the state by animal (the primary key) or by organisation (animal_export_state_org_idx),
-- and each push and each listed animal wrote this index for nothing.
drop index if exists animal_export_state_partner_state_idx;
