-- Finance posts per year. post_sleutel is the post in lower case, so a capital letter more or
-- less in the finance export does not silently drop a post from the result.
with source as (
    select * from raw.financien
),

final as (
    select
        jaar,
        trim(post) as post,
        lower(trim(post)) as post_sleutel,
        cast(bedrag as decimal(18, 2)) as bedrag_eur,
        toelichting
    from source
)

select * from final
