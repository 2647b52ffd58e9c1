DROP TABLE org_quotas;
