import Foundation
import Hummingbird

/// The request context of every route: JSON in and out, dates as ISO 8601 (`2026-11-26T13:19:40Z`).
struct AppRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage

    init(source: Source) {
        coreContext = .init(source: source)
    }

    var requestDecoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }

    var responseEncoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }
}

/// Query parameters of a list: `?limit=20&offset=40`.
struct Page: Decodable {
    var limit: Int?
    var offset: Int?

    static let defaultLimit = 20
    static let maxLimit = 100

    /// The page a request asks for: limit 1 to 100 (default 20), offset 0 or more.
    static func of(_ request: Request, context: AppRequestContext) throws -> (limit: Int, offset: Int) {
        let page: Page
        do {
            page = try request.uri.decodeQuery(as: Page.self, context: context)
        } catch {
            throw APIError(.unprocessableContent, code: "invalid_query", message: "limit and offset must be whole numbers")
        }
        let limit = page.limit ?? defaultLimit
        let offset = page.offset ?? 0
        guard (1...maxLimit).contains(limit) else {
            throw APIError(.unprocessableContent, code: "invalid_query", message: "limit must be between 1 and \(maxLimit)")
        }
        guard offset >= 0 else {
            throw APIError(.unprocessableContent, code: "invalid_query", message: "offset must not be negative")
        }
        return (limit, offset)
    }
}

/// One page of a list, with the total number of items.
struct Paged<Item: Encodable & Sendable>: ResponseEncodable, Sendable {
    var items: [Item]
    var limit: Int
    var offset: Int
    var total: Int
}

extension Request {
    /// The body decoded as JSON with the context's decoder. A body that does not decode throws
    /// the `DecodingError` itself (`request.decode` turns it into a 400 with the decoder's
    /// wording), which ``ErrorMiddleware`` answers as 422 naming the field.
    func json<T: Decodable>(_ type: T.Type, context: AppRequestContext) async throws -> T {
        let body = try await body.collect(upTo: context.maxUploadSize)
        return try context.requestDecoder.decode(T.self, from: body)
    }
}
