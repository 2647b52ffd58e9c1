DROP INDEX kb.articles_body_fr_idx;
DROP INDEX kb.articles_body_de_idx;
DROP INDEX kb.articles_body_en_idx;
