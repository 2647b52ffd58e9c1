import Foundation
import Hummingbird
import PGClient
import PGRecord

/// An error as the API answers it: a status and `{"error": {"code": …, "message": …}}`, with the
/// constraint's name when one was violated. Never the SQL, the server's message or bind values.
struct APIError: HTTPResponseError {
    var status: HTTPResponse.Status
    var code: String
    var message: String
    var constraint: String?

    init(_ status: HTTPResponse.Status, code: String, message: String, constraint: String? = nil) {
        self.status = status
        self.code = code
        self.message = message
        self.constraint = constraint
    }

    static func notFound(_ what: String) -> APIError {
        APIError(.notFound, code: "not_found", message: "no \(what) with this id")
    }

    private struct Body: Encodable {
        struct Detail: Encodable {
            var code: String
            var message: String
            var constraint: String?
        }

        var error: Detail
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        var response = try context.responseEncoder.encode(
            Body(error: .init(code: code, message: message, constraint: constraint)), from: request, context: context
        )
        response.status = status
        return response
    }
}

extension APIError {
    /// What the user sees for each rule of the schema; a rule not listed is named as it is.
    static let constraintMessages: [String: String] = [
        "app_clients_email_key": "a client with this email already exists",
        "app_clients_name_length": "name must be 1 to 200 characters",
        "app_clients_email_shape": "email must look like name@example.com",
        "app_knowledge_base_title_length": "title must be 1 to 300 characters",
        "app_messages_body_not_empty": "body must not be empty",
        "app_credits_balance_non_negative": "not enough credits",
        "app_credit_uses_message_key": "this message was already charged",
    ]

    /// A database error as the API answers it: a broken rule of the schema is the client's
    /// conflict (409) or bad input (422); the database being away is 503; anything else is 500
    /// with nothing of the error in it (it is logged instead).
    init(_ error: PGError) {
        let constraint = error.constraint
        let rule = constraint.flatMap { Self.constraintMessages[$0] }
        switch error.sqlState ?? "" {
        case "23505":
            self.init(.conflict, code: "already_exists", message: rule ?? "a row with this value already exists", constraint: constraint)
        case "23514" where constraint == "app_credits_balance_non_negative":
            self.init(.conflict, code: "insufficient_credits", message: rule ?? "not enough credits", constraint: constraint)
        case "23514":
            self.init(.unprocessableContent, code: "invalid_value", message: rule ?? "a value breaks the rule \(constraint ?? "of the table")", constraint: constraint)
        case "23502":
            self.init(.unprocessableContent, code: "missing_value", message: "\(error.column ?? "a field") must not be null")
        case "23503":
            self.init(.unprocessableContent, code: "unknown_reference", message: rule ?? "it refers to something that does not exist", constraint: constraint)
        case "22001", "22003", "22007", "22008", "22P02", "22P05", "22021", "22023":
            self.init(.unprocessableContent, code: "invalid_value", message: "a value is too long, out of range or not of the expected form")
        case "40001", "40P01":
            self.init(.conflict, code: "try_again", message: "the request met a concurrent change; try again")
        case "57014", "57P01", "57P02", "57P03", "53300":
            self.init(.serviceUnavailable, code: "database_unavailable", message: "the database is not available; try again")
        default:
            if error.kind == .connection {
                self.init(.serviceUnavailable, code: "database_unavailable", message: "the database is not available; try again")
            } else {
                self.init(.internalServerError, code: "internal", message: "the request failed")
            }
        }
    }
}

/// Turns whatever a route throws into an ``APIError``: database errors by their SQLSTATE, a body
/// that does not decode as 422, Hummingbird's own errors (no route, a malformed id) as they are.
struct ErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as APIError {
            throw error
        } catch let error as PGError {
            let mapped = APIError(error)
            if mapped.status == .internalServerError {
                context.logger.error("database error: \(error)")
            }
            throw mapped
        } catch let error as PGTransactionAbortedError {
            context.logger.error("\(error)")
            throw APIError(.internalServerError, code: "internal", message: "the request failed")
        } catch is PGPoolError {
            throw APIError(.serviceUnavailable, code: "database_unavailable", message: "the database is not available; try again")
        } catch let error as DecodingError {
            throw APIError(.unprocessableContent, code: "invalid_body", message: Self.describe(error))
        } catch let error as any HTTPResponseError {
            throw error
        } catch {
            context.logger.error("\(error)")
            throw APIError(.internalServerError, code: "internal", message: "the request failed")
        }
    }

    /// What is wrong with a body, by field (`email: missing`), without echoing its values.
    static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.map(\.stringValue).joined(separator: ".")
            return keys.isEmpty ? "the body" : keys
        }
        switch error {
        case .keyNotFound(let key, let context):
            let parent = path(context)
            return (parent == "the body" ? "" : parent + ".") + key.stringValue + " is missing"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "\(path(context)) has the wrong type"
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty ? "the body is not valid JSON" : "\(path(context)) is not valid"
        @unknown default:
            return "the body is not valid"
        }
    }
}
