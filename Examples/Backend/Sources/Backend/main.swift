import AppModels
import Foundation

// A model generated from the migrations, encoded with the database's column names.
let todo = AppTodo(
    id: UUID(uuidString: "7d0a6f4e-1c1b-4a4f-9f2e-3b5c2d1e0f9a")!,
    title: "Write the first migration",
    priority: .urgent,
    dueOn: PGDate(year: 2026, month: 12, day: 1),
    tags: ["docs"],
    createdAt: Date(timeIntervalSince1970: 1_764_000_000)
)
let encoder = JSONEncoder()
encoder.outputFormatting = [.sortedKeys]
encoder.dateEncodingStrategy = .iso8601
print(String(decoding: try encoder.encode(todo), as: UTF8.self))
print("\(AppTodo.tableName): \(AppTodo.columnNames.joined(separator: ", "))")
