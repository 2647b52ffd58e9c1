BEGIN;

-- Running upgrade 6e0b4d8f2a57 -> d0a4e8c2f613

ALTER TABLE intake_forms ADD COLUMN allergies TEXT[] DEFAULT '{}' NOT NULL;

-- op.execute(): pull the allergy list out of the JSON answers
UPDATE intake_forms SET allergies = ARRAY(SELECT jsonb_array_elements_text(answers -> 'allergies')) WHERE jsonb_typeof(answers -> 'allergies') = 'array';

CREATE INDEX ix_intake_forms_allergies ON intake_forms USING gin (allergies);

COMMIT;

