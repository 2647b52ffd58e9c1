UPDATE tickets SET sla_policy_id = NULL;
