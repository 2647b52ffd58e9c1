ALTER TYPE release_channel ADD VALUE 'nightly' BEFORE 'beta';
