drop view active_products;
alter table products drop column archived;
