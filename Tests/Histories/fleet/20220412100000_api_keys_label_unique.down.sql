DROP INDEX api_keys_org_id_label_idx;
