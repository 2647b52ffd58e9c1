DROP TABLE app_todos;
DROP TYPE app_todo_priority;
