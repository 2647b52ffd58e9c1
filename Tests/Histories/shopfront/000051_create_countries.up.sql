create table countries (
    code char(2) primary key,
    name text not null,
    name_local text default null
);

insert into countries (code, name, name_local) values
    ('CH', 'Switzerland', 'Schweiz / Suisse / Svizzera'),
    ('DE', 'Germany', 'Deutschland'),
    ('CI', 'Côte d’Ivoire', NULL),
    ('JP', 'Japan', '日本'),
    ('IS', 'Iceland', 'Ísland');
