-- Data check: does the flow explain the stand? Per month for the whole region:
-- stand(month) - stand(previous month) - instroom + uitstroom (0 when the books balance).
with stand as (
    select maand, sum(actief) as actief
    from marts.clienten_maand
    group by maand
),
stromen as (
    select maand, sum(instroom) as instroom, sum(uitstroom) as uitstroom
    from marts.stromen_maand
    group by maand
),
final as (
    select s.maand,
           cast(lag(s.actief) over (order by s.maand) as bigint) as stand_vorige,
           cast(coalesce(f.instroom, 0) as bigint) as instroom,
           cast(coalesce(f.uitstroom, 0) as bigint) as uitstroom,
           cast(s.actief as bigint) as stand,
           cast(s.actief - lag(s.actief) over (order by s.maand) - coalesce(f.instroom, 0)
                + coalesce(f.uitstroom, 0) as bigint) as verschil
    from stand as s
    left join stromen as f using (maand)
)
select * from final
where stand_vorige is not null
order by maand
