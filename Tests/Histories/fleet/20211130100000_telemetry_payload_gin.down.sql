DROP INDEX telemetry_payload_idx;
