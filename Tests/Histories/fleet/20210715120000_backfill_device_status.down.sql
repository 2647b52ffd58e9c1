UPDATE devices SET status = 'active' WHERE status = 'maintenance';
