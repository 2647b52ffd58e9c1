DROP TABLE agent_shifts;
DROP EXTENSION btree_gist;
