DROP TABLE kb.articles;
DROP SCHEMA kb;
