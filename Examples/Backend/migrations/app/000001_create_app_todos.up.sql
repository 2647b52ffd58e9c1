CREATE TYPE app_todo_priority AS ENUM ('low', 'normal', 'urgent');

CREATE TABLE app_todos (
    id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    title      text NOT NULL,
    priority   app_todo_priority NOT NULL DEFAULT 'normal',
    due_on     date,
    tags       text[] NOT NULL DEFAULT '{}',
    created_at timestamptz NOT NULL DEFAULT now()
);

COMMENT ON TABLE app_todos IS 'Things to do.';
COMMENT ON COLUMN app_todos.due_on IS 'The day it is due, if any.';
