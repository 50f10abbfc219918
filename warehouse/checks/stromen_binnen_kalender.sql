-- Every month of the stock and flow marts lies in the calendar (first of a month, from the first
-- indication to the peildatum's month): a flow outside it would vanish from the balance check.
select 'clienten_maand' as mart, maand from marts.clienten_maand
where maand not in (select maand from intermediate.maanden)
union all
select 'stromen_maand', maand from marts.stromen_maand
where maand not in (select maand from intermediate.maanden)
union all
select 'mo_clienten_maand', maand from marts.mo_clienten_maand
where maand not in (select maand from intermediate.maanden)
union all
select 'mo_stromen_maand', maand from marts.mo_stromen_maand
where maand not in (select maand from intermediate.maanden)
