alter table products add column archived boolean not null default false;

create view active_products as
    select id, sku, title, price_cents
    from products
    where not archived;
