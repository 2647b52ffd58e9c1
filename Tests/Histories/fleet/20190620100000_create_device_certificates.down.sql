DROP TABLE device_certificates;
